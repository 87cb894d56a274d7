// The plugin seam: renderer, importer and site-builder plugins as shared libraries.
//
// A plugin is a shared library with a Poco ClassLoader manifest for base class
// playmaker::Plugin, and an exported C function `playmaker_plugin_api` returning the
// kPluginApiVersion it was built against:
//
//     #include <playmaker/plugin.hpp>
//     class MyRenderer : public playmaker::Renderer { … };
//     PLAYMAKER_PLUGIN_BEGIN
//         POCO_EXPORT_CLASS(MyRenderer)
//     PLAYMAKER_PLUGIN_END
//
// A plugin includes only headers from <playmaker/…> and links Playmaker::core.
#pragma once

#include <Poco/ClassLibrary.h>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "playmaker/diagnostic.hpp"
#include "playmaker/reference.hpp"

namespace playmaker {

// Bumped whenever a class below, or a type it passes, changes shape. A plugin built
// against another version is refused when loaded, never called.
inline constexpr int kPluginApiVersion = 5;

struct Note;
struct Corpus;
class Renderer;
class Importer;
class SiteBuilder;

struct PluginInfo {
    std::string name;         // unique: "html", "bibtex"; a later folder's plugin overrides
    std::string version;      // the plugin's own version
    std::string description;  // one line
    std::vector<std::string> offers;  // formats ("html") or file types (".bib")
};

// The base class every plugin class derives from (the manifest's base).
class Plugin {
public:
    virtual ~Plugin() = default;
    virtual PluginInfo info() const = 0;
    virtual const Renderer* as_renderer() const { return nullptr; }
    virtual const Importer* as_importer() const { return nullptr; }
    virtual const SiteBuilder* as_site_builder() const { return nullptr; }
};

// A required external program is missing (chromium for PDF): exit code 3.
class ToolMissing : public std::runtime_error {
public:
    ToolMissing(const std::string& tool, const std::string& debian_package)
        : std::runtime_error(tool + " is not installed (Debian package: " + debian_package + ")"),
          package(debian_package) {}
    std::string package;
};

struct RenderedFile {
    std::string bytes;
    std::string extension;   // "html", without the dot
    std::string media_type;  // "text/html; charset=utf-8"
};

// Turns a Note into one file. Must be safe to call from several threads at once
// (`playmaker notes` renders in parallel). Throws ToolMissing, or std::runtime_error
// for anything else that stops it.
class Renderer : public Plugin {
public:
    const Renderer* as_renderer() const override { return this; }
    virtual RenderedFile render(const Note& note, const Corpus& corpus) const = 0;
};

// Reads literature files of the types it offers (".bib") into references, every problem
// located at its line in the file. Parses bytes with a name, never a path.
class Importer : public Plugin {
public:
    const Importer* as_importer() const override { return this; }
    virtual void import(std::string_view bytes, const std::string& name, std::vector<Reference>& out,
                        Diagnostics& diags) const = 0;
};

// What a site build is asked to do. The caller owns everything pointed to, and swaps `out`
// into place (a StagedDir) only when build() returns true.
struct SiteRequest {
    const Corpus* corpus = nullptr;  // loaded and checked (no errors)
    std::string out;          // the folder to write the site into: empty, or an older build of
                              // this site to bring up to date (its files may be hard links to
                              // `previous`'s: replace them, never write through them)
    std::string previous;     // the site built last time, if any: pages whose inputs did not
                              // change are hard-linked from it instead of rendered again
    std::string base_url;     // absolute URL of the site's root, ending in '/'; empty when
                              // unknown (then no sitemap.xml and no feed, which need it)
    std::string db;           // search index for the notes' selection (bm25); empty = none
    bool all_municipalities = false;  // a note page for every municipality of the register
    std::string search_db;    // index to export for the site's search client; empty = none
    unsigned jobs = 0;        // threads; 0 = one per core
    std::string cache_dir;    // a folder of the builder's own beside the site, kept between
                              // builds (what makes the next build quicker); "" = none
    // Blocks until `db` and `search_db` are up to date (the caller may still be bringing
    // them up to date while the pages render) and throws what that failed with; call it
    // before reading either. Empty = ready from the start.
    std::function<void()> await_index;
    // Called from any thread, serialised by the builder, as pages are done.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// What a site build did, for the command's summary line.
struct SiteStats {
    std::size_t pages = 0;     // files in the site
    std::size_t rendered = 0;  // pages rendered in this build
    std::size_t reused = 0;    // pages linked unchanged from the previous site
    // Wall seconds of each part of the build, in order ("pages", "search", …).
    std::vector<std::pair<std::string, double>> phases;
    std::vector<std::string> warnings;  // problems that lost nothing of this build
};

// Builds the static site into a folder (which the caller swaps into place).
class SiteBuilder : public Plugin {
public:
    const SiteBuilder* as_site_builder() const override { return this; }
    // Returns false when the site could not be built; problems land in `diags`.
    // Must not be called concurrently with itself; it runs its own threads.
    virtual bool build(const SiteRequest& request, SiteStats& stats, Diagnostics& diags) const = 0;
};

}  // namespace playmaker

// The API version check the loader runs before it reads the manifest.
#define PLAYMAKER_PLUGIN_BEGIN                                                             \
    extern "C" __attribute__((visibility("default"))) int playmaker_plugin_api() {         \
        return playmaker::kPluginApiVersion;                                               \
    }                                                                                      \
    POCO_BEGIN_MANIFEST(playmaker::Plugin)
#define PLAYMAKER_PLUGIN_END POCO_END_MANIFEST
