#include "cite/text.hpp"

#include <Poco/Unicode.h>

#include <array>
#include <cctype>
#include <vector>

#include "util/utf8.hpp"

namespace playmaker::cite {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Opening a quotation is possible after a space, an opening bracket, a dash or another
// quotation mark; closing is possible before a space, punctuation or the end.
bool can_open(std::string_view s, std::size_t i) {
    if (i + 1 >= s.size() || is_space(s[i + 1])) return false;
    if (i == 0) return true;
    char p = s[i - 1];
    if (is_space(p) || p == '(' || p == '[' || p == '{' || p == '-' || p == '/' || p == '\'' ||
        p == '"')
        return true;
    // after an en or em dash (UTF-8 E2 80 93/94) or a typographic quote (E2 80 98..9D, C2 AB)
    if (i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[i - 2]) == 0x80)
        return true;
    return i >= 2 && static_cast<unsigned char>(s[i - 2]) == 0xC2 &&
           static_cast<unsigned char>(s[i - 1]) == 0xAB;
}

bool can_close(std::string_view s, std::size_t i) {
    if (i == 0 || is_space(s[i - 1])) return false;
    if (i + 1 >= s.size()) return true;
    unsigned char n = static_cast<unsigned char>(s[i + 1]);
    return !(std::isalnum(n) || n >= 0x80);
}

}  // namespace

std::string localize_quotes(std::string_view s, const Terms& t, int depth) {
    if (s.find_first_of("'\"") == std::string_view::npos) return std::string(s);
    // First pair the quotation marks, then write them out with their depth.
    enum Role : char { kNone, kOpen, kClose, kApostrophe };
    std::vector<Role> role(s.size(), kNone);
    std::vector<int> level(s.size(), 0);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c != '\'' && c != '"') continue;
        if (!stack.empty() && s[stack.back()] == c && can_close(s, i)) {
            role[stack.back()] = kOpen;
            role[i] = kClose;
            level[i] = level[stack.back()] = static_cast<int>(stack.size()) - 1;
            stack.pop_back();
        } else if (can_open(s, i)) {
            stack.push_back(i);
        } else if (c == '\'') {
            role[i] = kApostrophe;
        }
    }
    for (std::size_t i : stack) {
        if (s[i] == '\'') role[i] = kApostrophe;  // an unclosed ' is an apostrophe
    }
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        switch (role[i]) {
            case kNone: out += s[i]; break;
            case kApostrophe: out += "’"; break;
            case kOpen: out += ((level[i] + depth) % 2 == 0) ? t.open_quote : t.open_inner; break;
            case kClose:
                out += ((level[i] + depth) % 2 == 0) ? t.close_quote : t.close_inner;
                break;
        }
    }
    return out;
}

std::string page_range(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    auto digits_at = [&](std::size_t p) {
        std::size_t e = p;
        while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
        return e;
    };
    while (i < s.size()) {
        std::size_t e = digits_at(i);
        if (e == i) {
            out += s[i++];
            continue;
        }
        std::string_view first = s.substr(i, e - i);
        out += first;
        i = e;
        // a hyphen (or two) between two numbers
        std::size_t h = i;
        while (h < s.size() && s[h] == '-') ++h;
        if (h > i && h - i <= 2) {
            std::size_t e2 = digits_at(h);
            if (e2 > h) {
                std::string_view second = s.substr(h, e2 - h);
                out += "–";
                if (second.size() < first.size()) {
                    out += first.substr(0, first.size() - second.size());
                }
                out += second;
                i = e2;
            }
        }
    }
    return out;
}

bool is_numeric(std::string_view s) {
    bool any = false;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        std::string_view word = s.substr(start, i - start);
        if (word.empty()) continue;
        // split the word on the separators; every part must hold a digit
        std::size_t p = 0;
        bool part_ok = true;
        bool part_any = false;
        while (p <= word.size()) {
            std::size_t q = p;
            bool digit = false;
            while (q < word.size() && std::string_view("-,/:.&").find(word[q]) == std::string_view::npos &&
                   !word.substr(q).starts_with("–")) {
                if (std::isdigit(static_cast<unsigned char>(word[q]))) digit = true;
                ++q;
            }
            if (q > p) {
                part_any = true;
                if (!digit) part_ok = false;
            }
            if (q >= word.size()) break;
            p = q + (word.substr(q).starts_with("–") ? 3 : 1);
        }
        if (!part_any || !part_ok) return false;
        any = true;
    }
    return any;
}

std::string capitalize_first(std::string_view s) {
    std::size_t pos = 0;
    int32_t cp = utf8::decode(s, pos);
    if (cp < 0) return std::string(s);
    std::string out;
    utf8::append(out, Poco::Unicode::toUpper(cp));
    out += s.substr(pos);
    return out;
}

std::string title_case(std::string_view s) {
    static const std::array<std::string_view, 26> kSmall = {
        "a",    "an",   "and", "as",   "at",   "but",  "by", "down", "for",
        "from", "in",   "into", "nor", "of",   "on",   "onto", "or", "over",
        "so",   "the",  "till", "to",  "up",   "via",  "with", "yet"};
    std::string out;
    std::size_t i = 0;
    bool first = true, after_colon = false;
    while (i < s.size()) {
        if (is_space(s[i])) {
            out += s[i++];
            continue;
        }
        std::size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        std::string_view word = s.substr(start, i - start);
        bool lower = true;
        for (char c : word) {
            if (std::isupper(static_cast<unsigned char>(c))) lower = false;
        }
        bool small = false;
        for (auto w : kSmall) {
            if (word == w) small = true;
        }
        if (lower && (!small || first || after_colon)) {
            out += capitalize_first(word);
        } else {
            out += word;
        }
        first = false;
        after_colon = word.back() == ':' || word.back() == '?' || word.back() == '!';
    }
    return out;
}

}  // namespace playmaker::cite
