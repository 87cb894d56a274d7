// The analysis registered as the FTS5 tokenizer "playmaker".
//
// How an item's language reaches the tokenizer (SQLite 3.40 gives the tokenizer only the
// text): the connection owns a TokenizerContext, and the index sets `lang` to the item's
// language right before each INSERT or DELETE of that item's row. Because the analysis
// gives one primary token per word in every language, positions do not depend on the
// language (snippet() and highlight() would still map them to the right bytes; Playmaker
// makes its snippets itself, search/snippet.hpp, in the row's language).
// Queries carry no language: a query word becomes colocated alternatives, one per language
// family present in the index (FTS5 reads colocated query tokens as OR).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "playmaker/analysis.hpp"

namespace playmaker::search {

struct TokenizerContext {
    Analyzer* analyzer = nullptr;
    std::string lang = "nb";                   // for documents: the row being written
    unsigned query_families = Analyzer::kAll;  // for queries
    QueryLexicon* lexicon = nullptr;           // for queries: the index's (query_lexicon.hpp)
    // For pm_rank: each row's length in tokens, by rowid, when the caller holds it (else
    // pm_rank asks FTS5, which reads the row's size record).
    const std::vector<std::uint32_t>* doc_len = nullptr;
    // Counts the positions (words) of the documents tokenized: the row length FTS5 keeps.
    std::uint32_t positions = 0;
};

// Registers the tokenizer "playmaker" and the rank function pm_rank on `db`; `ctx` must
// outlive the connection. Throws std::runtime_error when FTS5 is missing.
//
// pm_rank(docs, w1, w2, …) is FTS5's bm25() — same formula (k1 = 1.2, b = 0.75), same
// column weights, same values — computed from each phrase's position iterator instead of
// the merged instance list bm25() builds for every row, which costs several times more
// when a stemmed term occurs often in a row.
void register_tokenizer(sqlite3* db, TokenizerContext* ctx);

}  // namespace playmaker::search
