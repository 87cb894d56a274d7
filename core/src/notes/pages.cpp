#include "notes/pages.hpp"

namespace playmaker {
namespace {

// Calibration constants (see the header). Body text at 11 pt with 2 cm margins holds about
// 430 words on a page; a section starts on a new page; each item adds its heading and its
// "chosen because" line; each reference takes about 2.2 lines.
constexpr double kWordsPerPage = 430;
constexpr double kItemOverhead = 0.07;     // heading, reasons line, spacing
constexpr double kReferencePages = 0.045;  // one reference-list entry
constexpr double kFixedPages = 1.3;        // title, contents, introduction facts

}  // namespace

int count_words(const std::string& text) {
    int n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

double estimate_pages(const Note& note) {
    double pages = kFixedPages;
    for (const auto& s : note.sections) {
        double words = count_words(s.intro) + count_words(s.author_text);
        for (const auto& c : s.items) {
            words += count_words(c.item->title) + count_words(c.item->body_text);
            pages += kItemOverhead;
        }
        if (s.generate == "summary") {
            for (const auto& other : note.sections) {
                for (const auto& c : other.items) words += 4 + count_words(c.item->title);
            }
        }
        if (s.generate == "references") pages += kReferencePages * static_cast<double>(note.cited_keys.size());
        pages += words / kWordsPerPage;
    }
    return pages;
}

}  // namespace playmaker
