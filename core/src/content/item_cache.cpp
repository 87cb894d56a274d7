#include "playmaker/item_cache.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unordered_set>

#include "util/binary.hpp"
#include "util/text.hpp"

namespace playmaker {
namespace {

// Bump when Item or the encoding changes: an older cache then reads as empty.
constexpr std::string_view kMagic = "playmaker-item-cache 7\n";

// A stamp is trusted only when the file was last changed this long before the load that
// stamped it began, so a second change within the clock's resolution cannot go unseen.
constexpr std::int64_t kRacyNs = 2'000'000'000;

using binary::Reader;
using binary::Writer;

void put_pos(Writer& w, const Position& p) {
    w.i32(p.line);
    w.i32(p.col);
}

void get_pos(Reader& r, Position& p) {
    p.line = r.i32();
    p.col = r.i32();
}

void encode_item(Writer& w, const Item& it) {
    w.i32(static_cast<int>(it.kind));
    w.str(it.id);
    w.str(it.path);
    w.str(it.title);
    w.str(it.summary);
    w.str(it.lang);
    w.strs(it.themes);
    w.strs(it.roles);
    w.strs(it.sectors);
    w.strs(it.municipalities);
    w.str(it.date);
    w.str(it.updated);
    w.str(it.period);
    w.str(it.outcome);
    w.strs(it.sources);
    w.strs(it.related);
    w.str(it.body);
    w.i32(it.body_line);
    w.u32(static_cast<std::uint32_t>(it.citations.size()));
    for (const auto& c : it.citations) {
        w.u32(static_cast<std::uint32_t>(c.refs.size()));
        for (const auto& r : c.refs) {
            w.str(r.key);
            w.str(r.locator);
            put_pos(w, r.pos);
        }
        w.i32(c.narrative ? 1 : 0);
        w.u64(c.offset);
        w.u64(c.length);
        put_pos(w, c.pos);
    }
    w.u32(static_cast<std::uint32_t>(it.links.size()));
    for (const auto& l : it.links) {
        w.str(l.target);
        w.u64(l.offset);
        w.u64(l.length);
        put_pos(w, l.pos);
    }
    w.str(it.hash);
    w.u32(static_cast<std::uint32_t>(it.words));
    w.u32(static_cast<std::uint32_t>(it.summary_words));
    w.u32(static_cast<std::uint32_t>(it.positions.size()));
    for (const auto& [k, p] : it.positions) {
        w.str(k);
        put_pos(w, p);
    }
}

void decode_item(Reader& r, Item& it) {
    int kind = r.i32();
    if (kind < 0 || kind > static_cast<int>(Kind::Concept)) r.ok = false;
    it.kind = static_cast<Kind>(r.ok ? kind : 0);
    r.str(it.id);
    r.str(it.path);
    r.str(it.title);
    r.str(it.summary);
    r.str(it.lang);
    r.strs(it.themes);
    r.strs(it.roles);
    r.strs(it.sectors);
    r.strs(it.municipalities);
    r.str(it.date);
    r.str(it.updated);
    r.str(it.period);
    r.str(it.outcome);
    r.strs(it.sources);
    r.strs(it.related);
    r.str(it.body);
    it.body_line = r.i32();
    it.citations.resize(r.count());
    for (auto& c : it.citations) {
        c.refs.resize(r.count());
        for (auto& ref : c.refs) {
            r.str(ref.key);
            r.str(ref.locator);
            get_pos(r, ref.pos);
        }
        c.narrative = r.i32() != 0;
        c.offset = r.raw<std::uint64_t>();
        c.length = r.raw<std::uint64_t>();
        get_pos(r, c.pos);
    }
    it.links.resize(r.count());
    for (auto& l : it.links) {
        r.str(l.target);
        l.offset = r.raw<std::uint64_t>();
        l.length = r.raw<std::uint64_t>();
        get_pos(r, l.pos);
    }
    r.str(it.hash);
    it.words = static_cast<int>(r.raw<std::uint32_t>());
    it.summary_words = static_cast<int>(r.raw<std::uint32_t>());
    std::uint32_t n = r.count();
    for (std::uint32_t i = 0; i < n && r.ok; ++i) {
        std::string k;
        Position p;
        r.str(k);
        get_pos(r, p);
        it.positions.emplace(std::move(k), p);
    }
}

}  // namespace

// The file: magic, when the stamps were taken, then a table of contents (per item: path,
// hash, stamp, and where its record lies in the records that follow) and the records. The
// table is read when the cache opens; a record is decoded only when its item is taken, on
// whichever loader thread takes it.
std::string ItemCache::encode(const std::vector<Item>& items, const std::vector<FileStamp>& stamps,
                              std::int64_t stamped_at) {
    Writer records;
    std::size_t guess = 0;
    for (const auto& it : items) guess += it.body.size() + 1024;
    records.out.reserve(guess);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> at;
    for (const auto& it : items) {
        std::size_t from = records.out.size();
        encode_item(records, it);
        at.emplace_back(from, records.out.size() - from);
    }
    Writer w;
    w.out.reserve(kMagic.size() + 12 + items.size() * 96 + records.out.size());
    w.out.append(kMagic);
    w.u64(static_cast<std::uint64_t>(stamped_at));
    w.u32(static_cast<std::uint32_t>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
        FileStamp st = i < stamps.size() ? stamps[i] : FileStamp{};
        w.str(items[i].path);
        w.str(items[i].hash);
        w.u64(static_cast<std::uint64_t>(st.size));
        w.u64(static_cast<std::uint64_t>(st.mtime));
        w.u64(at[i].first);
        w.u64(at[i].second);
    }
    w.out.append(records.out);
    return std::move(w.out);
}

bool ItemCache::read_contents(std::string_view bytes, std::vector<Entry>& out, std::int64_t& stamped_at) {
    out.clear();
    if (!bytes.starts_with(kMagic)) return false;
    Reader r(bytes.substr(kMagic.size()));
    stamped_at = static_cast<std::int64_t>(r.raw<std::uint64_t>());
    out.resize(r.count());
    for (auto& e : out) {
        e.path = r.view();
        e.hash = r.view();
        e.stamp.size = static_cast<std::int64_t>(r.raw<std::uint64_t>());
        e.stamp.mtime = static_cast<std::int64_t>(r.raw<std::uint64_t>());
        e.offset = r.raw<std::uint64_t>();
        e.length = r.raw<std::uint64_t>();
        if (!r.ok) break;
    }
    std::string_view records = r.rest();
    for (auto& e : out) {
        if (!r.ok) break;
        r.ok = e.offset <= records.size() && e.length <= records.size() - e.offset;
        if (r.ok) e.record = records.substr(static_cast<std::size_t>(e.offset), static_cast<std::size_t>(e.length));
    }
    if (!r.ok) out.clear();
    return r.ok;
}

bool ItemCache::decode_entry(const Entry& e, Item& out) {
    Reader r(e.record);
    Item item;
    decode_item(r, item);
    if (!r.ok || !r.at_end() || item.path != e.path || item.hash != e.hash) return false;
    out = std::move(item);
    return true;
}

bool ItemCache::decode(std::string_view bytes, std::vector<Item>& out, std::vector<FileStamp>* stamps,
                       std::int64_t* stamped_at) {
    out.clear();
    if (stamps) stamps->clear();
    std::vector<Entry> entries;
    std::int64_t when = 0;
    if (!read_contents(bytes, entries, when)) return false;
    if (stamped_at) *stamped_at = when;
    out.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!decode_entry(entries[i], out[i])) {
            out.clear();
            if (stamps) stamps->clear();
            return false;
        }
        if (stamps) stamps->push_back(entries[i].stamp);
    }
    return true;
}

ItemCache::ItemCache(std::string file) : file_(std::move(file)) {
    // Mapped rather than read: a record is copied out of the page cache once, when taken.
    std::string_view bytes;
    mapping_ = binary::map_file(file_, bytes);
    if (!mapping_ || !read_contents(bytes, entries_, stamped_at_)) {
        entries_.clear();
        mapping_.reset();
        return;
    }
    spent_.assign(entries_.size(), 0);
    by_path_.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) by_path_.emplace(entries_[i].path, i);
}

const ItemCache::Entry* ItemCache::entry(const std::string& path) const {
    auto it = by_path_.find(std::string_view(path));
    if (it == by_path_.end() || spent_[it->second]) return nullptr;
    return &entries_[it->second];
}

bool ItemCache::has(const std::string& path, std::string_view hash) const {
    const Entry* e = entry(path);
    return e && e->hash == hash;
}

bool ItemCache::has(const std::string& path, const FileStamp& stamp) const {
    const Entry* e = entry(path);
    return e && stamp.size >= 0 && e->stamp == stamp && stamp.mtime <= stamped_at_ - kRacyNs;
}

bool ItemCache::take(const std::string& path, const FileStamp& stamp, Item& out) {
    if (!has(path, stamp)) return false;
    const Entry* e = entry(path);
    spent_[static_cast<std::size_t>(e - entries_.data())] = 1;
    return decode_entry(*e, out);
}

bool ItemCache::take(const std::string& path, std::string_view hash, Item& out) {
    if (!has(path, hash)) return false;
    const Entry* e = entry(path);
    spent_[static_cast<std::size_t>(e - entries_.data())] = 1;
    return decode_entry(*e, out);
}

bool ItemCache::worth_saving(std::size_t parsed, std::size_t restamped) const {
    std::size_t stale = parsed + restamped;
    return stale > 0 && (entries_.empty() || stale > 16 + entries_.size() / 64);
}

void ItemCache::save(const std::vector<Item>& items, const Diagnostics& diags,
                     const std::unordered_map<std::string, FileStamp>& stamps, std::int64_t stamped_at) const {
    std::unordered_set<std::string> noisy;
    for (const auto& d : diags.all()) noisy.insert(d.path);
    std::vector<Item> keep;
    const std::vector<Item>* all = &items;
    if (!noisy.empty()) {
        for (const auto& it : items) {
            if (!noisy.count(it.path)) keep.push_back(it);
        }
        all = &keep;
    }
    std::vector<FileStamp> st;
    st.reserve(all->size());
    for (const auto& it : *all) {
        auto s = stamps.find(it.path);
        st.push_back(s == stamps.end() ? FileStamp{} : s->second);
    }
    binary::write_cache_file(file_, encode(*all, st, stamped_at));
}

}  // namespace playmaker
