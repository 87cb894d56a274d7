// Terms as compiled tables rather than a file read at run time: they are the CSL locale's,
// not UI strings an author edits, and `playmaker cite` then needs no resource lookup.
//
// Source: Debian's citation-style-language-locales (locales-nb-NO.xml, -nn-NO, -sv-SE,
// -en-US) with apa.csl's own <locale> overrides ("et al." for nb and nn). Where pandoc's
// built-in copy of a locale differs from Debian's and APA sides with pandoc, pandoc's value
// is used and marked below.
#include "cite/terms.hpp"

namespace playmaker::cite {
namespace {

const Terms kNb = {
    "og", "et al.", "Red.", "Red.",
    "s.", "s.",  // Debian's locale has "ss." for ranges; pandoc and Norwegian APA write "s."
    "Kapittel", "u.å.", "utg.", "I", "Nr.", "Bd.", "Artikkel", "Hentet", "fra",
    "«", "»", "‘", "’",
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "desember"},
};

const Terms kNn = {
    "og", "et al.", "Red.", "Red.",
    "s.", "s.",  // as nb
    "Kapittel", "u.å.", "utg.", "I", "Nr.", "Bd.", "Artikkel", "Henta", "frå",
    "«", "»", "‘", "’",
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "desember"},
};

const Terms kSv = {
    "och", "m.fl.", "Red.", "Red.",
    "s.", "s.",
    "Kapitel", "u.å.", "uppl.", "I", "Nr", "Vol.", "Artikel", "Hämtad", "från",
    "”", "”", "’", "’",
    {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
     "oktober", "november", "december"},
};

const Terms kEn = {
    "and", "et al.", "Ed.", "Eds.",
    "p.", "pp.",
    "Chapter", "n.d.", "ed.", "In", "No.", "Vol.", "Article", "Retrieved", "from",
    "“", "”", "‘", "’",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
};

}  // namespace

const Terms& terms(CiteLang lang) {
    switch (lang) {
        case CiteLang::nn: return kNn;
        case CiteLang::sv: return kSv;
        case CiteLang::en: return kEn;
        case CiteLang::nb: break;
    }
    return kNb;
}

std::string ordinal(CiteLang lang, int n) {
    std::string s = std::to_string(n);
    switch (lang) {
        case CiteLang::nb:
        case CiteLang::nn: return s + ".";
        case CiteLang::sv: {
            // ordinal-01/-02 ":a" on the last digit, ":e" otherwise and for 11, 12.
            int last = n % 10, two = n % 100;
            return s + (((last == 1 || last == 2) && two != 11 && two != 12) ? ":a" : ":e");
        }
        case CiteLang::en: {
            int last = n % 10, two = n % 100;
            if (two >= 11 && two <= 13) return s + "th";
            if (last == 1) return s + "st";
            if (last == 2) return s + "nd";
            if (last == 3) return s + "rd";
            return s + "th";
        }
    }
    return s;
}

std::string text_date(CiteLang lang, int year, int month, int day) {
    const Terms& t = terms(lang);
    std::string m = (month >= 1 && month <= 12) ? t.months[month - 1] : "";
    std::string y = year > 0 ? std::to_string(year) : "";
    std::string out;
    auto add = [&out](const std::string& part, const char* sep) {
        if (part.empty()) return;
        if (!out.empty()) out += sep;
        out += part;
    };
    switch (lang) {
        case CiteLang::nb:
        case CiteLang::nn:
            if (day > 0 && !m.empty()) out = std::to_string(day) + ".";
            add(m, " ");
            add(y, " ");
            break;
        case CiteLang::sv:
            if (day > 0 && !m.empty()) out = (day < 10 ? "0" : "") + std::to_string(day);
            add(m, " ");
            add(y, " ");
            break;
        case CiteLang::en:
            out = m;
            if (day > 0 && !m.empty()) out += " " + std::to_string(day);
            add(y, day > 0 && !m.empty() ? ", " : " ");
            break;
    }
    return out;
}

}  // namespace playmaker::cite
