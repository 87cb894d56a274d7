// The briefing note: a profile, the items chosen for it section by section (each with its
// score and the reasons it was chosen), and what the page budget left out.
//
// A Note points into the Corpus it was made from: keep the Corpus alive while the Note is
// used. Notes are plain values; a const Note may be read from several threads at once.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "playmaker/corpus.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/profile.hpp"

namespace playmaker {

class Index;

struct ChosenItem {
    const Item* item = nullptr;
    double score = 0;
    std::vector<std::string> reasons;  // in the note's language: "samme kommune", …
};

// One section of the outline (templates/note/outline.yaml).
struct NoteSection {
    std::string id;        // "funn", "drivere", …
    std::string heading;   // in the note's language
    std::string intro;     // fixed text from i18n, Markdown
    std::string author_text;  // the profile's own Markdown for this section, if any
    std::string generate;  // "summary", "introduction", "references", … for built sections
    bool page_break = false;  // starts a new printed page
    std::vector<ChosenItem> items;
};

struct DroppedItem {
    const Item* item = nullptr;
    double score = 0;
    std::string section;
    std::vector<std::string> reasons;
};

struct Note {
    Profile profile;
    const Municipality* municipality = nullptr;  // from the register; never null in a built note
    std::string lang;  // nb, nn, sv or en: headings, fixed text, citation terms
    std::string title;
    std::string date;  // YYYY-MM-DD the note was made
    std::vector<NoteSection> sections;
    std::vector<DroppedItem> dropped;     // left out by the page budget, lowest score first
    std::vector<std::string> cited_keys;  // every work the chosen items cite, sorted
    double pages = 0;                     // estimated A4 pages
};

// Keyword hits (item id, bm25) per profile keyword, shared by the notes of one run:
// default profiles share their keywords, so `notes --all-municipalities` searches each
// keyword once. Safe to share between threads. Valid for one index: make a new cache when
// the index changes.
class KeywordCache {
public:
    using Hits = std::vector<std::pair<std::string, double>>;
    // The hits for `keyword`, computing them with `index` when not cached yet.
    Hits hits(const std::string& keyword, Index& index);

private:
    std::mutex mu_;
    std::map<std::string, Hits> cache_;
};

struct NoteOptions {
    int pages = 0;         // page budget; 0 = the profile's (default 10)
    std::string lang;      // nb | nn | sv | en; empty = from the profile's målform
    std::string date;      // empty = today
    KeywordCache* keyword_cache = nullptr;  // optional; shared across notes of one run
};

// The profile for a municipality without one: keywords, themes and drivers derived from
// the register by the rules in core/src/notes/default_profile.cpp (documented there).
Profile default_profile(const Municipality& m, const Corpus& corpus);


// The profile for `query`: a profile id ("steinkjer"), or any municipality the register
// knows (number, code, name), whose own profile is used when the corpus has one.
// Returns false with `error` set when nothing matches.
bool resolve_profile(const std::string& query, const Corpus& corpus, Profile& out, std::string& error);

// Chooses and orders the items for `profile` by the outline, within the page budget.
// `index` (may be null) ranks items by bm25 on the profile's keywords. Throws
// std::runtime_error when the outline or the i18n strings cannot be read.
Note build_note(const Profile& profile, const Corpus& corpus, Index* index, const NoteOptions& options);

}  // namespace playmaker
