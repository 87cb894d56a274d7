// The locale terms APA needs, per language: compiled tables (see terms.cpp for where each
// value comes from).
#pragma once

#include <string>

#include "playmaker/cite.hpp"

namespace playmaker::cite {

struct Terms {
    const char* and_word;       // "og": narrative citations (APA 7 §8.17)
    const char* et_al;          // "et al."
    const char* editor;         // "Red." — capitalised short form, one editor
    const char* editors;        // "Red." — several editors
    const char* page;           // "s." — one page
    const char* pages;          // "s." — a range
    const char* chapter;        // "Kapittel" — locator label (apa.csl: long form, capitalised)
    const char* no_date;        // "u.å."
    const char* edition;        // "utg."
    const char* in;             // "I" (capitalised)
    const char* issue;          // "Nr." (capitalised short form: report numbers)
    const char* volume;         // "Bd."
    const char* article;        // "Artikkel" (article numbers, eLocators)
    const char* retrieved;      // "Hentet"
    const char* from;           // "fra"
    const char* open_quote;     // "«"
    const char* close_quote;    // "»"
    const char* open_inner;     // "‘"
    const char* close_inner;    // "’"
    const char* months[12];
};

const Terms& terms(CiteLang lang);

// "3." (nb, nn), "3:e" (sv), "3rd" (en).
std::string ordinal(CiteLang lang, int n);
// The long date form: "2. mai 2023", "02 maj 2023", "May 2, 2023". Parts may be 0.
std::string text_date(CiteLang lang, int year, int month, int day);

}  // namespace playmaker::cite
