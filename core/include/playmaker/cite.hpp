// Citations and reference lists in APA 7th edition (author-date), with the terms of the
// CSL locales for nb-NO, nn-NO, sv-SE and en-US — what `pandoc --citeproc` prints with
// apa.csl, computed in process without any external tool.
//
//   Bibliography bib(cited_works, CiteLang::nb);
//   Runs in_text = bib.cite({{"stene2018", ""}}, /*narrative=*/false);  // (Stene & Stickler, 2018)
//   for (const BibEntry& e : bib.entries()) html += "<p>" + runs_to_html(e.runs) + "</p>";
//
// Output is structured as runs (text, italic, link) so every renderer marks it up its own
// way; runs_to_text() gives exactly what pandoc's `-t plain` gives.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "playmaker/item.hpp"
#include "playmaker/reference.hpp"

namespace playmaker {

// The language of a note's citations and reference list (its terms, months, quotation marks,
// and the alphabetical order of the list).
enum class CiteLang { nb, nn, sv, en };

// "nb", "nn", "sv", "en" and their regional forms ("nb-NO", "sv_SE", "en-US"); also "no"
// (bokmål). Returns nullopt for anything else.
std::optional<CiteLang> parse_cite_lang(std::string_view code);
// "nb", "nn", "sv" or "en".
const char* cite_lang_code(CiteLang lang);

// A stretch of output text with one style. `link`, when not empty, is the URL the text
// links to (DOIs, web addresses); the text is then the URL itself.
struct Run {
    std::string text;
    bool italic = false;
    std::string link;
    bool operator==(const Run&) const = default;
};
using Runs = std::vector<Run>;

// One entry of a reference list.
struct BibEntry {
    const Reference* ref = nullptr;  // points into the Bibliography that made the entry
    Runs runs;
};

// The works in play — those one note cites, or the whole library for the site's literature
// page — and what follows from having exactly them together: the order of the reference
// list, year suffixes (2015a, 2015b), initials for first authors who share a surname with
// another first author, and names added to tell apart works that "et al." would merge.
//
// Immutable once built: every const method is safe to call from several threads at once.
class Bibliography {
public:
    // Copies `works`. Keys should be unique; a later duplicate of a key is ignored.
    Bibliography(std::vector<Reference> works, CiteLang lang);

    CiteLang lang() const { return lang_; }
    // The works in reference-list order.
    const std::vector<Reference>& works() const { return works_; }
    // The work with this key, or nullptr. The pointer lives as long as the Bibliography.
    const Reference* find(std::string_view key) const;

    // An in-text citation of one group: "(Illeris, 2015; Wenger & Nake, 2004, s. 5)", or in
    // narrative form "Stene og Stickler (2018)". The works are sorted as APA sorts them, and
    // works by the same authors are merged ("Stene, 2015a, 2015b"). A key that is not in
    // the bibliography is shown as "key?", as pandoc does (the loader reports it).
    Runs cite(const std::vector<CiteRef>& refs, bool narrative) const;
    Runs cite(const Citation& c) const { return cite(c.refs, c.narrative); }

    // Every work's reference-list entry, in reference-list order.
    std::vector<BibEntry> entries() const;
    // The entry of one work; empty when the key is unknown.
    Runs entry(std::string_view key) const;

private:
    struct InText {            // how a work is named in text, fixed by disambiguation
        int names_shown = 0;   // names before "et al." (all when it equals the count)
        bool initials = false; // "K. Hansen" rather than "Hansen"
        std::string suffix;    // "a", "b", … ("" when not needed)
    };
    Runs author_in_text(const Reference& r, const InText& how, bool narrative) const;
    std::string year_in_text(const Reference& r, const InText& how) const;
    void disambiguate();

    CiteLang lang_;
    std::vector<Reference> works_;
    std::vector<InText> in_text_;  // parallel to works_
    std::unordered_map<std::string, std::size_t> by_key_;
};

// The works of `all` whose keys are in `keys` (in the order of `all`); keys not found are
// appended to `missing` when it is given.
std::vector<Reference> select_works(const std::vector<Reference>& all,
                                    const std::vector<std::string>& keys,
                                    std::vector<std::string>* missing = nullptr);

// Runs as plain text (no markup) — what pandoc's `-t plain` prints.
std::string runs_to_text(const Runs& runs);
// Runs as HTML: text escaped, italics in <i>, links as <a href="…">.
std::string runs_to_html(const Runs& runs);
// Runs as Markdown (CommonMark): italics as *…*, links as <…>, Markdown punctuation escaped.
std::string runs_to_markdown(const Runs& runs);

}  // namespace playmaker
