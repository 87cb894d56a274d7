#include "notes/pages.hpp"

#include <cmath>

#include "util/text.hpp"

namespace playmaker {
namespace {

// Calibration (see the header). The HTML note's body text at 11 pt on A4 with its margins
// holds about 450 words a page; 400 keeps the estimate on the safe side. Headings, the
// "chosen because" line's spacing and a reference entry's hanging indent are counted as
// words they displace. A section with page_break starts a new page, so each such chapter
// is rounded up to whole pages.
constexpr double kWordsPerPage = 400;
constexpr double kTitleBlockWords = 150;  // title, subtitle, meta line, contents list
constexpr double kHeadingWords = 25;      // a section heading and its spacing
constexpr double kItemWords = 14;         // an item heading and spacing
constexpr double kReferenceWords = 30;    // one reference-list entry, indent included

double section_words(const Note& note, const NoteSection& s) {
    double words = kHeadingWords + text::count_words(s.author_text.empty() ? s.intro : s.author_text);
    for (const auto& c : s.items) {
        words += kItemWords + c.item->words;
        for (const auto& r : c.reasons) words += text::count_words(r) + 1;
    }
    if (s.generate == "summary") {
        for (const auto& other : note.sections) {
            if (!other.generate.empty()) continue;
            for (const auto& c : other.items) {
                words += 3 + text::count_words(c.item->title) + c.item->summary_words;
            }
        }
    }
    if (s.generate == "introduction") words += 120 + 8.0 * static_cast<double>(note.profile.challenges.size());
    if (s.generate == "references") words += kReferenceWords * static_cast<double>(note.cited_keys.size());
    return words;
}

}  // namespace

double estimate_pages(const Note& note) {
    double pages = 0;
    double chapter = kTitleBlockWords;
    for (const auto& s : note.sections) {
        bool empty = s.items.empty() && s.generate.empty() && s.author_text.empty() && s.id != "forord";
        if (s.generate == "references" && note.cited_keys.empty()) empty = true;
        if (empty) continue;
        if (s.page_break && chapter > 0) {
            pages += std::ceil(chapter / kWordsPerPage);
            chapter = 0;
        }
        chapter += section_words(note, s);
    }
    pages += std::ceil(chapter / kWordsPerPage);
    return pages;
}

}  // namespace playmaker
