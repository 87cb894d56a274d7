// A plain data tree (null, bool, text, list, map) — the data view a template renders.
//
// The Note model is turned into one Value tree for every output format, so each renderer
// is a template over the same data (DESIGN.md). Values are ordinary copyable objects;
// not shared between threads while one of them writes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace playmaker {

class Value {
public:
    using List = std::vector<Value>;
    using Map = std::map<std::string, Value>;

    Value() = default;
    Value(bool b) : v_(b) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(int n) : v_(std::to_string(n)) {}
    Value(long n) : v_(std::to_string(n)) {}
    Value(List l) : v_(std::make_shared<List>(std::move(l))) {}
    Value(Map m) : v_(std::make_shared<Map>(std::move(m))) {}

    bool is_null() const { return v_.index() == 0; }
    bool is_bool() const { return v_.index() == 1; }
    bool is_string() const { return v_.index() == 2; }
    bool is_list() const { return v_.index() == 3; }
    bool is_map() const { return v_.index() == 4; }

    bool as_bool() const { return is_bool() && std::get<1>(v_); }
    const std::string& as_string() const;
    const List& as_list() const;
    const Map& as_map() const;
    List& list();  // makes this a list if it is null
    Map& map();    // makes this a map if it is null

    // Map access: creates the key (as null) when writing; a missing key reads as null.
    Value& operator[](const std::string& key) { return map()[key]; }
    const Value& get(const std::string& key) const;

private:
    std::variant<std::monostate, bool, std::string, std::shared_ptr<List>, std::shared_ptr<Map>> v_;
};

// Renders a Mustache template (kainjow) over `data`. {{x}} is HTML-escaped, {{{x}}} raw.
// `partials` maps partial names to template text. Throws std::runtime_error with the
// template's name and the error's line when the template is malformed.
std::string render_template(const std::string& name, const std::string& tmpl, const Value& data,
                            const std::map<std::string, std::string>& partials = {});

// A template parsed once and rendered many times, for writers of thousands of pages (the
// site). Partials are not supported: put their text in place before. Not thread-safe:
// give each thread its own.
class Template {
public:
    // Throws std::runtime_error with `name` when the template is malformed.
    Template(const std::string& name, const std::string& text);
    ~Template();
    Template(const Template&) = delete;
    Template& operator=(const Template&) = delete;
    std::string render(const Value& data) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace playmaker
