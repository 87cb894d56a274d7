// An item of the knowledge base: one Markdown file with YAML front matter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "playmaker/diagnostic.hpp"

namespace playmaker {

// The kinds of item, each stored in its own folder of the content root.
enum class Kind { Finding, Driver, Opportunity, Challenge, Case, Recommendation, Concept };

inline constexpr Kind kAllKinds[] = {Kind::Finding,  Kind::Driver,         Kind::Opportunity,
                                     Kind::Challenge, Kind::Case,          Kind::Recommendation,
                                     Kind::Concept};

// "finding", "case", … — the name used in the CLI, queries, the API and URLs.
const char* kind_name(Kind kind);
// The folder under the content root: "findings", "cases", …
const char* kind_folder(Kind kind);
std::optional<Kind> kind_from_name(std::string_view name);
std::optional<Kind> kind_from_folder(std::string_view folder);

// One cited work inside a citation group: "@stene2015, s. 12".
struct CiteRef {
    std::string key;
    std::string locator;  // "s. 12", or empty
    Position pos;         // where "@key" starts in the file
};

// A citation group in the body: "[@a; @b, s. 12]" (parenthetical) or "@a" (narrative).
struct Citation {
    std::vector<CiteRef> refs;
    bool narrative = false;
    std::size_t offset = 0;  // byte offset of the group in `Item::body`
    std::size_t length = 0;  // bytes of the group's source text in `Item::body`
    Position pos;
};

// A link to another item: "[[inn-pa-tunet-steinkjer]]".
struct Link {
    std::string target;
    std::size_t offset = 0;  // in `Item::body`
    std::size_t length = 0;
    Position pos;
};

// A file's size and modification time (nanoseconds), as stat gives them.
struct FileStamp {
    std::int64_t size = -1, mtime = 0;
    bool operator==(const FileStamp&) const = default;
};

struct Item {
    Kind kind = Kind::Finding;
    std::string id;    // the file stem, [a-z0-9-]+
    std::string path;  // relative to the content root, '/'-separated

    std::string title;
    std::string summary;
    std::string lang = "nb";  // nb | nn | sv | en
    std::vector<std::string> themes, roles, sectors;
    std::vector<std::string> municipalities;  // "5006", "SE-2380"
    std::string date;                         // YYYY-MM-DD, YYYY-MM or YYYY; may be empty
    std::string updated;
    std::string period;
    std::string outcome;
    std::vector<std::string> sources;  // literature keys
    std::vector<std::string> related;  // item ids

    std::string body;        // the Markdown source after the front matter
    int body_line = 1;       // the file line on which `body` starts
    std::vector<Citation> citations;
    std::vector<Link> links;

    std::string hash;  // hex digest of the file's bytes, for incremental work
    int words = 0;          // words in the title and the body text, for page estimates
    int summary_words = 0;  // words in the summary

    // Where front-matter values sit in the file, for messages: "title", "themes.0", …
    std::map<std::string, Position> positions;
    // The position of a field's value; line 1 of the file when it has none.
    Position where(const std::string& field) const;

    // Year for the `year` facet: from `date`, else the first year in `period`; 0 if none.
    int year() const;
    // Every literature key the item cites: `sources` and the body's citations, once each.
    std::vector<std::string> cited_keys() const;
    // The body as plain text, for search and snippets (made from `body` when asked: only
    // the index reads it, so parsed and cached items do not carry it).
    std::string body_text() const;
    // cmark's safe HTML of `body` (citations and links left as text), made on demand: the
    // site renders the few pages that changed, so no item carries it.
    std::string body_html() const;
};

}  // namespace playmaker
