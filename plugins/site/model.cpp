#include "model.hpp"

#include <algorithm>
#include <cstring>
#include <set>

#include <playmaker/i18n.hpp>

namespace playmaker::site {
namespace {

// Newest first: by `date` (ISO strings compare as dates), undated last, then by title.
bool newer(const Item* a, const Item* b) {
    if (a->date != b->date) {
        if (a->date.empty() || b->date.empty()) return b->date.empty();
        return a->date > b->date;
    }
    if (a->title != b->title) return a->title < b->title;
    return a->id < b->id;
}

bool by_title(const Item* a, const Item* b) { return a->title != b->title ? a->title < b->title : a->id < b->id; }

void push_unique(std::vector<const Item*>& v, const Item* item) {
    if (v.empty() || v.back() != item) v.push_back(item);
}

Facet taxonomy_facet(const Corpus& corpus, const char* name, const char* folder, const std::string& lang,
                     std::vector<std::string> Item::*field) {
    Facet f{name, folder, {}, {}};
    std::map<std::string, std::size_t> at;
    auto add = [&](const std::string& id, const std::string& label, const std::string& def) {
        at[id] = f.values.size();
        f.values.push_back({id, slug(id), label, def, {}});
    };
    if (const auto* terms = corpus.taxonomy.facet(name)) {
        for (const auto& t : *terms) add(t.id, t.label(lang), t.definition);
    }
    for (const auto& item : corpus.items) {
        for (const auto& v : item.*field) {
            if (!at.count(v)) add(v, v, "");
            f.values[at[v]].items.push_back(&item);
        }
    }
    return f;
}

}  // namespace

std::string slug(const std::string& s) {
    static const std::pair<const char*, const char*> map[] = {
        {"æ", "ae"}, {"ø", "o"}, {"å", "a"}, {"ä", "a"}, {"ö", "o"}, {"é", "e"}, {"á", "a"}, {"š", "s"},
        {"č", "c"}, {"ï", "i"}, {"ŋ", "n"}, {"đ", "d"}, {"Æ", "ae"}, {"Ø", "o"}, {"Å", "a"}, {"Ä", "a"},
        {"Ö", "o"}, {"É", "e"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool done = false;
        for (const auto& [from, to] : map) {
            std::size_t n = std::strlen(from);
            if (s.compare(i, n, from) == 0) {
                out += to;
                i += n;
                done = true;
                break;
            }
        }
        if (done) continue;
        char c = s[i++];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

std::vector<std::string> facet_ids(const Item& item, const std::string& facet) {
    if (facet == "theme") return item.themes;
    if (facet == "role") return item.roles;
    if (facet == "sector") return item.sectors;
    std::vector<std::string> out;
    if (facet == "year") {
        if (int y = item.year()) out.push_back(std::to_string(y));
    } else if (facet == "county") {
        for (const auto& code : item.municipalities) {
            if (const Municipality* mu = Register::builtin().find(code)) {
                std::string id = (mu->country == "SE" ? "se-" : "") + mu->county_number;
                if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
            }
        }
    }
    return out;
}

std::string item_path(const Item& item) { return std::string(kind_folder(item.kind)) + "/" + item.id + ".html"; }
std::string kind_path(Kind kind) { return std::string(kind_folder(kind)) + "/index.html"; }
std::string facet_path(const Facet& f, const FacetValue& v) { return f.folder + "/" + v.slug + ".html"; }
std::string facet_index_path(const Facet& f) { return f.folder + "/index.html"; }
std::string page_path(const std::string& first, std::size_t page) {
    if (page <= 1) return first;
    return first.substr(0, first.size() - 5) + ".page-" + std::to_string(page) + ".html";
}

std::string kind_label(Kind kind, const std::string& lang, bool plural) {
    return ui_string(lang, std::string(plural ? "kinds." : "kind.") + kind_name(kind));
}

Model build_model(const Corpus& corpus, const std::string& lang) {
    Model m;
    m.corpus = &corpus;
    m.lang = lang;
    m.by_id.reserve(corpus.items.size());
    for (const auto& item : corpus.items) {
        m.by_id.emplace(item.id, &item);
        m.newest.push_back(&item);
    }
    // Corpus order is path order, so the back-link lists come out in a stable order.
    for (const auto& item : corpus.items) {
        std::set<std::string> seen;
        for (const auto& l : item.links) {
            if (l.target != item.id && seen.insert(l.target).second) m.linked_from[l.target].push_back(&item);
        }
        for (const auto& r : item.related) {
            if (r != item.id) push_unique(m.related_from[r], &item);
        }
        for (const auto& k : item.cited_keys()) m.citing[k].push_back(&item);
    }
    std::sort(m.newest.begin(), m.newest.end(), newer);
    for (const Item* item : m.newest) m.by_kind[item->kind].push_back(item);
    if (auto it = m.by_kind.find(Kind::Concept); it != m.by_kind.end()) {
        std::sort(it->second.begin(), it->second.end(), by_title);
    }

    m.facets.push_back(taxonomy_facet(corpus, "theme", "themes", lang, &Item::themes));
    m.facets.push_back(taxonomy_facet(corpus, "role", "roles", lang, &Item::roles));
    m.facets.push_back(taxonomy_facet(corpus, "sector", "sectors", lang, &Item::sectors));

    // Counties from the municipalities an item names (the register: SSB, SCB).
    Facet county{"county", "counties", {}, {}};
    std::map<std::string, FacetValue> counties;
    const Register& reg = Register::builtin();
    for (const auto& item : corpus.items) {
        std::set<std::string> mine;
        for (const auto& code : item.municipalities) {
            const Municipality* mu = reg.find(code);
            if (!mu) continue;
            std::string id = (mu->country == "SE" ? "se-" : "") + mu->county_number;
            FacetValue& v = counties[id];
            if (v.id.empty()) v = {id, slug(id), mu->county, "", {}};
            if (mine.insert(id).second) v.items.push_back(&item);
        }
    }
    for (auto& [id, v] : counties) county.values.push_back(std::move(v));
    m.facets.push_back(std::move(county));

    Facet year{"year", "years", {}, {}};
    std::map<int, FacetValue, std::greater<int>> years;
    for (const auto& item : corpus.items) {
        if (int y = item.year()) {
            FacetValue& v = years[y];
            if (v.id.empty()) v = {std::to_string(y), std::to_string(y), std::to_string(y), "", {}};
            v.items.push_back(&item);
        }
    }
    for (auto& [y, v] : years) year.values.push_back(std::move(v));
    m.facets.push_back(std::move(year));

    for (auto& f : m.facets) {
        for (std::size_t i = 0; i < f.values.size(); ++i) {
            std::sort(f.values[i].items.begin(), f.values[i].items.end(), newer);
            f.at[f.values[i].id] = i;
        }
    }
    return m;
}

}  // namespace playmaker::site
