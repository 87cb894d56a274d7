#include "playmaker/taxonomy.hpp"

#include <algorithm>
#include <regex>

#include "content/yaml_doc.hpp"
#include "playmaker/corpus.hpp"
#include "util/utf8.hpp"

namespace playmaker {
namespace {

// Edit distance in code points, so "næring" and "naering" are two edits apart, not three.
std::size_t distance(std::string_view a, std::string_view b) {
    auto decode_all = [](std::string_view s) {
        std::vector<int32_t> out;
        std::size_t pos = 0;
        while (pos < s.size()) {
            std::size_t before = pos;
            int32_t cp = utf8::decode(s, pos);
            if (cp < 0) {
                cp = static_cast<unsigned char>(s[before]);
                pos = before + 1;
            }
            out.push_back(cp);
        }
        return out;
    };
    auto x = decode_all(utf8::to_lower(a)), y = decode_all(utf8::to_lower(b));
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[y.size()];
}

void parse_terms(const YAML::Node& root, const char* key, std::vector<Term>& out,
                 const yamldoc::Source& src) {
    YAML::Node list = root[key];
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        src.error(list, std::string("'") + key + "' must be a list of terms");
        return;
    }
    static const std::regex id_re("[a-z0-9æøå-]+");
    static const std::vector<std::string> fields = {"id", "nb", "nn", "definition"};
    for (const auto& node : list) {
        if (!node.IsMap()) {
            src.error(node, std::string("each entry of '") + key + "' must be a mapping with id, nb, nn and definition");
            continue;
        }
        yamldoc::check_keys(node, fields, src, "a taxonomy term");
        Term t;
        if (!yamldoc::read_string(node, "id", t.id, src)) {
            src.error(node, "taxonomy term without 'id'");
            continue;
        }
        if (!std::regex_match(t.id, id_re)) {
            src.error(node["id"], "term id '" + t.id + "' must be lower-case letters, digits and '-'");
        } else if (t.id == "index") {
            src.error(node["id"], std::string("term id 'index' is reserved: index.html of the site's ") + key +
                                      " folder lists every term");
        }
        yamldoc::read_string(node, "nb", t.label_nb, src);
        yamldoc::read_string(node, "nn", t.label_nn, src);
        yamldoc::read_string(node, "definition", t.definition, src);
        if (t.label_nb.empty()) t.label_nb = t.id;
        if (t.label_nn.empty()) t.label_nn = t.label_nb;
        for (const auto& existing : out) {
            if (existing.id == t.id) src.error(node["id"], "duplicate term '" + t.id + "' in '" + key + "'");
        }
        out.push_back(std::move(t));
    }
}

}  // namespace

const std::string& Term::label(std::string_view lang) const {
    return lang == "nn" ? label_nn : label_nb;
}

const std::vector<Term>* Taxonomy::facet(std::string_view name) const {
    if (name == "theme") return &themes;
    if (name == "role") return &roles;
    if (name == "sector") return &sectors;
    return nullptr;
}

const Term* Taxonomy::find(std::string_view facet_name, std::string_view id) const {
    const auto* terms = facet(facet_name);
    if (!terms) return nullptr;
    for (const auto& t : *terms) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

const std::vector<std::string>& Taxonomy::default_roles() {
    static const std::vector<std::string> v = {"forvalter", "tjenesteprodusent", "entreprenør", "playmaker"};
    return v;
}

const std::vector<std::string>& Taxonomy::default_sectors() {
    static const std::vector<std::string> v = {"offentlig", "næringsliv", "sivilsamfunn", "akademia"};
    return v;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::string::npos;
    for (const auto& c : candidates) {
        std::size_t d = distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    // Close enough to be a typo: about one edit in three letters, at most three.
    std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 3));
    return best_d <= limit ? best : std::string();
}

void parse_taxonomy(std::string_view bytes, const std::string& name, Taxonomy& out,
                    Diagnostics& diags) {
    yamldoc::Source src{name, 1, &diags, bytes};
    auto root = yamldoc::parse(bytes, src);
    out.loaded = true;
    if (!root) return;
    if (root->IsNull()) return;
    if (!root->IsMap()) {
        src.error(*root, "taxonomy.yaml must be a mapping with themes, roles and sectors");
        return;
    }
    yamldoc::check_keys(*root, {"themes", "roles", "sectors"}, src, "taxonomy.yaml");
    parse_terms(*root, "themes", out.themes, src);
    parse_terms(*root, "roles", out.roles, src);
    parse_terms(*root, "sectors", out.sectors, src);
}

}  // namespace playmaker
