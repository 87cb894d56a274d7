// The loaded knowledge base, and the loader that builds it from a content tree.
//
// Parsers take bytes and a name (a path relative to the content root, used only in
// messages), never a path on disk, so tests and fuzzers feed them directly.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "playmaker/diagnostic.hpp"
#include "playmaker/item.hpp"
#include "playmaker/profile.hpp"
#include "playmaker/reference.hpp"
#include "playmaker/taxonomy.hpp"

namespace playmaker {

class Register;
class PluginHost;
class ItemCache;

struct Corpus {
    std::string root;  // the content root it was loaded from
    std::vector<Item> items;
    std::vector<Reference> references;
    std::vector<Profile> profiles;
    Taxonomy taxonomy;

    const Item* item(std::string_view id) const;
    const Reference* reference(std::string_view key) const;
    const Profile* profile(std::string_view id) const;
};

// Parses one item file. Returns false (and adds at least one error) when the file cannot
// give an item; a true return may still come with warnings or errors about fields.
// `name` is the path relative to the content root, e.g. "cases/steinkjer-bolystteam.md";
// kind and id come from it.
bool parse_item(std::string_view bytes, const std::string& name, Item& out, Diagnostics& diags);
// The same, also giving the body as plain text (Item::body_text, made once here).
bool parse_item(std::string_view bytes, const std::string& name, Item& out, Diagnostics& diags,
                std::string& body_text);

// Parses a CSL-JSON file (an array of entries, or one entry) into `out`, locating each
// entry and each problem at its line in the file.
void parse_csl_json(std::string_view bytes, const std::string& name,
                    std::vector<Reference>& out, Diagnostics& diags);

// Parses content/taxonomy.yaml.
void parse_taxonomy(std::string_view bytes, const std::string& name, Taxonomy& out,
                    Diagnostics& diags);

// Parses one profile (content/profiles/<id>.yaml); false when it gives no profile.
bool parse_profile(std::string_view bytes, const std::string& name, Profile& out,
                   Diagnostics& diags);

// Loads every file under `root`, then checks what spans files (citation keys, links,
// related ids, duplicate ids, taxonomy terms, municipalities, profile drivers).
// Never throws for bad content: every problem lands in `diags`. A missing or unreadable
// root is an error diagnostic too. Literature files other than CSL-JSON (.bib) are read
// by the importer plugins of `plugins`; without one they are skipped with a warning.
Corpus load_corpus(const std::string& root, Diagnostics& diags, const PluginHost* plugins = nullptr);

// How load_corpus may go faster; the result is the same either way.
struct LoadOptions {
    ItemCache* cache = nullptr;  // parsed items reused (moved out of it) when a file is unchanged
    unsigned jobs = 1;                 // threads parsing item files; 0 = one per core
};
struct LoadStats {
    std::size_t parsed = 0;     // item files parsed
    std::size_t reused = 0;     // item files taken from the cache
    std::size_t restamped = 0;  // of those, files read to learn they had not changed
    std::unordered_map<std::string, FileStamp> stamps;  // item files' stamps, by path
    std::int64_t stamped_at = 0;  // wall-clock ns just before the stamps were taken
};
Corpus load_corpus(const std::string& root, Diagnostics& diags, const PluginHost* plugins,
                   const LoadOptions& options, LoadStats* stats = nullptr);

// Reads only <root>/literature (CSL-JSON, and what importer plugins offer), as load_corpus
// does: for commands that need nothing else. A missing folder is an error diagnostic.
std::vector<Reference> load_literature(const std::string& root, Diagnostics& diags,
                                       const PluginHost* plugins = nullptr);

// The cross-file checks load_corpus runs, for a corpus built by other means.
void validate_corpus(const Corpus& corpus, const Register& reg, Diagnostics& diags);

}  // namespace playmaker
