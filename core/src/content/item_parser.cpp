#include <regex>

#include "content/front_matter.hpp"
#include "content/markdown.hpp"
#include "content/validate_util.hpp"
#include "content/yaml_doc.hpp"
#include "playmaker/corpus.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker {
namespace {

const std::vector<std::string> kItemFields = {
    "title",  "summary", "lang",    "themes",  "roles",   "sectors", "municipalities",
    "date",   "updated", "period",  "outcome", "sources", "related"};

// Front matter beyond this is not metadata; it keeps YAML parsing cheap and bounded.
constexpr std::size_t kMaxFrontMatter = 256 * 1024;

void read_list_field(const YAML::Node& root, const char* key, std::vector<std::string>& out,
                     Item& item, const yamldoc::Source& src) {
    std::vector<Position> pos;
    yamldoc::read_list(root, key, out, src, &pos);
    for (std::size_t i = 0; i < pos.size(); ++i) item.positions[std::string(key) + "." + std::to_string(i)] = pos[i];
}

void read_string_field(const YAML::Node& root, const char* key, std::string& out, Item& item,
                       const yamldoc::Source& src) {
    if (yamldoc::read_string(root, key, out, src)) item.positions[key] = src.at(root[key].Mark());
}

}  // namespace

bool parse_item(std::string_view bytes, const std::string& name, Item& out, Diagnostics& diags) {
    std::string text;
    return parse_item(bytes, name, out, diags, text);
}

bool parse_item(std::string_view bytes, const std::string& name, Item& out, Diagnostics& diags,
                std::string& body_text) {
    out = Item{};
    out.path = name;
    out.hash = text::hash_hex(bytes);
    if (!check_utf8(bytes, name, diags)) return false;

    // Kind and id from the path: "<folder>/<id>.md".
    std::size_t slash = name.rfind('/');
    std::string folder = slash == std::string::npos ? "" : name.substr(0, slash);
    if (std::size_t s2 = folder.rfind('/'); s2 != std::string::npos) folder = folder.substr(s2 + 1);
    std::string file = slash == std::string::npos ? name : name.substr(slash + 1);
    out.id = file.size() > 3 && file.ends_with(".md") ? file.substr(0, file.size() - 3) : file;
    if (auto kind = kind_from_folder(folder)) {
        out.kind = *kind;
    } else {
        diags.error(name, 0, 0, "'" + folder + "' is not a kind folder");
        return false;
    }
    static const std::regex id_re("[a-z0-9-]+");
    if (!std::regex_match(out.id, id_re)) {
        diags.error(name, 0, 0,
                    "id '" + out.id + "' (the file name) may hold only a-z, 0-9 and '-': it becomes a URL");
    } else if (out.id == "index") {
        diags.error(name, 0, 0,
                    "id 'index' is reserved: " + folder + "/index.html on the site lists every item of the folder");
    }

    auto fm = split_front_matter(bytes, name, diags);
    if (!fm) return false;
    if (fm->yaml.size() > kMaxFrontMatter) {
        diags.error(name, 1, 1, "front matter larger than 256 KiB");
        return false;
    }
    yamldoc::Source src{name, fm->yaml_line, &diags, fm->yaml};
    auto root = yamldoc::parse(fm->yaml, src);
    if (!root) return false;
    if (!root->IsMap()) {
        diags.error(name, fm->yaml_line, 1, "front matter must be a mapping of fields, starting with 'title:'");
        return false;
    }
    yamldoc::check_keys(*root, kItemFields, src, "front matter");

    YAML::Node title = (*root)["title"];
    if (!title.IsDefined() || title.IsNull()) {
        diags.error(name, 1, 1, "missing 'title'");
    } else if (!title.IsScalar() || text::trim(title.Scalar()).empty()) {
        src.error(title, title.IsScalar() ? "'title' is empty" : "'title' must be text");
    } else {
        read_string_field(*root, "title", out.title, out, src);
    }

    read_string_field(*root, "summary", out.summary, out, src);
    read_string_field(*root, "lang", out.lang, out, src);
    if (out.lang.empty()) out.lang = "nb";
    if (!is_language(out.lang)) {
        Position p = out.where("lang");
        diags.error(name, p.line, p.col, "unknown lang '" + out.lang + "': use nb, nn, sv or en");
    }
    read_list_field(*root, "themes", out.themes, out, src);
    read_list_field(*root, "roles", out.roles, out, src);
    read_list_field(*root, "sectors", out.sectors, out, src);
    read_list_field(*root, "municipalities", out.municipalities, out, src);
    read_string_field(*root, "date", out.date, out, src);
    read_string_field(*root, "updated", out.updated, out, src);
    read_string_field(*root, "period", out.period, out, src);
    read_string_field(*root, "outcome", out.outcome, out, src);
    read_list_field(*root, "sources", out.sources, out, src);
    read_list_field(*root, "related", out.related, out, src);

    for (const char* field : {"date", "updated"}) {
        const std::string& value = std::string_view(field) == "date" ? out.date : out.updated;
        if (!value.empty() && !is_valid_date(value)) {
            Position p = out.where(field);
            diags.error(name, p.line, p.col,
                        std::string("bad ") + field + " '" + value + "': use YYYY-MM-DD, YYYY-MM or YYYY");
        }
    }
    if (out.summary.empty()) diags.warning(name, 1, 1, "no 'summary': search results and notes show one");
    if (out.date.empty()) diags.warning(name, 1, 1, "no 'date': when was this written?");

    out.body = std::string(fm->body);
    out.body_line = fm->body_line;
    markdown::scan(out.body, out.body_line, out.citations, out.links);
    body_text = markdown::to_text(out.body);
    out.words = text::count_words(out.title) + text::count_words(body_text);
    out.summary_words = text::count_words(out.summary);
    return true;
}

}  // namespace playmaker
