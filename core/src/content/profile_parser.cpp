#include "content/validate_util.hpp"
#include "content/yaml_doc.hpp"
#include "playmaker/corpus.hpp"

namespace playmaker {
namespace {

const std::vector<std::string> kProfileFields = {
    "municipality", "name",     "county",  "målform", "population", "centrality",
    "industries",   "challenges", "drivers", "drivers_rationale", "roles", "themes",
    "keywords",     "include",  "exclude", "sections", "pages", "author"};

void note_positions(const YAML::Node& root, const char* key, Profile& out, const yamldoc::Source& src) {
    YAML::Node v = root[key];
    if (!v.IsDefined()) return;
    out.positions[key] = src.at(v.Mark());
    if (v.IsSequence()) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            out.positions[std::string(key) + "." + std::to_string(i)] = src.at(v[i].Mark());
        }
    }
}

}  // namespace

bool parse_profile(std::string_view bytes, const std::string& name, Profile& out,
                   Diagnostics& diags) {
    out = Profile{};
    out.path = name;
    std::string file = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    out.id = file.substr(0, file.rfind('.'));
    if (!check_utf8(bytes, name, diags)) return false;
    yamldoc::Source src{name, 1, &diags, bytes};
    auto root = yamldoc::parse(bytes, src);
    if (!root) return false;
    if (!root->IsMap()) {
        diags.error(name, 1, 1, "a profile must be a mapping of fields, starting with 'municipality:'");
        return false;
    }
    yamldoc::check_keys(*root, kProfileFields, src, "a profile");
    for (const char* key : {"municipality", "drivers", "include", "exclude", "themes", "roles"}) {
        note_positions(*root, key, out, src);
    }
    if (!yamldoc::read_string(*root, "municipality", out.municipality, src)) {
        diags.error(name, 1, 1, "missing 'municipality' (its kommunenummer, e.g. \"5006\", or \"SE-2380\")");
    }
    yamldoc::read_string(*root, "name", out.name, src);
    yamldoc::read_string(*root, "county", out.county, src);
    if (yamldoc::read_string(*root, "målform", out.malform, src) && out.malform != "bokmål" &&
        out.malform != "nynorsk" && out.malform != "nøytral") {
        src.error((*root)["målform"], "målform '" + out.malform + "' must be bokmål, nynorsk or nøytral");
    }
    long n = 0;
    if (yamldoc::read_int(*root, "population", n, src)) out.population = n;
    if (yamldoc::read_int(*root, "centrality", n, src)) {
        out.centrality = static_cast<int>(n);
        if (n < 1 || n > 6) src.error((*root)["centrality"], "centrality must be SSB's class 1–6");
    }
    yamldoc::read_list(*root, "industries", out.industries, src);
    yamldoc::read_list(*root, "challenges", out.challenges, src);
    yamldoc::read_list(*root, "drivers", out.drivers, src);
    yamldoc::read_string(*root, "drivers_rationale", out.drivers_rationale, src);
    yamldoc::read_string(*root, "author", out.author, src);
    yamldoc::read_list(*root, "roles", out.roles, src);
    yamldoc::read_list(*root, "themes", out.themes, src);
    yamldoc::read_list(*root, "keywords", out.keywords, src);
    yamldoc::read_list(*root, "include", out.include, src);
    yamldoc::read_list(*root, "exclude", out.exclude, src);
    if (yamldoc::read_int(*root, "pages", n, src)) {
        if (n <= 0 || n > 1000) {
            src.error((*root)["pages"], "pages must be a page budget above 0");
        } else {
            out.pages = static_cast<int>(n);
        }
    }
    YAML::Node sections = (*root)["sections"];
    if (sections.IsDefined() && !sections.IsNull()) {
        if (!sections.IsMap()) {
            src.error(sections, "'sections' must map section ids to Markdown text");
        } else {
            for (const auto& kv : sections) {
                if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
                    src.error(kv.first, "each section must be 'id: Markdown text'");
                    continue;
                }
                out.sections[kv.first.Scalar()] = kv.second.Scalar();
            }
        }
    }
    return true;
}

}  // namespace playmaker
