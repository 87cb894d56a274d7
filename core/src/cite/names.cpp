#include "cite/names.hpp"

#include "util/utf8.hpp"

namespace playmaker::cite {
namespace {

// The first code point of `s` as UTF-8.
std::string first_letter(std::string_view s) {
    std::size_t pos = 0;
    if (utf8::decode(s, pos) < 0) return std::string(s.substr(0, 1));
    return std::string(s.substr(0, pos));
}

}  // namespace

std::string initials(std::string_view given) {
    // Words are separated by spaces and by the periods of initials already given.
    std::string out;
    std::size_t i = 0;
    while (i < given.size()) {
        while (i < given.size() && (given[i] == ' ' || given[i] == '.')) ++i;
        std::size_t start = i;
        while (i < given.size() && given[i] != ' ' && given[i] != '.') ++i;
        std::string_view word = given.substr(start, i - start);
        if (word.empty()) continue;
        if (!out.empty()) out += ' ';
        // "Jean-Paul" → "J.-P."
        std::size_t p = 0;
        bool first_part = true;
        while (p < word.size()) {
            std::size_t h = word.find('-', p);
            std::string_view part = word.substr(p, h == std::string_view::npos ? word.npos : h - p);
            if (!part.empty()) {
                if (!first_part) out += '-';
                out += first_letter(part) + ".";
                first_part = false;
            }
            if (h == std::string_view::npos) break;
            p = h + 1;
        }
    }
    return out;
}

std::string inverted_name(const Name& n) {
    if (n.family.empty()) return n.literal;
    std::string in = initials(n.given);
    return in.empty() ? n.family : n.family + ", " + in;
}

std::string given_first_name(const Name& n) {
    if (n.family.empty()) return n.literal;
    std::string in = initials(n.given);
    return in.empty() ? n.family : in + " " + n.family;
}

std::string short_name(const Name& n, bool with_initials) {
    if (n.family.empty()) return n.literal;
    return with_initials ? given_first_name(n) : n.family;
}

std::string bib_name_list(const std::vector<Name>& names) {
    std::string out;
    const std::size_t n = names.size();
    if (n >= 21) {
        for (std::size_t i = 0; i < 19; ++i) out += inverted_name(names[i]) + ", ";
        return out + "… " + inverted_name(names.back());
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += (i + 1 == n) ? ", & " : ", ";
        out += inverted_name(names[i]);
    }
    return out;
}

std::string given_first_list(const std::vector<Name>& names) {
    std::string out;
    const std::size_t n = names.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += (i + 1 == n) ? (n == 2 ? " & " : ", & ") : ", ";
        out += given_first_name(names[i]);
    }
    return out;
}

std::string in_text_name_list(const std::vector<Name>& names, std::size_t shown, bool initials,
                              bool narrative, const Terms& t) {
    const std::size_t n = names.size();
    if (n == 0) return {};
    if (shown == 0 || shown > n) shown = n;
    std::string out = short_name(names[0], initials);
    if (shown < n) {
        for (std::size_t i = 1; i < shown; ++i) out += ", " + short_name(names[i], false);
        return out + (shown >= 2 ? ", " : " ") + t.et_al;
    }
    // APA: "&" in parentheses, the word in running text. Norwegian and Swedish put no comma
    // before "og"/"och"; English keeps the serial comma.
    std::string last_sep;
    if (!narrative) {
        last_sep = n == 2 ? " & " : ", & ";
    } else {
        bool serial = n > 2 && std::string_view(t.and_word) == "and";
        last_sep = std::string(serial ? ", " : " ") + t.and_word + " ";
    }
    for (std::size_t i = 1; i < n; ++i) {
        out += (i + 1 == n) ? last_sep : ", ";
        out += short_name(names[i], false);
    }
    return out;
}

}  // namespace playmaker::cite
