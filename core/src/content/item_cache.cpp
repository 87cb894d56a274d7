#include "playmaker/item_cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include "playmaker/atomic.hpp"
#include "util/text.hpp"

namespace playmaker {
namespace {

// Bump when Item or the encoding changes: an older cache then reads as empty.
constexpr std::string_view kMagic = "playmaker-item-cache 2\n";

class Writer {
public:
    std::string out;
    void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void u64(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void str(std::string_view s) {
        u64(s.size());
        out.append(s);
    }
    void strs(const std::vector<std::string>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const auto& s : v) str(s);
    }
    void pos(const Position& p) {
        i32(p.line);
        i32(p.col);
    }
};

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}
    bool ok = true;
    bool at_end() const { return p_ == b_.size(); }
    template <class T>
    T raw() {
        T v{};
        if (b_.size() - p_ < sizeof v) {
            ok = false;
            return v;
        }
        std::memcpy(&v, b_.data() + p_, sizeof v);
        p_ += sizeof v;
        return v;
    }
    std::uint32_t u32() { return raw<std::uint32_t>(); }
    int i32() { return static_cast<int>(raw<std::uint32_t>()); }
    void str(std::string& s) {
        auto n = raw<std::uint64_t>();
        if (!ok || b_.size() - p_ < n) {
            ok = false;
            return;
        }
        s.assign(b_.data() + p_, n);
        p_ += n;
    }
    void strs(std::vector<std::string>& v) {
        std::uint32_t n = u32();
        if (!ok || n > b_.size() - p_) {
            ok = false;
            return;
        }
        v.resize(n);
        for (auto& s : v) str(s);
    }
    void pos(Position& p) {
        p.line = i32();
        p.col = i32();
    }
    // A count no larger than the bytes left could hold (guards against huge allocations).
    std::uint32_t count() {
        std::uint32_t n = u32();
        if (n > b_.size() - p_) ok = false;
        return ok ? n : 0;
    }

private:
    std::string_view b_;
    std::size_t p_ = 0;
};

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
    w.str(it.body_text);
    w.u32(static_cast<std::uint32_t>(it.citations.size()));
    for (const auto& c : it.citations) {
        w.u32(static_cast<std::uint32_t>(c.refs.size()));
        for (const auto& r : c.refs) {
            w.str(r.key);
            w.str(r.locator);
            w.pos(r.pos);
        }
        w.i32(c.narrative ? 1 : 0);
        w.u64(c.offset);
        w.u64(c.length);
        w.pos(c.pos);
    }
    w.u32(static_cast<std::uint32_t>(it.links.size()));
    for (const auto& l : it.links) {
        w.str(l.target);
        w.u64(l.offset);
        w.u64(l.length);
        w.pos(l.pos);
    }
    w.str(it.hash);
    w.u32(static_cast<std::uint32_t>(it.words));
    w.u32(static_cast<std::uint32_t>(it.summary_words));
    w.u32(static_cast<std::uint32_t>(it.positions.size()));
    for (const auto& [k, p] : it.positions) {
        w.str(k);
        w.pos(p);
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
    r.str(it.body_text);
    it.citations.resize(r.count());
    for (auto& c : it.citations) {
        c.refs.resize(r.count());
        for (auto& ref : c.refs) {
            r.str(ref.key);
            r.str(ref.locator);
            r.pos(ref.pos);
        }
        c.narrative = r.i32() != 0;
        c.offset = r.raw<std::uint64_t>();
        c.length = r.raw<std::uint64_t>();
        r.pos(c.pos);
    }
    it.links.resize(r.count());
    for (auto& l : it.links) {
        r.str(l.target);
        l.offset = r.raw<std::uint64_t>();
        l.length = r.raw<std::uint64_t>();
        r.pos(l.pos);
    }
    r.str(it.hash);
    it.words = static_cast<int>(r.raw<std::uint32_t>());
    it.summary_words = static_cast<int>(r.raw<std::uint32_t>());
    std::uint32_t n = r.count();
    for (std::uint32_t i = 0; i < n && r.ok; ++i) {
        std::string k;
        Position p;
        r.str(k);
        r.pos(p);
        it.positions.emplace(std::move(k), p);
    }
}

}  // namespace

std::string ItemCache::encode(const std::vector<Item>& items) {
    Writer w;
    std::size_t guess = kMagic.size() + 8;
    for (const auto& it : items) guess += it.body.size() + it.body_html.size() + it.body_text.size() + 1024;
    w.out.reserve(guess);
    w.out.append(kMagic);
    w.u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& it : items) encode_item(w, it);
    return std::move(w.out);
}

bool ItemCache::decode(std::string_view bytes, std::vector<Item>& out) {
    out.clear();
    if (!bytes.starts_with(kMagic)) return false;
    Reader r(bytes.substr(kMagic.size()));
    std::uint32_t n = r.count();
    out.resize(n);
    for (auto& it : out) {
        decode_item(r, it);
        if (!r.ok) break;
    }
    if (!r.ok || !r.at_end()) {
        out.clear();
        return false;
    }
    return true;
}

ItemCache::ItemCache(std::string file) : file_(std::move(file)) {
    std::string bytes;
    try {
        bytes = text::read_file(file_);
    } catch (const std::exception&) {
        return;
    }
    if (!decode(bytes, items_)) return;
    for (std::size_t i = 0; i < items_.size(); ++i) by_path_[items_[i].path] = i;
}

const Item* ItemCache::find(const std::string& path, std::string_view hash) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end() || items_[it->second].hash != hash) return nullptr;
    return &items_[it->second];
}

void ItemCache::save(const std::vector<Item>& items, const Diagnostics& diags) const {
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
    std::string bytes = encode(*all);
    std::filesystem::path p(file_);
    std::error_code ec;
    if (!p.parent_path().empty()) std::filesystem::create_directories(p.parent_path(), ec);
    std::string tmp = staging_path_for(file_);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot write " + file_);
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw std::system_error(saved, std::generic_category(), "cannot write " + file_);
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (::rename(tmp.c_str(), file_.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        throw std::system_error(saved, std::generic_category(), "cannot write " + file_);
    }
}

}  // namespace playmaker
