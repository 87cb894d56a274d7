#include "search/export_state.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <stdexcept>

#include "search/export_codec.hpp"
#include "util/binary.hpp"

namespace playmaker::search {
namespace {

// Bump when a layout changes: an older state then reads as none.
constexpr std::string_view kStateMagic = "playmaker-export-state 3\n";
constexpr std::string_view kDeltaMagic = "playmaker-export-delta 3\n";

// The ids still in use, renumbered in order: old id → new id (or kGone).
constexpr std::uint32_t kGone = 0xFFFFFFFF;

std::vector<std::uint32_t> renumber(const std::vector<bool>& live) {
    std::vector<std::uint32_t> out(live.size(), kGone);
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < live.size(); ++i) {
        if (live[i]) out[i] = next++;
    }
    return out;
}


// The state file: documents, terms, each term's t and p (the lengths, then the strings one
// after another, so they are written straight from where they lie), documents' terms.
bool read_state_file(const std::string& file, ExportState& s) {
    std::string_view bytes;
    s.mapping = binary::map_file(file, bytes);
    if (!s.mapping || !bytes.starts_with(kStateMagic)) return false;
    StateFile& f = s.file;
    f.bytes = bytes;
    binary::Reader r(bytes.substr(kStateMagic.size()));
    f.stamp = r.u64();
    r.strs(s.ids);
    r.strs(s.sources);
    r.strs(s.doc_keys);
    r.strs(s.terms);
    f.terms = static_cast<std::uint32_t>(s.terms.size());
    for (auto* v : {&s.t, &s.p}) {
        std::vector<std::uint64_t> lengths(r.count());
        for (auto& n : lengths) n = r.u64();
        // Not scanned here for foreign characters (24 MB at 10k items): what is copied into
        // a chunk file is checked there (base64_digits), what is spliced is parsed.
        std::string_view all = r.view();
        v->resize(lengths.size());
        std::size_t at = 0;
        for (std::size_t i = 0; i < lengths.size() && r.ok; ++i) {
            r.ok = lengths[i] <= all.size() - at;
            (*v)[i] = Encoded::of(all.substr(at, r.ok ? lengths[i] : 0));
            at += lengths[i];
        }
        r.ok = r.ok && at == all.size();
    }
    s.doc_terms.resize(r.count());
    f.doc_terms.resize(s.doc_terms.size());
    for (std::size_t i = 0; i < s.doc_terms.size() && r.ok; ++i) {
        std::size_t from = r.at();
        r.ascending(s.doc_terms[i], f.terms);
        f.doc_terms[i] = bytes.substr(kStateMagic.size() + from, r.at() - from);
    }
    std::size_t n = s.ids.size();
    return r.ok && r.at_end() && s.sources.size() == n && s.doc_keys.size() == n && s.doc_terms.size() == n &&
           s.t.size() == s.terms.size() && s.p.size() == s.terms.size();
}

// The delta: the state file it applies to, the terms added since, the documents changed
// since (ascending numbers) with their postings, then the chunks and the lexicon.
bool read_delta(const std::string& file, ExportState& s) {
    std::string_view bytes;
    s.delta_mapping = binary::map_file(file, bytes);
    if (!s.delta_mapping || !bytes.starts_with(kDeltaMagic)) return false;
    binary::Reader r(bytes.substr(kDeltaMagic.size()));
    if (r.u64() != s.file.stamp || r.u64() != s.file.bytes.size()) return false;
    r.str(s.base);
    std::vector<std::string> added;
    r.strs(added);
    for (auto& term : added) {
        s.terms.push_back(std::move(term));
        s.t.emplace_back();
        s.p.emplace_back();
    }
    std::uint64_t next = 0;  // the least number the next document may have
    for (std::uint32_t k = r.count(); k > 0 && r.ok; --k) {
        std::uint32_t d = r.u32();
        r.ok = r.ok && d >= next && d < s.ids.size();
        if (!r.ok) break;
        r.str(s.ids[d]);
        r.str(s.sources[d]);
        r.str(s.doc_keys[d]);
        r.ascending(s.doc_terms[d], s.terms.size());
        std::string_view f = r.view(), pos = r.view();
        r.ok = r.ok && base64_digits(f) && base64_digits(pos);
        if (!r.ok) break;
        try {
            split_doc_postings(f, pos, s.doc_terms[d].size());
        } catch (const std::runtime_error&) {
            return false;
        }
        s.changed[d] = DocPostings{Encoded::of(f), Encoded::of(pos)};
        next = d + 1ULL;
    }
    r.strs(s.chunk_first);
    r.strs(s.chunk_tkey);
    r.strs(s.chunk_pkey);
    r.str(s.lexicon_key);
    r.strs(s.lexicon_first);
    r.strs(s.lexicon_keys);
    s.applied = s.changed.empty();
    return r.ok && r.at_end() && s.chunk_tkey.size() == s.chunk_first.size() &&
           s.chunk_pkey.size() == s.chunk_first.size() && s.lexicon_first.size() == s.lexicon_keys.size();
}

// The delta of the state file `stamp`, `file_size`, whose terms are the first `file_terms`;
// none: of a state file written from `s` just now (so no term is new and no document changed).
void write_delta(const std::string& file, const ExportState& s, std::uint64_t stamp, std::uint64_t file_size,
                 std::optional<std::size_t> file_terms) {
    static const std::map<std::uint32_t, DocPostings> kNone;
    const auto& changed = file_terms ? s.changed : kNone;
    std::size_t from = file_terms.value_or(s.terms.size());
    binary::Writer w;
    w.out.append(kDeltaMagic);
    w.u64(stamp);
    w.u64(file_size);
    w.str(s.base);
    w.u32(static_cast<std::uint32_t>(s.terms.size() - from));
    for (std::size_t id = from; id < s.terms.size(); ++id) w.str(s.terms[id]);
    w.u32(static_cast<std::uint32_t>(changed.size()));
    for (const auto& [d, postings] : changed) {
        w.u32(d);
        w.str(s.ids[d]);
        w.str(s.sources[d]);
        w.str(s.doc_keys[d]);
        w.ascending(s.doc_terms[d]);
        w.str(postings.f.get());
        w.str(postings.pos.get());
    }
    w.strs(s.chunk_first);
    w.strs(s.chunk_tkey);
    w.strs(s.chunk_pkey);
    w.str(s.lexicon_key);
    w.strs(s.lexicon_first);
    w.strs(s.lexicon_keys);
    binary::write_cache_file(file + ".delta", w.out);
}

// Writes the state file anew, leaving out terms no document holds; returns its stamp and size.
std::pair<std::uint64_t, std::uint64_t> write_state_file(const std::string& file, const ExportState& s) {
    std::vector<bool> live_terms(s.terms.size());
    for (std::size_t i = 0; i < s.terms.size(); ++i) live_terms[i] = !s.t[i].empty();
    auto term_ids = renumber(live_terms);
    const auto live = static_cast<std::uint32_t>(std::count(live_terms.begin(), live_terms.end(), true));

    std::random_device random;
    std::uint64_t stamp = (std::uint64_t{random()} << 32) ^ random();
    binary::Writer head, tail;
    head.out.append(kStateMagic);
    head.u64(stamp);
    head.strs(s.ids);
    head.strs(s.sources);
    head.strs(s.doc_keys);
    head.u32(live);
    for (std::size_t i = 0; i < s.terms.size(); ++i) {
        if (live_terms[i]) head.str(s.terms[i]);
    }
    std::array<binary::Writer, 2> lengths;
    std::array<const std::vector<Encoded>*, 2> strings{&s.t, &s.p};
    for (int k = 0; k < 2; ++k) {
        std::uint64_t all = 0;
        lengths[k].u32(live);
        for (std::size_t i = 0; i < s.terms.size(); ++i) {
            if (!live_terms[i]) continue;
            lengths[k].u64((*strings[k])[i].size());
            all += (*strings[k])[i].size();
        }
        lengths[k].u64(all);
    }
    tail.u32(static_cast<std::uint32_t>(s.doc_terms.size()));
    std::vector<std::uint32_t> mapped;
    for (const auto& l : s.doc_terms) {
        mapped.clear();
        for (std::uint32_t x : l) {
            if (x < term_ids.size() && term_ids[x] != kGone) mapped.push_back(term_ids[x]);
        }
        tail.ascending(mapped);
    }
    std::vector<std::string_view> pieces{head.out};
    for (int k = 0; k < 2; ++k) {
        pieces.push_back(lengths[k].out);
        for (std::size_t i = 0; i < s.terms.size(); ++i) {
            if (live_terms[i]) pieces.push_back((*strings[k])[i].get());
        }
    }
    pieces.push_back(tail.out);
    std::uint64_t size = 0;
    for (auto piece : pieces) size += piece.size();
    binary::write_cache_file(file, pieces);
    return {stamp, size};
}

}  // namespace

bool load_export_state(const std::string& file, ExportState& s) {
    s = ExportState{};
    if (read_state_file(file, s) && read_delta(file + ".delta", s)) return true;
    s = ExportState{};
    return false;
}

bool save_export_state(const std::string& file, const ExportState& s) {
    const StateFile& f = s.file;
    bool fits = !f.bytes.empty() && s.ids.size() == f.doc_terms.size();
    if (fits && s.applied) {
        std::size_t size = 0;
        for (std::size_t id = f.terms; id < s.terms.size(); ++id) size += s.terms[id].size() + 8;
        for (const auto& [d, postings] : s.changed) {
            size += s.ids[d].size() + s.sources[d].size() + s.doc_keys[d].size() + postings.f.size() +
                    postings.pos.size() + 4 * s.doc_terms[d].size() + 44;
        }
        fits = size <= f.bytes.size() / 4;
    }
    if (fits || !s.applied) {
        write_delta(file, s, f.stamp, f.bytes.size(), f.terms);
        return false;
    }
    // Ids renumber when the file is written anew: the delta then holds no document or term.
    auto [stamp, size] = write_state_file(file, s);
    write_delta(file, s, stamp, size, std::nullopt);
    return true;
}

}  // namespace playmaker::search
