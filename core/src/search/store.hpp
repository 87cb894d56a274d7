// The index file's schema and the bookkeeping shared by building and searching.
#pragma once

#include <string>
#include <vector>

#include "search/db.hpp"

namespace playmaker::search {

// Bump when the tables change: an index of another schema is rebuilt from scratch.
inline constexpr const char* kSchemaVersion = "1";

// BM25 weights of the FTS5 columns title, summary, body, labels.
inline constexpr const char* kBm25 = "bm25(docs, 10.0, 4.0, 1.0, 3.0)";

void create_schema(Db& db);
std::string get_meta(const Db& db, const std::string& key);  // "" when absent
void set_meta(Db& db, const std::string& key, const std::string& value);

// One source file of the content tree the index reads.
struct SourceFile {
    std::string rel;  // "cases/x.md", "literature/refs.json", "taxonomy.yaml"
    std::string abs;
    long long size = 0;
    long long mtime = 0;  // nanoseconds
};

// Every file the index reads, sorted by path: items in the kind folders, CSL-JSON in
// literature/, and taxonomy.yaml. Throws std::system_error when `root` is not a folder.
std::vector<SourceFile> list_sources(const std::string& root);

// The absolute, normalised form of a content root, as the index records it.
std::string normal_root(const std::string& root);

// Replaces control characters (other than tab and newline) with spaces: the snippet
// markers are control characters, so content must not hold them.
std::string clean_text(std::string_view s);

}  // namespace playmaker::search
