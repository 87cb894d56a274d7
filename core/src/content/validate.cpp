#include <algorithm>
#include <map>
#include <set>

#include "playmaker/corpus.hpp"
#include "playmaker/municipality.hpp"

namespace playmaker {
namespace {

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    std::string hint = closest_match(word, candidates);
    return hint.empty() ? std::string() : " (did you mean '" + hint + "'?)";
}

std::vector<std::string> term_ids(const Taxonomy& tax, const char* facet,
                                  const std::vector<std::string>& fallback) {
    const auto* terms = tax.facet(facet);
    if (!terms || terms->empty()) return fallback;
    std::vector<std::string> ids;
    for (const auto& t : *terms) ids.push_back(t.id);
    return ids;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

struct Names {
    std::vector<std::string> themes, roles, sectors, items, keys;
};

void check_terms(const Item& item, const char* field, const char* facet,
                 const std::vector<std::string>& allowed, Diagnostics& diags) {
    const auto& values = std::string_view(field) == "themes" ? item.themes
                         : std::string_view(field) == "roles" ? item.roles
                                                             : item.sectors;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (contains(allowed, values[i])) continue;
        Position p = item.where(std::string(field) + "." + std::to_string(i));
        diags.error(item.path, p.line, p.col,
                    "unknown " + std::string(facet) + " '" + values[i] + "'" + did_you_mean(values[i], allowed));
    }
}

void check_item(const Item& item, const Corpus& corpus, const Names& names, const Register& reg,
                Diagnostics& diags) {
    if (corpus.taxonomy.loaded && !corpus.taxonomy.themes.empty()) {
        check_terms(item, "themes", "theme", names.themes, diags);
    } else if (!item.themes.empty() && !corpus.taxonomy.loaded) {
        // Without a taxonomy there is nothing to check themes against; that is allowed.
    }
    check_terms(item, "roles", "role", names.roles, diags);
    check_terms(item, "sectors", "sector", names.sectors, diags);
    for (std::size_t i = 0; i < item.municipalities.size(); ++i) {
        const std::string& code = item.municipalities[i];
        const Municipality* m = reg.find(code);
        if (m && m->code == code) continue;
        Position p = item.where("municipalities." + std::to_string(i));
        diags.error(item.path, p.line, p.col,
                    "municipality '" + code + "' is not in the register" +
                        (m ? " (write its code: '" + m->code + "')" : std::string(" (use a kommunenummer such as \"5006\" or \"SE-2380\")")));
    }
    for (std::size_t i = 0; i < item.sources.size(); ++i) {
        if (corpus.reference(item.sources[i])) continue;
        Position p = item.where("sources." + std::to_string(i));
        diags.error(item.path, p.line, p.col,
                    "unknown citation key '" + item.sources[i] + "'" + did_you_mean(item.sources[i], names.keys));
    }
    for (const auto& c : item.citations) {
        for (const auto& r : c.refs) {
            if (corpus.reference(r.key)) continue;
            diags.error(item.path, r.pos.line, r.pos.col,
                        "unknown citation key '" + r.key + "'" + did_you_mean(r.key, names.keys));
        }
    }
    for (std::size_t i = 0; i < item.related.size(); ++i) {
        if (corpus.item(item.related[i])) continue;
        Position p = item.where("related." + std::to_string(i));
        diags.error(item.path, p.line, p.col,
                    "unknown related id '" + item.related[i] + "'" + did_you_mean(item.related[i], names.items));
    }
    for (const auto& l : item.links) {
        if (corpus.item(l.target)) continue;
        diags.error(item.path, l.pos.line, l.pos.col,
                    "unknown link [[" + l.target + "]]" + did_you_mean(l.target, names.items));
    }
}

void check_profile(const Profile& p, const Corpus& corpus, const Names& names, const Register& reg,
                   Diagnostics& diags) {
    auto err = [&](const std::string& field, const std::string& msg) {
        Position pos = p.where(field);
        diags.error(p.path, pos.line, pos.col, msg);
    };
    if (!p.municipality.empty()) {
        const Municipality* m = reg.find(p.municipality);
        if (!m || m->code != p.municipality) {
            err("municipality", "municipality '" + p.municipality + "' is not in the register" +
                                          (m ? " (write its code: '" + m->code + "')" : std::string()));
        }
    }
    for (std::size_t i = 0; i < p.drivers.size(); ++i) {
        const std::string& d = p.drivers[i];
        const Item* item = corpus.item(d);
        if (!item || item->kind != Kind::Driver) {
            err("drivers." + std::to_string(i), "driver '" + d + "' is not a driver item in drivers/" +
                                          did_you_mean(d, [&] {
                                              std::vector<std::string> ids;
                                              for (const auto& i : corpus.items)
                                                  if (i.kind == Kind::Driver) ids.push_back(i.id);
                                              return ids;
                                          }()));
        }
    }
    auto check_list = [&](const char* field, const std::vector<std::string>& values,
                          const std::vector<std::string>& allowed, const char* what) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (contains(allowed, values[i])) continue;
            err(std::string(field) + "." + std::to_string(i),
                std::string("unknown ") + what + " '" + values[i] + "'" + did_you_mean(values[i], allowed));
        }
    };
    check_list("include", p.include, names.items, "item");
    check_list("exclude", p.exclude, names.items, "item");
    if (corpus.taxonomy.loaded && !corpus.taxonomy.themes.empty()) check_list("themes", p.themes, names.themes, "theme");
    check_list("roles", p.roles, names.roles, "role");
}

}  // namespace

void validate_corpus(const Corpus& corpus, const Register& reg, Diagnostics& diags) {
    Names names;
    names.themes = term_ids(corpus.taxonomy, "theme", {});
    names.roles = term_ids(corpus.taxonomy, "role", Taxonomy::default_roles());
    names.sectors = term_ids(corpus.taxonomy, "sector", Taxonomy::default_sectors());
    for (const auto& i : corpus.items) names.items.push_back(i.id);
    for (const auto& r : corpus.references) names.keys.push_back(r.id);

    std::map<std::string, const Item*> seen_items;
    for (const auto& item : corpus.items) {
        auto [it, fresh] = seen_items.emplace(item.id, &item);
        if (!fresh) diags.error(item.path, 0, 0, "duplicate id '" + item.id + "': also " + it->second->path);
    }
    std::map<std::string, const Reference*> seen_refs;
    for (const auto& ref : corpus.references) {
        auto [it, fresh] = seen_refs.emplace(ref.id, &ref);
        if (!fresh) {
            diags.error(ref.path, ref.line, ref.col,
                        "duplicate citation key '" + ref.id + "': also " + it->second->path + ":" +
                            std::to_string(it->second->line));
        }
    }
    for (const auto& item : corpus.items) check_item(item, corpus, names, reg, diags);
    for (const auto& p : corpus.profiles) check_profile(p, corpus, names, reg, diags);
}

}  // namespace playmaker
