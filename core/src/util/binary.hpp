// Little binary encoders for the caches beside an output (the item cache, the search
// export's state): fixed-width numbers in the machine's byte order and length-prefixed
// strings. A cache is only ever a shortcut, so the reader never throws: it sets `ok` to
// false at the first thing that does not fit, and the caller treats the file as absent.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker::binary {

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
    // Ascending numbers as a count and LEB128 differences.
    void ascending(const std::vector<std::uint32_t>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        std::uint32_t prev = 0;
        for (std::uint32_t x : v) {
            std::uint32_t d = x - prev;
            prev = x;
            while (d >= 0x80) {
                out += static_cast<char>(0x80 | (d & 0x7F));
                d >>= 7;
            }
            out += static_cast<char>(d);
        }
    }
};

class Reader {
public:
    explicit Reader(std::string_view b) : b_(b) {}
    bool ok = true;
    bool at_end() const { return p_ == b_.size(); }
    // What is left to read.
    std::string_view rest() const { return b_.substr(p_); }
    // Passes over `n` bytes (not ok when fewer are left).
    void skip(std::size_t n) {
        if (b_.size() - p_ < n) {
            ok = false;
            p_ = b_.size();
            return;
        }
        p_ += n;
    }
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
    std::uint64_t u64() { return raw<std::uint64_t>(); }
    // How many bytes were read so far.
    std::size_t at() const { return p_; }
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
    // A string as a view into the bytes (valid while they are).
    std::string_view view() {
        auto n = raw<std::uint64_t>();
        if (!ok || b_.size() - p_ < n) {
            ok = false;
            return {};
        }
        std::string_view v = b_.substr(p_, n);
        p_ += n;
        return v;
    }
    void strs(std::vector<std::string>& v) {
        std::uint32_t n = count();
        v.resize(n);
        for (auto& s : v) str(s);
    }
    // A count no larger than the bytes left could hold (guards against huge allocations).
    std::uint32_t count() {
        std::uint32_t n = u32();
        if (n > b_.size() - p_) ok = false;
        return ok ? n : 0;
    }
    // Ascending numbers, each below `bound`; anything else (a sum that overflows, say)
    // makes the reader not ok.
    void ascending(std::vector<std::uint32_t>& v, std::uint64_t bound = 0x100000000ULL) {
        std::uint32_t n = count();
        v.resize(n);
        std::uint64_t prev = 0;
        for (auto& x : v) {
            std::uint64_t d = 0;
            for (int shift = 0;; shift += 7) {
                if (p_ >= b_.size() || shift > 28) {
                    ok = false;
                    return;
                }
                auto c = static_cast<unsigned char>(b_[p_++]);
                d |= static_cast<std::uint64_t>(c & 0x7F) << shift;
                if (!(c & 0x80)) break;
            }
            prev += d;
            if (prev >= bound) {
                ok = false;
                v.clear();
                return;
            }
            x = static_cast<std::uint32_t>(prev);
        }
    }

private:
    std::string_view b_;
    std::size_t p_ = 0;
};

// A file mapped read-only for as long as the returned bytes are held; nullptr (and no
// bytes) when it cannot be opened or is empty.
std::shared_ptr<const void> map_file(const std::string& path, std::string_view& bytes);

// Writes a cache file through a temporary file renamed into place, without flushing it to
// disk: a cache lost in a crash costs only time. Throws std::system_error when it cannot.
void write_cache_file(const std::string& path, std::string_view bytes);
// The same for a file made of `pieces` in order, written as they lie (pieces that adjoin in
// memory go in one piece), so large views need not be copied into one buffer first.
void write_cache_file(const std::string& path, const std::vector<std::string_view>& pieces);

}  // namespace playmaker::binary
