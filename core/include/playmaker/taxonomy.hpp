// The controlled vocabularies of content/taxonomy.yaml: themes, roles and sectors.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace playmaker {

struct Term {
    std::string id;
    std::string label_nb;
    std::string label_nn;
    std::string definition;
    // The label in a language ("nn" gives the nynorsk label; anything else bokmål).
    const std::string& label(std::string_view lang) const;
};

struct Taxonomy {
    std::vector<Term> themes;
    std::vector<Term> roles;
    std::vector<Term> sectors;
    bool loaded = false;  // false when the tree has no taxonomy.yaml

    // The terms of a facet: "theme", "role" or "sector"; nullptr for another name.
    const std::vector<Term>* facet(std::string_view name) const;
    const Term* find(std::string_view facet, std::string_view id) const;

    // The roles and sectors DESIGN fixes; used when a tree has no taxonomy.yaml.
    static const std::vector<std::string>& default_roles();
    static const std::vector<std::string>& default_sectors();
};

// The candidate closest to `word` by edit distance, if it is close enough to be a
// plausible typo; empty otherwise. For "did you mean" hints.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace playmaker
