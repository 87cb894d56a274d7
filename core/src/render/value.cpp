// The Value tree, and Mustache rendering over it: the one place that includes kainjow's
// header (about 7 s of compile time per translation unit).
#include "playmaker/value.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>


namespace playmaker {
namespace {

const Value kNull;
const std::string kEmpty;
const Value::List kEmptyList;
const Value::Map kEmptyMap;

kainjow::mustache::data to_data(const Value& v) {
    using kainjow::mustache::data;
    if (v.is_bool()) return data(v.as_bool());
    if (v.is_string()) return data(v.as_string());
    if (v.is_list()) {
        data list(data::type::list);
        for (const auto& e : v.as_list()) list.push_back(to_data(e));
        return list;
    }
    if (v.is_map()) {
        data obj(data::type::object);
        for (const auto& [k, e] : v.as_map()) obj.set(k, to_data(e));
        return obj;
    }
    return data(false);
}

}  // namespace

const std::string& Value::as_string() const { return is_string() ? std::get<2>(v_) : kEmpty; }
const Value::List& Value::as_list() const { return is_list() ? *std::get<3>(v_) : kEmptyList; }
const Value::Map& Value::as_map() const { return is_map() ? *std::get<4>(v_) : kEmptyMap; }

Value::List& Value::list() {
    if (!is_list()) v_ = std::make_shared<List>();
    return *std::get<3>(v_);
}

Value::Map& Value::map() {
    if (!is_map()) v_ = std::make_shared<Map>();
    return *std::get<4>(v_);
}

const Value& Value::get(const std::string& key) const {
    if (!is_map()) return kNull;
    auto it = std::get<4>(v_)->find(key);
    return it == std::get<4>(v_)->end() ? kNull : it->second;
}

std::string render_template(const std::string& name, const std::string& tmpl, const Value& data,
                            const std::map<std::string, std::string>& partials) {
    kainjow::mustache::mustache m(tmpl);
    if (!m.is_valid()) {
        throw std::runtime_error("template " + name + ": " + m.error_message());
    }
    // Partials are only needed at the top level: kainjow looks names up the context stack.
    kainjow::mustache::data root = to_data(data);
    if (data.is_map()) {
        for (const auto& [pname, text] : partials) {
            std::string copy = text;
            root.set(pname, kainjow::mustache::data(kainjow::mustache::partial([copy] { return copy; })));
        }
    }
    std::string out = m.render(root);
    if (!m.is_valid()) throw std::runtime_error("template " + name + ": " + m.error_message());
    return out;
}

struct Template::Impl {
    std::string name;
    mutable kainjow::mustache::mustache m;
    Impl(std::string n, const std::string& text) : name(std::move(n)), m(text) {}
};

Template::Template(const std::string& name, const std::string& text) : impl_(std::make_unique<Impl>(name, text)) {
    if (!impl_->m.is_valid()) throw std::runtime_error("template " + name + ": " + impl_->m.error_message());
}

Template::~Template() = default;

std::string Template::render(const Value& data) const {
    std::string out = impl_->m.render(to_data(data));
    if (!impl_->m.is_valid()) throw std::runtime_error("template " + impl_->name + ": " + impl_->m.error_message());
    return out;
}

}  // namespace playmaker
