// A cache of parsed items, keyed by each file's path and content hash, so a rebuild after
// one edit parses only the files that changed (`playmaker site` keeps one beside its output).
//
// The cache is only ever a shortcut: a missing, truncated, foreign or older-format file
// reads as an empty cache, and an entry is used only when the file's bytes hash to the
// hash it was stored under — or, without reading the file, when its size and modification
// time are those it had when it was cached (as the index decides what changed) and that
// time is more than two seconds before the load that stamped it began (a file changed
// twice within the clock's resolution around that load is read). Items whose parse gave any diagnostic are not cached, so their
// problems are reported again on every load.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "playmaker/item.hpp"

namespace playmaker {

class ItemCache {
public:
    ItemCache() = default;
    // Reads `file`; any problem with it gives an empty cache (never throws for its content).
    explicit ItemCache(std::string file);

    const std::string& file() const { return file_; }
    std::size_t size() const { return entries_.size(); }
    // Whether the cache holds an item parsed from `path` (relative to the content root)
    // whose bytes hash to `hash` (Item::hash) and that was not taken yet.
    bool has(const std::string& path, std::string_view hash) const;
    // Whether it holds the item of `path` with the stamp its file still has, old enough to
    // trust (see above), not taken yet.
    bool has(const std::string& path, const FileStamp& stamp) const;
    // The same two lookups, decoding the item into `out` (the entry is spent: each path is
    // taken once; a damaged entry is false, so the file is parsed). Safe from several
    // threads for different paths: each decodes its own.
    bool take(const std::string& path, const FileStamp& stamp, Item& out);
    bool take(const std::string& path, std::string_view hash, Item& out);
    // Whether saving is worth it after a load: rewriting a large cache for a few changed
    // files costs more than parsing those files again next time.
    bool worth_saving(std::size_t parsed, std::size_t restamped) const;

    // Writes `items` to the file (the cache becomes exactly this set), leaving out every item
    // that `diags` holds a problem for, so that problem is reported again next time, with
    // the stamps of their files (by path; an item without one is found by hash only), taken
    // after `stamped_at` (wall-clock ns; LoadStats::stamped_at).
    // Written through a temporary file renamed into place, not flushed to disk: a cache
    // lost in a crash costs only time. Throws std::system_error when it cannot be written.
    void save(const std::vector<Item>& items, const Diagnostics& diags,
              const std::unordered_map<std::string, FileStamp>& stamps = {}, std::int64_t stamped_at = 0) const;

    // Serialisation, exposed for tests: bytes to items (false when the bytes are not a
    // cache of this format), items to bytes.
    static bool decode(std::string_view bytes, std::vector<Item>& out, std::vector<FileStamp>* stamps = nullptr,
                       std::int64_t* stamped_at = nullptr);
    static std::string encode(const std::vector<Item>& items, const std::vector<FileStamp>& stamps = {},
                              std::int64_t stamped_at = 0);

private:
    // One item in the file: its table-of-contents entry and its record (views into the
    // mapping).
    struct Entry {
        std::string_view path, hash;
        FileStamp stamp;
        std::uint64_t offset = 0, length = 0;
        std::string_view record;
    };
    static bool read_contents(std::string_view bytes, std::vector<Entry>& out, std::int64_t& stamped_at);
    static bool decode_entry(const Entry& e, Item& out);
    const Entry* entry(const std::string& path) const;

    std::string file_;
    std::shared_ptr<const void> mapping_;
    std::int64_t stamped_at_ = 0;  // when the load that took the stamps began (ns)
    std::vector<Entry> entries_;
    std::vector<char> spent_;  // per entry: taken already
    std::unordered_map<std::string_view, std::size_t> by_path_;
};

}  // namespace playmaker
