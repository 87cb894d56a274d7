#include "cite/collate.hpp"

#include <Poco/Unicode.h>

#include "util/utf8.hpp"

namespace playmaker::cite {
namespace {

// Primary weights above every Latin letter for the letters a language sorts after z.
constexpr char32_t kAfterZ1 = U'z' + 1;
constexpr char32_t kAfterZ2 = U'z' + 2;
constexpr char32_t kAfterZ3 = U'z' + 3;

// Folds accented Latin letters to their base letter; 0 when `c` is not one of them.
char32_t base_letter(char32_t c) {
    switch (c) {
        case U'à': case U'á': case U'â': case U'ã': case U'ā': case U'ą': case U'ă': return U'a';
        case U'ç': case U'č': case U'ć': return U'c';
        case U'ď': case U'đ': case U'ð': return U'd';
        case U'è': case U'é': case U'ê': case U'ë': case U'ē': case U'ę': case U'ě': return U'e';
        case U'ì': case U'í': case U'î': case U'ï': case U'ī': return U'i';
        case U'ł': case U'ľ': return U'l';
        case U'ñ': case U'ń': case U'ň': return U'n';
        case U'ò': case U'ó': case U'ô': case U'õ': case U'ō': return U'o';
        case U'ř': return U'r';
        case U'š': case U'ś': case U'ş': return U's';
        case U'ť': case U'ţ': return U't';
        case U'ù': case U'ú': case U'û': case U'ū': case U'ů': return U'u';
        case U'ý': case U'ÿ': return U'y';
        case U'ž': case U'ź': case U'ż': return U'z';
        default: return 0;
    }
}

struct Unit {
    char32_t primary;
    char32_t secondary;  // 0: the plain letter
};

// The primary weights of one lower-cased letter; two units for æ and ß in English.
int weigh(char32_t c, CiteLang lang, Unit out[2]) {
    const bool nordic_no = lang == CiteLang::nb || lang == CiteLang::nn;
    switch (c) {
        case U'æ':
            if (lang == CiteLang::en) {
                out[0] = {U'a', c};
                out[1] = {U'e', c};
                return 2;
            }
            out[0] = {nordic_no ? kAfterZ1 : kAfterZ2, c};  // sv: æ as ä
            return 1;
        case U'ä':
            if (lang == CiteLang::en) break;
            out[0] = {nordic_no ? kAfterZ1 : kAfterZ2, nordic_no ? c : 0};
            return 1;
        case U'ø':
            if (lang == CiteLang::en) {
                out[0] = {U'o', c};
                return 1;
            }
            out[0] = {nordic_no ? kAfterZ2 : kAfterZ3, c};  // sv: ø as ö
            return 1;
        case U'ö':
        case U'ő':
            if (lang == CiteLang::en) {
                out[0] = {U'o', c};
                return 1;
            }
            out[0] = {nordic_no ? kAfterZ2 : kAfterZ3, nordic_no || c == U'ő' ? c : 0};
            return 1;
        case U'å':
            if (lang == CiteLang::en) break;
            out[0] = {nordic_no ? kAfterZ3 : kAfterZ1, 0};
            return 1;
        case U'ü':
        case U'ű':
            if (lang == CiteLang::en) break;
            out[0] = {U'y', c};
            return 1;
        case U'w':
            if (lang != CiteLang::sv) break;
            out[0] = {U'v', c};  // Swedish sorts w with v
            return 1;
        case U'ß':
            out[0] = {U's', c};
            out[1] = {U's', c};
            return 2;
        case U'þ':
            out[0] = {U't', c};
            out[1] = {U'h', c};
            return 2;
        default: break;
    }
    if (c == U'ä' || c == U'å' || c == U'ü') {  // English: accents only break ties
        out[0] = {c == U'ü' ? U'u' : U'a', c};
        return 1;
    }
    if (char32_t b = base_letter(c)) {
        out[0] = {b, c};
        return 1;
    }
    // Other letters and digits: ASCII keeps its order below the Nordic letters; other
    // scripts sort after them by code point.
    out[0] = {c < 0x80 ? c : c + 0x100, 0};
    return 1;
}

}  // namespace

SortKey sort_key(std::string_view s, CiteLang lang) {
    SortKey key;
    key.primary.reserve(s.size());
    std::size_t pos = 0;
    const bool aa_is_aring = lang == CiteLang::nb || lang == CiteLang::nn;
    while (pos < s.size()) {
        int32_t raw = utf8::decode(s, pos);
        if (raw < 0) {
            ++pos;
            continue;
        }
        char32_t c = static_cast<char32_t>(raw);
        bool upper = Poco::Unicode::isUpper(raw);
        char32_t lower = static_cast<char32_t>(Poco::Unicode::toLower(raw));
        if (!Poco::Unicode::isAlpha(raw) && !Poco::Unicode::isDigit(raw)) {
            key.tertiary.push_back(c);  // spaces and punctuation: ignorable
            continue;
        }
        // "aa" (any case) is "å", after a real "å" at the secondary level.
        if (aa_is_aring && lower == U'a' && pos < s.size() && (s[pos] == 'a' || s[pos] == 'A')) {
            ++pos;
            key.primary.push_back(kAfterZ3);
            key.secondary.push_back(U'a');
            key.tertiary.push_back(upper ? 2 : 1);
            continue;
        }
        Unit units[2];
        int n = weigh(lower, lang, units);
        for (int i = 0; i < n; ++i) {
            key.primary.push_back(units[i].primary);
            key.secondary.push_back(units[i].secondary);
            key.tertiary.push_back(upper ? 2 : 1);
        }
    }
    return key;
}

}  // namespace playmaker::cite
