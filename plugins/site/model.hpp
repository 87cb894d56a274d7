// The site's view of a corpus: every item by id, the evidence graph both ways (links,
// related items, citations), the facets (kind, theme, role, sector, county, year) and the
// path of every page. Built once per build, read-only afterwards (shared by the workers).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <playmaker/corpus.hpp>
#include <playmaker/municipality.hpp>

namespace playmaker::site {

// One value of a facet, and the items that have it (newest first).
struct FacetValue {
    std::string id;     // as in the content: "samskaping", "50", "2017"
    std::string slug;   // its file name: ascii, "entreprenor"
    std::string label;  // shown: "Samskaping", "Trøndelag", "2017"
    std::string definition;
    std::vector<const Item*> items;
};

struct Facet {
    std::string name;    // "theme", "role", "sector", "county", "year"
    std::string folder;  // "themes", …
    std::vector<FacetValue> values;  // in display order
    std::unordered_map<std::string, std::size_t> at;  // value id -> index in values
};

struct Model {
    const Corpus* corpus = nullptr;
    std::string lang;  // the site's UI language
    std::unordered_map<std::string, const Item*> by_id;
    std::unordered_map<std::string, std::vector<const Item*>> linked_from;   // [[id]] in their body
    std::unordered_map<std::string, std::vector<const Item*>> related_from;  // id in their `related`
    std::unordered_map<std::string, std::vector<const Item*>> citing;        // literature key -> items
    std::vector<const Item*> newest;  // every item, newest `date` first, then by title
    std::map<Kind, std::vector<const Item*>> by_kind;  // newest first (concepts: by title)
    std::vector<Facet> facets;
};

Model build_model(const Corpus& corpus, const std::string& lang);

// The ids of `facet`'s values that `item` has ("theme" → its themes, "county" → the
// counties of its municipalities, "year" → its year).
std::vector<std::string> facet_ids(const Item& item, const std::string& facet);

// Ascii file names: "Røyrvik" -> "royrvik", "entreprenør" -> "entreprenor".
std::string slug(const std::string& s);

// Paths relative to the site root.
std::string item_path(const Item& item);
std::string kind_path(Kind kind);
std::string facet_path(const Facet& f, const FacetValue& v);
std::string facet_index_path(const Facet& f);
// Page `page` (1-based) of the list whose first page is `first`: "cases/index.html" and 2 ->
// "cases/index.page-2.html". Ids and slugs hold no '.', so no item or facet page has that name.
std::string page_path(const std::string& first, std::size_t page);

// The kind's name in `lang`, singular or plural ("Funn", "Eksempler").
std::string kind_label(Kind kind, const std::string& lang, bool plural);

}  // namespace playmaker::site
