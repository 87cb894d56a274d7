// Writing the site's files, and reusing unchanged pages from the previous build.
//
// Every page has a fingerprint: a hash of everything that goes into it (the templates,
// UI strings and settings, and the page's own data). The manifest of a built site
// (`.site-manifest`, inside the site, so it is swapped in with the pages it describes)
// maps each page to its fingerprint; a page whose fingerprint is unchanged is hard-linked
// from the previous site instead of rendered again.
//
// The folder being built may also be an older build of the site, recycled (StagedDir):
// then a file its own manifest says is already what this build wants is left as it is, any
// other is unlinked before it is written or linked (its inode may be shared with the
// previous site, which must not change), and files this build does not make are removed.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <playmaker/value.hpp>

namespace playmaker::site {

inline constexpr const char* kManifestName = ".site-manifest";

// A 128-bit fingerprint (two independent 64-bit FNV-1a streams); not for security.
class Hasher {
public:
    Hasher& add(std::string_view s);
    Hasher& add_value(const Value& v);
    std::string hex() const;

private:
    std::uint64_t a_ = 0xcbf29ce484222325ULL;
    std::uint64_t b_ = 0x84222325cbf29ce4ULL;
};

// A built site's manifest, read once: its entries are views into its text, sorted by path.
class Manifest {
public:
    explicit Manifest(const std::string& dir);  // "" or no manifest there: empty
    Manifest(const Manifest&) = delete;  // its entries point into its text
    Manifest& operator=(const Manifest&) = delete;
    // The fingerprint of `path`, or nullptr.
    const std::string_view* find(std::string_view path) const;
    const std::vector<std::pair<std::string_view, std::string_view>>& entries() const { return entries_; }

private:
    std::string text_;
    std::vector<std::pair<std::string_view, std::string_view>> entries_;
};

class Output {
public:
    // `dir` is the folder being built (empty, or a recycled older build with its manifest);
    // `previous` the last built site ("" or missing when there is none).
    Output(std::string dir, const std::string& previous);

    const std::string& dir() const { return dir_; }
    // Keeps the page at `path` when the folder already holds it with fingerprint `key`, else
    // links the previous site's when its fingerprint was `key`; false when the page has to
    // be rendered. Thread-safe.
    bool reuse(const std::string& path, const std::string& key);
    // Writes a page (its folder must exist) and records its fingerprint. Thread-safe.
    // Throws std::system_error when it cannot.
    void write(const std::string& path, std::string_view bytes, const std::string& key);
    // Creates a folder inside the site (and its parents).
    void make_dir(const std::string& rel);
    // Removes what the folder holds that this build did not make (an older build's files,
    // files put into a live site by hand), and writes the manifest of every page written or
    // reused.
    void write_manifest();
    std::size_t files() const { return entries_.size(); }

private:
    void remove_unmade(const std::string& rel);

    std::string dir_, previous_;
    Manifest old_;   // the previous site's
    Manifest here_;  // the recycled folder's
    std::unordered_set<std::string> replaced_;  // files written or linked in this build
    std::mutex mu_;
    std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace playmaker::site
