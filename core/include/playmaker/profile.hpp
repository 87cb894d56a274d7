// A municipality profile: what an author knows and chooses for one municipality's note.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "playmaker/diagnostic.hpp"

namespace playmaker {

struct Profile {
    std::string id;            // file stem of content/profiles/<id>.yaml, or the code for a default
    std::string path;          // relative to the content root; empty for a default profile
    std::string municipality;  // "5006" or "SE-2380"
    std::string name;
    std::string county;
    std::string malform = "nøytral";  // bokmål | nynorsk | nøytral
    long population = 0;
    int centrality = 0;  // SSB sentralitetsklasse 1–6; 0 when unknown
    std::vector<std::string> industries;
    std::vector<std::string> challenges;
    std::vector<std::string> drivers;  // ids of driver items
    std::string drivers_rationale;
    std::vector<std::string> roles;  // emphasis, most important first
    std::vector<std::string> themes;
    std::vector<std::string> keywords;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::map<std::string, std::string> sections;  // section id -> author's Markdown
    int pages = 10;
    std::string author;  // who writes the note (document properties); empty when not given
    bool is_default = false;  // derived from the register, not written by an author

    // Where values sit in the file, for messages: "municipality", "drivers.0", …
    std::map<std::string, Position> positions;
    // The position of a field's value; line 1 of the file when it has none.
    Position where(const std::string& field) const {
        auto it = positions.find(field);
        return it != positions.end() ? it->second : Position{1, 1};
    }
};

}  // namespace playmaker
