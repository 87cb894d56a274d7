// What the site's search export keeps between builds (SearchExportOptions::state_file), so
// that after one edit it re-encodes only the terms that edit touched and rewrites only the
// chunks that hold them. A state that cannot be read is no state: the export starts over.
//
// The state is two files: the state file, large and rewritten only now and then, and its
// delta (the same name + ".delta"), written each time: the documents changed since the
// state file was written with their own postings, the terms new since, the chunk cuts and
// keys. So the delta grows with what changed, never with the corpus. The delta names the
// state file it applies to (a random stamp and the file's size, both in the state file),
// so it never applies to another; a missing, foreign or damaged one is no state.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker::search {

// A term's encoded postings or positions: a view into the loaded state until it is made
// or changed, then a string of its own (so an edit copies only what it touches).
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

// The state file as it was read: what a delta is made against.
struct StateFile {
    std::string_view bytes;  // the whole file, mapped
    std::uint64_t stamp = 0;
    std::uint32_t terms = 0;  // its terms are ids 0 … terms-1
    // Per document, its term ids as the file holds them (LEB128, as Writer::ascending codes).
    std::vector<std::string_view> doc_terms;
};

// A document's postings, one per term of its doc_terms in order: the weighted frequencies
// as varints ("f") and the encoded positions one after another ("pos").
struct DocPostings {
    Encoded f, pos;
};

struct ExportState {
    // The files the views of `t`, `p` and `changed` point into: the state file and its delta.
    std::shared_ptr<const void> mapping, delta_mapping;
    StateFile file;  // empty when the state was made afresh

    // The documents changed since the state file was written, by number, with their
    // postings. `applied`: t and p hold them; else t and p are still the file's.
    std::map<std::uint32_t, DocPostings> changed;
    bool applied = true;

    std::string base;  // everything every file depends on (format, analysis, labels, pages)

    // Documents by number (id order): id, "path\thash" of the source file, d/N.json's key.
    std::vector<std::string> ids, sources, doc_keys;

    // Terms by id (ids are stable until the state file is written anew; new terms are
    // appended), each with its encoded postings ("t") and positions ("p") as in the chunk
    // files; "" = no postings.
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

// Reads the state file `file` and its delta; false (and an empty state) when either is
// missing, they do not belong together, or either is not a state of this format.
bool load_export_state(const std::string& file, ExportState& state);

// Writes the state: only its delta while that is small next to the state file it was read
// from (at most a quarter of its size) or the changes are not applied, else the state file
// anew (leaving out terms no document holds) and then a delta of no documents. Returns
// true when it wrote the state file.
// Throws std::system_error when it cannot (the state may then read as none).
bool save_export_state(const std::string& file, const ExportState& state);

}  // namespace playmaker::search
