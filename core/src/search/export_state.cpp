#include "search/export_state.hpp"

#include <algorithm>
#include <array>

#include "util/binary.hpp"

namespace playmaker::search {
namespace {

// Bump when the state's layout changes: an older state then reads as none.
constexpr std::string_view kMagic = "playmaker-export-state 2\n";

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

void put_lists(binary::Writer& w, const std::vector<std::vector<std::uint32_t>>& lists,
               const std::vector<std::uint32_t>& ids) {
    w.u32(static_cast<std::uint32_t>(lists.size()));
    std::vector<std::uint32_t> mapped;
    for (const auto& l : lists) {
        mapped.clear();
        for (std::uint32_t x : l) {
            if (x < ids.size() && ids[x] != kGone) mapped.push_back(ids[x]);
        }
        w.ascending(mapped);
    }
}

void get_lists(binary::Reader& r, std::vector<std::vector<std::uint32_t>>& lists, std::size_t bound) {
    lists.resize(r.count());
    for (auto& l : lists) {
        if (!r.ok) break;
        r.ascending(l, bound);
    }
}

}  // namespace

bool load_export_state(const std::string& file, ExportState& s) {
    s = ExportState{};
    std::string_view bytes;
    s.mapping = binary::map_file(file, bytes);
    if (!s.mapping || !bytes.starts_with(kMagic)) {
        s = ExportState{};
        return false;
    }
    binary::Reader r(bytes.substr(kMagic.size()));
    r.str(s.base);
    r.strs(s.ids);
    r.strs(s.sources);
    r.strs(s.doc_keys);
    r.strs(s.terms);
    // Postings are copied into the chunk files as they are: only base64 digits may pass.
    static const std::array<bool, 256> digit = [] {
        std::array<bool, 256> d{};
        for (unsigned char c : std::string_view("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")) d[c] = true;
        return d;
    }();
    for (auto* v : {&s.t, &s.p}) {
        v->resize(r.count());
        for (auto& e : *v) {
            std::string_view x = r.view();
            for (unsigned char c : x) r.ok = r.ok && digit[c];
            e = Encoded::of(x);
        }
    }
    get_lists(r, s.doc_terms, s.terms.size());
    r.strs(s.chunk_first);
    r.strs(s.chunk_tkey);
    r.strs(s.chunk_pkey);
    r.str(s.lexicon_key);
    r.strs(s.lexicon_first);
    r.strs(s.lexicon_keys);
    std::size_t n = s.ids.size();
    bool shaped = s.sources.size() == n && s.doc_keys.size() == n && s.doc_terms.size() == n &&
                  s.t.size() == s.terms.size() && s.p.size() == s.terms.size() &&
                  s.chunk_tkey.size() == s.chunk_first.size() && s.chunk_pkey.size() == s.chunk_first.size() &&
                  s.lexicon_first.size() == s.lexicon_keys.size();
    if (!r.ok || !r.at_end() || !shaped) {
        s = ExportState{};
        return false;
    }
    return true;
}

void save_export_state(const std::string& file, const ExportState& s) {
    std::vector<bool> live_terms(s.terms.size());
    for (std::size_t i = 0; i < s.terms.size(); ++i) live_terms[i] = !s.t[i].empty();
    auto term_ids = renumber(live_terms);

    binary::Writer w;
    std::size_t guess = 1 << 20;
    for (std::size_t i = 0; i < s.terms.size(); ++i) guess += s.terms[i].size() + s.t[i].size() + s.p[i].size() + 24;
    w.out.reserve(guess);
    w.out.append(kMagic);
    w.str(s.base);
    w.strs(s.ids);
    w.strs(s.sources);
    w.strs(s.doc_keys);
    const auto live = static_cast<std::uint32_t>(std::count(live_terms.begin(), live_terms.end(), true));
    w.u32(live);
    for (std::size_t i = 0; i < s.terms.size(); ++i) {
        if (live_terms[i]) w.str(s.terms[i]);
    }
    for (const auto* v : {&s.t, &s.p}) {
        w.u32(live);
        for (std::size_t i = 0; i < v->size(); ++i) {
            if (live_terms[i]) w.str((*v)[i].get());
        }
    }
    put_lists(w, s.doc_terms, term_ids);
    w.strs(s.chunk_first);
    w.strs(s.chunk_tkey);
    w.strs(s.chunk_pkey);
    w.str(s.lexicon_key);
    w.strs(s.lexicon_first);
    w.strs(s.lexicon_keys);
    binary::write_cache_file(file, w.out);
}

}  // namespace playmaker::search
