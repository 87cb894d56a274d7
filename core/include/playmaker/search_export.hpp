// The static site's search index: the files `playmaker site` writes under search/data/, so
// that the site's client (site/assets/search.js) answers a query as Index::search does —
// the same analysed terms, the same bm25, the same ties — without a server.
//
// Everything is JSON with `<`, `>` and `&` written as \u003c, \u003e, \u0026. Files:
//   meta.json        analysis version, N, total tokens, column weights, language families,
//                    stop words, and the first term of every term chunk and lexicon chunk
//   table.json       per document (numbered in id order, so ties by id are ties by number):
//                    its length in tokens (bm25's dl), and the facets the page counts
//                    (kind, theme, county) with their labels
//   f/NAME.json      another facet (lang, year, role, sector, municipality), for filters
//   t/K.json         term chunk K: term → postings "Δdoc f Δdoc f …" where f is the
//                    weighted frequency Σ weight(column) · tf(column), bm25's only use of
//                    tf (terms sorted; a chunk covers a range of terms)
//   p/K.json         the same terms' positions, for phrases and for alternatives that meet
//                    at one position: per posting and column, the count then Δ-positions
// Numbers in t/ and p/ are varints of base64 digits (5 bits a digit, lowest first, 32 added
// to every digit but the last).
//   l/K.json         lexicon chunk K: the index's lexicon as it is, folded word → Norwegian
//                    query term, only where it is not Snowball's (snowball_term): the
//                    client's query_terms is then the core's (Analyzer::query_terms)
//   d/N.json         document N as a result: id, kind, title, href, lang, summary, excerpt
// A query fetches meta and table once, then only the chunks of its words.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker {

struct SearchExportOptions {
    // The page of an item (relative to the site root), given its id and kind; "" = none.
    std::function<std::string(const std::string& id, const std::string& kind)> href;
    // Display labels of facet values: facet → value → label (e.g. theme ids → names).
    std::map<std::string, std::map<std::string, std::string>> labels;
    // Writes one file (path relative to the data folder) whose bytes hash to `key`. Throws
    // what it likes; the export lets it through.
    std::function<void(const std::string& rel, std::string_view bytes, const std::string& key)> write;
    // Keeps the previous export's file `rel` when it was written with `key` (a hard link,
    // say); false when it cannot, and the export writes it. Optional.
    std::function<bool(const std::string& rel, const std::string& key)> reuse;
    // Where the export keeps what the next one needs to redo only what changed (a file of
    // its own; "" = none, export everything). After one edit only the terms, chunks and
    // document files that edit touched are made again; more than that (documents added or
    // removed, another analysis, taxonomy, labels or pages) exports everything.
    std::string state_file;
    // Called before the index is first read (it may still be being brought up to date):
    // what the export can do without it, it does first. Throws what it likes. Optional.
    std::function<void()> await_index;
};

struct SearchExportStats {
    std::size_t files = 0, bytes = 0;
    std::size_t terms = 0;  // terms exported (0 when no term changed and every chunk was kept)
    std::size_t lexicon_words = 0;  // lexicon entries read from the index (0 when its chunks were kept)
    std::size_t reused = 0;       // files kept from the previous export without being made again
    std::size_t changed = 0;      // documents exported again (incremental exports)
    bool incremental = false;     // the state file was used
    bool lexicon_reused = false;  // the index's lexicon was the same as last time
    std::string warning;          // what did not work out but lost nothing of this export
};

// Exports the index at `db` (built by Index::build). Throws std::runtime_error when it
// cannot be read or was built by another analysis.
SearchExportStats export_search(const std::string& db, const SearchExportOptions& options);

// JSON string literal of `s` (quotes included) with < > & U+2028 U+2029 escaped, so the
// text is inert inside HTML and JavaScript.
std::string json_quote(std::string_view s);

// The text analysis's Norwegian term of each of `words` (first word of each, folded) where
// it is not snowball_term: what an index's lexicon holds for them once its content holds
// them. For the identity tests; loads the dictionaries.
std::map<std::string, std::string> lexicon_exceptions(const std::vector<std::string>& words);

}  // namespace playmaker
