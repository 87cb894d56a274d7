// A cache of parsed items, keyed by each file's path and content hash, so a rebuild after
// one edit parses only the files that changed (`playmaker site` keeps one beside its output).
//
// The cache is only ever a shortcut: a missing, truncated, foreign or older-format file
// reads as an empty cache, and an entry is used only when the file's bytes hash to the
// hash it was stored under. Items whose parse gave any diagnostic are not cached, so
// their problems are reported again on every load.
#pragma once

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
    std::size_t size() const { return items_.size(); }

    // The cached item parsed from `path` (relative to the content root) whose bytes hash to
    // `hash` (Item::hash), or nullptr. Safe to call from several threads at once.
    const Item* find(const std::string& path, std::string_view hash) const;

    // Writes `items` to the file (the cache becomes exactly this set), leaving out every item
    // that `diags` holds a problem for, so that problem is reported again next time. Written
    // through a temporary file renamed into place, not flushed to disk: a cache lost in a
    // crash costs only time. Throws std::system_error when it cannot be written.
    void save(const std::vector<Item>& items, const Diagnostics& diags) const;

    // Serialisation, exposed for tests: bytes to items (false when the bytes are not a
    // cache of this format), items to bytes.
    static bool decode(std::string_view bytes, std::vector<Item>& out);
    static std::string encode(const std::vector<Item>& items);

private:
    std::string file_;
    std::vector<Item> items_;
    std::unordered_map<std::string, std::size_t> by_path_;
};

}  // namespace playmaker
