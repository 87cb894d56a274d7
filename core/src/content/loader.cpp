#include <algorithm>
#include <filesystem>
#include <system_error>

#include "playmaker/corpus.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/plugin_host.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace playmaker {
namespace {

// Every entry of a folder, sorted by name so loading and messages are repeatable.
// Hidden entries (".git", editor files) are skipped.
std::vector<fs::directory_entry> entries(const fs::path& dir, const std::string& rel, Diagnostics& diags) {
    std::vector<fs::directory_entry> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        diags.error(rel, 0, 0, "cannot read folder: " + ec.message());
        return out;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            diags.error(rel, 0, 0, "cannot read folder: " + ec.message());
            break;
        }
        if (it->path().filename().string().starts_with(".")) continue;
        out.push_back(*it);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
    return out;
}

bool read(const fs::path& p, const std::string& rel, std::string& bytes, Diagnostics& diags) {
    try {
        bytes = text::read_file(p.string());
        return true;
    } catch (const std::system_error& e) {
        diags.error(rel, 0, 0, std::string("cannot read file: ") + e.code().message());
        return false;
    }
}

bool is_dir(const fs::directory_entry& e) {
    std::error_code ec;
    return e.is_directory(ec);
}

void load_items(const fs::path& dir, const std::string& folder, Corpus& corpus, Diagnostics& diags) {
    for (const auto& e : entries(dir, folder, diags)) {
        std::string fname = e.path().filename().string();
        std::string rel = folder + "/" + fname;
        if (is_dir(e)) {
            diags.error(rel, 0, 0, "a kind folder holds only item files (<id>.md), not folders");
            continue;
        }
        if (!fname.ends_with(".md")) {
            diags.error(rel, 0, 0, "not an item: files in " + folder + "/ must be Markdown (<id>.md)");
            continue;
        }
        std::string bytes;
        if (!read(e.path(), rel, bytes, diags)) continue;
        Item item;
        if (parse_item(bytes, rel, item, diags)) corpus.items.push_back(std::move(item));
    }
}

void read_literature(const fs::path& dir, Corpus& corpus, Diagnostics& diags, const PluginHost* plugins) {
    for (const auto& e : entries(dir, "literature", diags)) {
        std::string fname = e.path().filename().string();
        std::string rel = "literature/" + fname;
        if (is_dir(e)) {
            diags.error(rel, 0, 0, "literature/ holds only .json (CSL-JSON) and .bib files");
            continue;
        }
        if (fname.ends_with(".json")) {
            std::string bytes;
            if (read(e.path(), rel, bytes, diags)) parse_csl_json(bytes, rel, corpus.references, diags);
        } else if (const Importer* imp = plugins ? plugins->importer_for(fname) : nullptr) {
            std::string bytes;
            if (read(e.path(), rel, bytes, diags)) imp->import(bytes, rel, corpus.references, diags);
        } else if (fname.ends_with(".bib")) {
            diags.warning(rel, 0, 0, "skipped: BibTeX is read by the bibtex importer plugin, which is not loaded");
        } else {
            diags.error(rel, 0, 0, "literature/ holds only .json (CSL-JSON) and .bib files");
        }
    }
}

void load_profiles(const fs::path& dir, Corpus& corpus, Diagnostics& diags) {
    for (const auto& e : entries(dir, "profiles", diags)) {
        std::string fname = e.path().filename().string();
        std::string rel = "profiles/" + fname;
        if (is_dir(e) || !(fname.ends_with(".yaml") || fname.ends_with(".yml"))) {
            diags.error(rel, 0, 0, "profiles/ holds only municipality profiles (<id>.yaml)");
            continue;
        }
        std::string bytes;
        if (!read(e.path(), rel, bytes, diags)) continue;
        Profile p;
        if (parse_profile(bytes, rel, p, diags)) corpus.profiles.push_back(std::move(p));
    }
}

// Reports every file under a folder the content root does not allow, at the file.
void report_unknown_folder(const fs::path& dir, const std::string& rel, Diagnostics& diags) {
    static const char* why =
        "not loaded: the content root holds only the kind folders (findings, drivers, opportunities, "
        "challenges, cases, recommendations, concepts), literature/, profiles/, taxonomy.yaml and README.md";
    bool any = false;
    for (const auto& e : entries(dir, rel, diags)) {
        std::string child = rel + "/" + e.path().filename().string();
        any = true;
        if (is_dir(e)) {
            report_unknown_folder(e.path(), child, diags);
        } else {
            diags.error(child, 0, 0, why);
        }
    }
    if (!any) diags.error(rel, 0, 0, why);
}

}  // namespace

const Item* Corpus::item(std::string_view id) const {
    for (const auto& i : items) {
        if (i.id == id) return &i;
    }
    return nullptr;
}

const Reference* Corpus::reference(std::string_view key) const {
    for (const auto& r : references) {
        if (r.id == key) return &r;
    }
    return nullptr;
}

const Profile* Corpus::profile(std::string_view id) const {
    for (const auto& p : profiles) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

std::vector<Reference> load_literature(const std::string& root, Diagnostics& diags, const PluginHost* plugins) {
    Corpus corpus;
    fs::path dir = fs::path(root) / "literature";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.error("literature", 0, 0, "no literature folder in '" + root + "'");
        return {};
    }
    read_literature(dir, corpus, diags, plugins);
    return std::move(corpus.references);
}

Corpus load_corpus(const std::string& root, Diagnostics& diags, const PluginHost* plugins) {
    Corpus corpus;
    corpus.root = root;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        diags.error(root, 0, 0, "no content folder here (use --content DIR)");
        return corpus;
    }
    for (const auto& e : entries(root, root, diags)) {
        std::string name = e.path().filename().string();
        if (is_dir(e)) {
            if (auto kind = kind_from_folder(name)) {
                load_items(e.path(), name, corpus, diags);
            } else if (name == "literature") {
                read_literature(e.path(), corpus, diags, plugins);
            } else if (name == "profiles") {
                load_profiles(e.path(), corpus, diags);
            } else {
                report_unknown_folder(e.path(), name, diags);
            }
        } else if (name == "taxonomy.yaml") {
            std::string bytes;
            if (read(e.path(), name, bytes, diags)) parse_taxonomy(bytes, name, corpus.taxonomy, diags);
        } else if (name != "README.md") {
            diags.error(name, 0, 0, "unknown file: the content root holds only folders, taxonomy.yaml and README.md");
        }
    }
    validate_corpus(corpus, Register::builtin(), diags);
    return corpus;
}

}  // namespace playmaker
