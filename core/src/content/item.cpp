#include "playmaker/item.hpp"

#include <algorithm>
#include <cctype>

#include "content/markdown.hpp"

namespace playmaker {
namespace {

struct KindNames {
    Kind kind;
    const char* name;
    const char* folder;
};

constexpr KindNames kNames[] = {
    {Kind::Finding, "finding", "findings"},
    {Kind::Driver, "driver", "drivers"},
    {Kind::Opportunity, "opportunity", "opportunities"},
    {Kind::Challenge, "challenge", "challenges"},
    {Kind::Case, "case", "cases"},
    {Kind::Recommendation, "recommendation", "recommendations"},
    {Kind::Concept, "concept", "concepts"},
};

int leading_year(const std::string& s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        bool digits = true;
        for (std::size_t j = 0; j < 4; ++j) digits = digits && std::isdigit(static_cast<unsigned char>(s[i + j]));
        if (digits) return std::stoi(s.substr(i, 4));
    }
    return 0;
}

}  // namespace

const char* kind_name(Kind kind) {
    for (const auto& k : kNames) {
        if (k.kind == kind) return k.name;
    }
    return "item";
}

const char* kind_folder(Kind kind) {
    for (const auto& k : kNames) {
        if (k.kind == kind) return k.folder;
    }
    return "items";
}

std::optional<Kind> kind_from_name(std::string_view name) {
    for (const auto& k : kNames) {
        if (name == k.name) return k.kind;
    }
    return std::nullopt;
}

std::optional<Kind> kind_from_folder(std::string_view folder) {
    for (const auto& k : kNames) {
        if (folder == k.folder) return k.kind;
    }
    return std::nullopt;
}

Position Item::where(const std::string& field) const {
    auto it = positions.find(field);
    return it != positions.end() ? it->second : Position{1, 1};
}

int Item::year() const {
    if (int y = leading_year(date)) return y;
    return leading_year(period);
}

std::vector<std::string> Item::cited_keys() const {
    std::vector<std::string> keys;
    auto add = [&](const std::string& k) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    };
    for (const auto& s : sources) add(s);
    for (const auto& c : citations) {
        for (const auto& r : c.refs) add(r.key);
    }
    return keys;
}

std::string Item::body_text() const { return markdown::to_text(body); }
std::string Item::body_html() const { return markdown::to_html(body); }

}  // namespace playmaker
