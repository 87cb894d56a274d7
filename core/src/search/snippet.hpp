// Snippets made from a result's stored text with the analysis itself, not with FTS5's
// snippet(), which runs the whole query again for every row: the words of the text that
// meet a query term are marked, in the best window of a few words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "playmaker/analysis.hpp"
#include "search/query.hpp"

namespace playmaker::search {

// What a query marks: its required terms (exclusions are never marked), each a run of
// words (a phrase has several), each word with the index terms it stands for.
struct Highlight {
    struct Word {
        std::vector<std::string> alts;  // index terms, one per language family
        bool prefix = false;           // the term's last word, when it is a prefix
    };
    struct Term {
        std::vector<Word> words;
        int group = 0;  // the required group (alternatives joined by OR share one)
    };
    std::vector<Term> terms;
    int groups = 0;
    bool empty() const { return terms.empty(); }
};

// The highlight of a parsed query, with the query alternatives of `families` and the
// index's `lexicon` (the same as the FTS5 tokenizer gives the query; null: Snowball alone).
Highlight make_highlight(const ParsedQuery& q, Analyzer& analyzer, QueryLexicon* lexicon, unsigned families);

struct Snippet {
    std::string html;  // escaped first, then matches in <mark>…</mark>; "…" where cut
    int score = 0;     // 1000 × distinct groups in the window + matches; 0: no match
};

// The best window of `words` words of `text`, analysed in `lang` (the item's language,
// as it was indexed). Stops reading once a window holds every group.
Snippet make_snippet(std::string_view text, std::string_view lang, const Highlight& h, Analyzer& analyzer,
                     std::size_t words = 24);

}  // namespace playmaker::search
