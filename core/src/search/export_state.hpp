// What the site's search export keeps between builds (SearchExportOptions::state_file), so
// that after one edit it re-encodes only the terms that edit touched and rewrites only the
// chunks that hold them. A state that cannot be read is no state: the export starts over.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace playmaker::search {

struct ExportState {
    std::string base;  // everything every file depends on (format, analysis, labels, pages)

    // Documents by number (id order): id, "path\thash" of the source file, d/N.json's key.
    std::vector<std::string> ids, sources, doc_keys;

    // Terms by id (ids are stable within a build; new terms are appended), each with its
    // encoded postings ("t") and positions ("p") as in the chunk files; "" = no postings.
    std::vector<std::string> terms, t, p;
    std::vector<std::vector<std::uint32_t>> doc_terms;  // per document: its term ids, ascending

    // Term chunks in order: the first term of each, and the keys of t/K.json and p/K.json.
    std::vector<std::string> chunk_first, chunk_tkey, chunk_pkey;

    // The lexicon's chunks as written: the table's hash (the index's meta "lexicon"), the
    // first word and the key of every l/K.json.
    std::string lexicon_key;
    std::vector<std::string> lexicon_first, lexicon_keys;
};

// Reads `file`; false (and an empty state) when it is missing or not a state of this format.
bool load_export_state(const std::string& file, ExportState& state);
// Writes the state, leaving out terms no document holds. Throws
// std::system_error when it cannot.
void save_export_state(const std::string& file, const ExportState& state);

}  // namespace playmaker::search
