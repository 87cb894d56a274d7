// The search index: an SQLite FTS5 table over every item and literature reference, analysed
// for Norwegian, nynorsk, Swedish and English (analysis.hpp), with ordinary tables for the
// facets of DESIGN's table.
//
// The file (default ./.playmaker/index.sqlite) records the content root it was built from,
// the analysis and lexicon version, and each source file's size, time and content hash.
// Index::build brings it up to date: unchanged files are not read again, changed ones are
// re-analysed, deleted ones disappear, and a change of root or analysis rebuilds it all.
// A few changed files (up to a thousand) are written into the file in one SQLite
// transaction; a new index or a larger change is built in a copy beside the file and
// renamed into place. Either way a killed build leaves the old index as it was (a killed
// transaction is rolled back by the next connection to open the file).
//
// How an item's language reaches the analysis, and how a query meets every language: see
// core/src/search/fts_tokenizer.hpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "playmaker/diagnostic.hpp"
#include "playmaker/escape.hpp"

namespace playmaker {

struct SearchQuery {
    std::string text;  // the user's query (query language: core/src/search/query.hpp)
    // Facet filters besides those in `text`: canonical facet name → values. Every filter
    // must hold (AND), in the query text and here alike.
    std::multimap<std::string, std::string> filters;
    int limit = 10;
    int offset = 0;
    bool snippets = true;  // results[i].snippet; else left empty
    bool facets = true;    // SearchResults::facets; else left empty (the total is always counted)
};

struct SearchResult {
    std::string id;
    std::string kind;  // finding, case, …, reference
    std::string title;
    std::string path;   // relative to the content root
    std::string lang;
    double score = 0;   // bm25: lower is better (negative)
    std::string snippet;  // HTML: content escaped, matches in <mark>…</mark>
};

struct FacetCount {
    std::string value;
    int count = 0;
    bool operator==(const FacetCount&) const = default;
};
// Facet name → values with the number of matching items, most frequent first.
using Facets = std::map<std::string, std::vector<FacetCount>>;

struct SearchResults {
    int total = 0;  // all matches, before limit and offset
    std::vector<SearchResult> results;
    Facets facets;
    std::vector<std::string> notes;  // e.g. "no municipality named 'Nowhere'"
};

struct BuildStats {
    int indexed = 0;    // items and references analysed in this build
    int unchanged = 0;  // left as they were
    int removed = 0;    // gone from the content
    double seconds = 0;
    bool in_place = false;  // written into the index in one transaction, not built in a copy
    Diagnostics diagnostics;  // files that could not be indexed (the others are)
};

struct BuildOptions {
    // Called now and then with (files done, files in all); may be empty.
    std::function<void(int, int)> progress;
};

class Index {
public:
    // Why the index at `db` must be (re)built for the content tree at `content`: empty when
    // it is up to date, else "missing", "built from another content tree", "analysis
    // changed" or "content changed". Never throws; an unreadable index counts as missing.
    static std::string staleness(const std::string& content, const std::string& db);

    // Builds or refreshes `db` from `content`, atomically. Files that cannot be parsed are
    // left out and reported in the stats. Throws std::system_error when the content root
    // is missing or the index cannot be written (the old index is then unchanged).
    static BuildStats build(const std::string& content, const std::string& db,
                            const BuildOptions& options = {});

    // Opens an index for searching. Throws std::runtime_error when it cannot be opened or
    // was built by another analysis. The Index owns its connection and analysis; it is not
    // thread-safe: open one per thread.
    static std::unique_ptr<Index> open(const std::string& db);
    // Whether the file changed since this Index read it (a build wrote into it, or replaced
    // it): its cached rows and facets no longer match what FTS5 finds; open it again.
    bool stale() const;
    ~Index();

    // Runs a query. Throws std::invalid_argument for invalid UTF-8 in the text or a filter;
    // for every other input returns results (possibly none) and never an SQLite error.
    SearchResults search(const SearchQuery& query);

    // The terms a query word stands for in this index: Analyzer::query_terms with the
    // index's lexicon, one per language family in `families` (Analyzer::kNorwegian …).
    // Reads no dictionary.
    std::vector<std::string> query_terms(std::string_view word, unsigned families);

    // The content root the index was built from (absolute).
    const std::string& content_root() const;

    struct Impl;

private:
    explicit Index(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};


}  // namespace playmaker
