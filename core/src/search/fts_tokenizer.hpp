// The analysis registered as the FTS5 tokenizer "playmaker".
//
// How an item's language reaches the tokenizer (SQLite 3.40 gives the tokenizer only the
// text): the connection owns a TokenizerContext, and the index sets `lang` to the item's
// language right before each INSERT or DELETE of that item's row. Because the analysis
// gives one primary token per word in every language, snippet() and highlight() — which
// re-tokenize without knowing the row's language — still map positions to the right bytes.
// Queries carry no language: a query word becomes colocated alternatives, one per language
// family present in the index (FTS5 reads colocated query tokens as OR).
#pragma once

#include <sqlite3.h>

#include <string>

#include "playmaker/analysis.hpp"

namespace playmaker::search {

struct TokenizerContext {
    Analyzer* analyzer = nullptr;
    std::string lang = "nb";                   // for documents: the row being written
    unsigned query_families = Analyzer::kAll;  // for queries
};

// Registers "playmaker" on `db`; `ctx` must outlive the connection. Throws
// std::runtime_error when FTS5 is missing.
void register_tokenizer(sqlite3* db, TokenizerContext* ctx);

}  // namespace playmaker::search
