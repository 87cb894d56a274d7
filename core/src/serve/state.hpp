// What the server answers from: the corpus (loaded once, read-only, shared by every
// thread) and the path of the index built from it. A reload makes a new State and swaps a
// shared_ptr to it; requests already running keep the one they started with.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "playmaker/corpus.hpp"
#include "playmaker/diagnostic.hpp"
#include "playmaker/note.hpp"

namespace playmaker::serve {

struct State {
    std::uint64_t generation = 0;  // 1, 2, … one per load
    Corpus corpus;
    std::string db;                // the index built from `corpus`
    std::string literature_html;   // the whole library's reference list, APA, bokmål
    // Keyword hits shared by every note made from this State (thread-safe; valid for one
    // index, which is why it lives here and is replaced with the State).
    mutable KeywordCache keyword_cache;
};

// Loads the content tree at `content` (problems into `diags`) for the index at `db`,
// which the caller has built. Throws only for what the server cannot go on from.
std::shared_ptr<const State> load_state(const std::string& content, const std::string& db,
                                        std::uint64_t generation, Diagnostics& diags);

}  // namespace playmaker::serve
