// What the site's search export keeps between builds (SearchExportOptions::state_file), so
// that after one edit it re-encodes only the terms that edit touched and rewrites only the
// chunks that hold them. A state that cannot be read is no state: the export starts over.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker::search {

// A term's encoded postings or positions: a view into the loaded state file until it is
// made or changed, then a string of its own (so an edit copies only what it touches).
class Encoded {
public:
    Encoded() = default;
    explicit Encoded(std::string s) : own_(std::move(s)), owned_(true) {}
    static Encoded of(std::string_view v) {
        Encoded e;
        e.view_ = v;
        return e;
    }
    std::string_view get() const { return owned_ ? std::string_view(own_) : view_; }
    std::size_t size() const { return get().size(); }
    bool empty() const { return get().empty(); }
    // The string, owned from here on (for appending).
    std::string& own() {
        if (!owned_) {
            own_.assign(view_);
            owned_ = true;
        }
        return own_;
    }

private:
    std::string_view view_;
    std::string own_;
    bool owned_ = false;
};

struct ExportState {
    std::shared_ptr<const void> mapping;  // the state file the views of `t` and `p` point into

    std::string base;  // everything every file depends on (format, analysis, labels, pages)

    // Documents by number (id order): id, "path\thash" of the source file, d/N.json's key.
    std::vector<std::string> ids, sources, doc_keys;

    // Terms by id (ids are stable within a build; new terms are appended), each with its
    // encoded postings ("t") and positions ("p") as in the chunk files; "" = no postings.
    std::vector<std::string> terms;
    std::vector<Encoded> t, p;
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
