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
constexpr std::string_view kMagic = "playmaker-item-cache 5\n";

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
    w.str(it.body_html);
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
    r.str(it.body_html);
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

std::string ItemCache::encode(const std::vector<Item>& items, const std::vector<FileStamp>& stamps,
                              std::int64_t stamped_at) {
    Writer w;
    std::size_t guess = kMagic.size() + 8;
    for (const auto& it : items) guess += it.body.size() + it.body_html.size() + 1024;
    w.out.reserve(guess);
    w.out.append(kMagic);
    w.u64(static_cast<std::uint64_t>(stamped_at));
    w.u32(static_cast<std::uint32_t>(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) {
        encode_item(w, items[i]);
        FileStamp st = i < stamps.size() ? stamps[i] : FileStamp{};
        w.u64(static_cast<std::uint64_t>(st.size));
        w.u64(static_cast<std::uint64_t>(st.mtime));
    }
    return std::move(w.out);
}

bool ItemCache::decode(std::string_view bytes, std::vector<Item>& out, std::vector<FileStamp>* stamps,
                       std::int64_t* stamped_at) {
    out.clear();
    std::vector<FileStamp> local;
    if (!stamps) stamps = &local;
    stamps->clear();
    if (!bytes.starts_with(kMagic)) return false;
    Reader r(bytes.substr(kMagic.size()));
    auto when = static_cast<std::int64_t>(r.raw<std::uint64_t>());
    if (stamped_at) *stamped_at = when;
    std::uint32_t n = r.count();
    out.resize(n);
    stamps->resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        decode_item(r, out[i]);
        (*stamps)[i].size = static_cast<std::int64_t>(r.raw<std::uint64_t>());
        (*stamps)[i].mtime = static_cast<std::int64_t>(r.raw<std::uint64_t>());
        if (!r.ok) break;
    }
    if (!r.ok || !r.at_end()) {
        out.clear();
        return false;
    }
    return true;
}

ItemCache::ItemCache(std::string file) : file_(std::move(file)) {
    // Mapped rather than read: the items are copied out of the page cache once.
    int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat sb {};
    if (::fstat(fd, &sb) != 0 || sb.st_size <= 0) {
        ::close(fd);
        return;
    }
    auto size = static_cast<std::size_t>(sb.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return;
    bool ok = decode(std::string_view(static_cast<const char*>(map), size), items_, &stamps_, &stamped_at_);
    ::munmap(map, size);
    if (!ok) return;
    for (std::size_t i = 0; i < items_.size(); ++i) by_path_[items_[i].path] = i;
}

const Item* ItemCache::find(const std::string& path, std::string_view hash) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end() || items_[it->second].hash != hash) return nullptr;
    return &items_[it->second];
}

const Item* ItemCache::find(const std::string& path, const FileStamp& stamp) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end() || stamp.size < 0) return nullptr;
    const FileStamp& st = stamps_[it->second];
    if (!(st == stamp) || stamp.mtime > stamped_at_ - kRacyNs) return nullptr;
    return &items_[it->second];
}

bool ItemCache::take(const std::string& path, const FileStamp& stamp, Item& out) {
    const Item* hit = find(path, stamp);
    if (!hit) return false;
    out = std::move(items_[static_cast<std::size_t>(hit - items_.data())]);
    return true;
}

bool ItemCache::take(const std::string& path, std::string_view hash, Item& out) {
    const Item* hit = find(path, hash);
    if (!hit) return false;
    out = std::move(items_[static_cast<std::size_t>(hit - items_.data())]);
    return true;
}

bool ItemCache::worth_saving(std::size_t parsed, std::size_t restamped) const {
    std::size_t stale = parsed + restamped;
    return stale > 0 && (items_.empty() || stale > 16 + items_.size() / 64);
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
