// The index file's schema and the bookkeeping shared by building and searching.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "playmaker/analysis.hpp"
#include "search/db.hpp"

namespace playmaker::search {

// Bump when the tables change: an index of another schema is rebuilt from scratch.
// The query lexicon's word set (query_lexicon.hpp) counts as part of the tables.
inline constexpr const char* kSchemaVersion = "4";

// BM25 weights of the FTS5 columns title, summary, body, labels. kRank is the same score
// computed by pm_rank (fts_tokenizer.hpp), with the row lengths the index holds in memory.
inline constexpr const char* kBm25 = "bm25(docs, 10.0, 4.0, 1.0, 3.0)";
inline constexpr const char* kRank = "pm_rank(docs, 10.0, 4.0, 1.0, 3.0)";

void create_schema(Db& db);
std::string get_meta(const Db& db, const std::string& key);  // "" when absent
void set_meta(Db& db, const std::string& key, const std::string& value);

// The index's vocabulary table as the analysis's store: every Norwegian word the index
// holds, or its lexicon was decided for, with its term and compound parts, so that
// refreshing an index (and making snippets) needs the dictionaries only for words it has
// never seen. Every word in it has its lexicon entry decided (see flush).
class VocabStore : public AnalysisStore {
public:
    // `lookup`: consult the table (off for a fresh build, where it is empty); `write`:
    // keep new words for flush() (off for a read-only index). New words are written by
    // flush(), not while FTS5 is tokenizing a row.
    VocabStore(const Db& db, bool lookup, bool write);
    bool find(std::string_view word, std::string& term, std::vector<std::string>& parts) override;
    void add(std::string_view word, const std::string& term, const std::vector<std::string>& parts) override;
    // Writes the new words, and the lexicon entry (query_lexicon.hpp) of each whose term is
    // not `analyzer`'s snowball_term.
    void flush(Analyzer& analyzer);

private:
    const Db& db_;
    bool lookup_, write_;
    Stmt find_;
    std::vector<std::pair<std::string, std::string>> pending_;  // word, "term part part…"
};

// A fast 64-bit hash of bytes, in hex (eight bytes a step, splitmix64's mixing): enough to
// see that a touched file did not change, or to key a file of the site's search export.
std::string content_hash(std::string_view bytes);

// One source file of the content tree the index reads.
struct SourceFile {
    std::string rel;  // "cases/x.md", "literature/refs.json", "taxonomy.yaml"
    std::string abs;
    long long size = 0;
    long long mtime = 0;  // nanoseconds
};

// Every file the index reads, sorted by path: items in the kind folders, CSL-JSON and
// BibTeX (read by the importer plugin) in literature/, and taxonomy.yaml. Throws std::system_error when `root` is not a folder.
std::vector<SourceFile> list_sources(const std::string& root);

// The absolute, normalised form of a content root, as the index records it.
std::string normal_root(const std::string& root);

// Replaces control characters (other than tab and newline) with spaces: the snippet
// markers are control characters, so content must not hold them.
std::string clean_text(std::string_view s);

}  // namespace playmaker::search
