#include "notes/strings.hpp"

#include <yaml-cpp/yaml.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "playmaker/resources.hpp"
#include "util/text.hpp"

namespace playmaker {

const Strings& Strings::of(const std::string& lang) {
    static std::mutex mu;
    static std::map<std::string, std::unique_ptr<Strings>> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = cache[lang];
    if (!slot) {
        std::string path = resource_path("templates/i18n/" + lang + ".yaml");
        auto s = std::make_unique<Strings>();
        try {
            YAML::Node root = YAML::Load(text::read_file(path));
            for (const auto& kv : root) s->map_[kv.first.Scalar()] = kv.second.Scalar();
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot read UI strings " + path + ": " + e.what());
        }
        slot = std::move(s);
    }
    return *slot;
}

std::string Strings::get(const std::string& key,
                         const std::vector<std::pair<std::string, std::string>>& values) const {
    auto it = map_.find(key);
    std::string out = it == map_.end() ? key : it->second;
    for (const auto& [name, value] : values) {
        std::string mark = "{" + name + "}";
        for (std::size_t p = out.find(mark); p != std::string::npos; p = out.find(mark, p + value.size())) {
            out.replace(p, mark.size(), value);
        }
    }
    return out;
}

}  // namespace playmaker
