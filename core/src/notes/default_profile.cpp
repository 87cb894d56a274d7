// The profile for a municipality nobody wrote one for, derived from the register.
//
// The rules, chosen so a default note draws on what the source note says matters for
// municipalities of that kind:
//  - Every municipality: themes samskaping and samfunnsentreprenørskap; its county's short
//    name as a keyword (so items about its own region rank higher).
//  - Centrality class 5–6 (least central): themes demografi, bosetting, frivillighet,
//    landbruk; drivers demografi-og-sentralisering and endringer-i-velferdspolitikken;
//    roles playmaker, forvalter.
//  - Class 3–4: themes helse-og-omsorg, innkjøp, frivillighet, landbruk; drivers
//    endringer-i-velferdspolitikken and ny-ressurslogikk; roles playmaker, tjenesteprodusent.
//  - Class 1–2: themes innovasjon, entreprenørskap, innvandring, nettverk; drivers
//    ny-ressurslogikk and endringer-i-velferdspolitikken; roles entreprenør, playmaker.
//  - Sweden (no SSB class): themes innovasjon, nettverk, samfunnsentreprenørskap; drivers
//    ny-ressurslogikk and demografi-og-sentralisering; roles playmaker, entreprenør.
//  - Population under 5,000: keywords bosetting, frivillighet, fritidsboliger; 5,000–50,000:
//    inn på tunet, frivillighet, samarbeid; over 50,000: entreprenørskap, innvandrere, næringsliv.
// Themes not in the taxonomy and drivers not in drivers/ are left out, so the rules hold
// for any content tree.
#include <algorithm>
#include <set>

#include "util/text.hpp"

#include "playmaker/note.hpp"

namespace playmaker {

Profile default_profile(const Municipality& m, const Corpus& corpus) {
    Profile p;
    p.id = m.code;
    p.municipality = m.code;
    p.name = m.name;
    p.county = m.county;
    p.population = m.population;
    p.centrality = m.centrality;
    p.is_default = true;
    std::vector<std::string> themes = {"samskaping", "samfunnsentreprenørskap"};
    std::vector<std::string> drivers;
    auto add = [](std::vector<std::string>& v, std::initializer_list<const char*> more) {
        for (const char* s : more) v.emplace_back(s);
    };
    if (m.country == "SE") {
        add(themes, {"innovasjon", "nettverk"});
        add(drivers, {"ny-ressurslogikk", "demografi-og-sentralisering"});
        add(p.roles, {"playmaker", "entreprenør"});
    } else if (m.centrality >= 5) {
        add(themes, {"demografi", "bosetting", "frivillighet", "landbruk"});
        add(drivers, {"demografi-og-sentralisering", "endringer-i-velferdspolitikken"});
        add(p.roles, {"playmaker", "forvalter"});
    } else if (m.centrality >= 3) {
        add(themes, {"helse-og-omsorg", "innkjøp", "frivillighet", "landbruk"});
        add(drivers, {"endringer-i-velferdspolitikken", "ny-ressurslogikk"});
        add(p.roles, {"playmaker", "tjenesteprodusent"});
    } else {
        add(themes, {"innovasjon", "entreprenørskap", "innvandring", "nettverk"});
        add(drivers, {"ny-ressurslogikk", "endringer-i-velferdspolitikken"});
        add(p.roles, {"entreprenør", "playmaker"});
    }
    if (m.country == "NO") {
        if (m.population < 5000) {
            add(p.keywords, {"bosetting", "frivillighet", "fritidsboliger"});
        } else if (m.population <= 50000) {
            add(p.keywords, {"inn på tunet", "frivillighet", "samarbeid"});
        } else {
            add(p.keywords, {"entreprenørskap", "innvandrere", "næringsliv"});
        }
    }
    p.keywords.push_back(m.county);
    for (const auto& t : themes) {
        if (!corpus.taxonomy.loaded || corpus.taxonomy.find("theme", t)) p.themes.push_back(t);
    }
    for (const auto& d : drivers) {
        const Item* item = corpus.item(d);
        if (item && item->kind == Kind::Driver) p.drivers.push_back(d);
    }
    return p;
}

bool resolve_profile(const std::string& query, const Corpus& corpus, Profile& out, std::string& error) {
    if (const Profile* p = corpus.profile(query)) {
        out = *p;
        return true;
    }
    const Municipality* m = Register::builtin().find(query);
    if (!m) {
        auto matches = Register::builtin().search(query);
        error = "no profile or municipality named '" + query + "'";
        if (matches.size() > 1 && matches.size() <= 5) {
            error += " (several match:";
            for (const auto* x : matches) error += " " + x->code + " " + x->name + ";";
            error.back() = ')';
        }
        return false;
    }
    for (const auto& p : corpus.profiles) {
        if (p.municipality == m->code) {
            out = p;
            return true;
        }
    }
    out = default_profile(*m, corpus);
    return true;
}

}  // namespace playmaker
