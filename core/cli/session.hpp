// What most commands start with: the content loaded and checked, and the search index
// built or refreshed when it is missing, stale or from another tree.
#pragma once

#include <memory>
#include <string>

#include "command.hpp"
#include "index_common.hpp"
#include "playmaker/corpus.hpp"
#include "playmaker/index.hpp"

namespace playmaker::cli {

struct Session {
    std::string content;  // --content
    std::string db;       // --db
    Corpus corpus;
    std::unique_ptr<Index> index;
    Diagnostics diags;  // what loading reported (warnings, when it succeeded)
};

// A Session that lasts until the process ends and is never freed, for a command whose
// last act is to end it: freeing ten thousand items costs more than a site rebuild after
// one edit spends rendering. (Held by a static, so leak checkers see it as in use.)
Session& lasting_session();

// Loads --content. When it has errors, prints them on stderr and returns kContentErrors
// (the command refuses to build from a broken tree); warnings are not printed.
int load_session(const Args& args, Session& s);
// The same, loading with `options` (a parse cache, threads); `stats` says what was reused.
int load_session(const Args& args, Session& s, const LoadOptions& options, LoadStats* stats);

// Builds or refreshes the index at --db when needed (saying so on stderr), then opens it.
// Returns kOk, or kIoError when the index cannot be written or opened.
int open_index(Session& s);

}  // namespace playmaker::cli
