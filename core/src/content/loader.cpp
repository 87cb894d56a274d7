#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>
#include <system_error>

#include "playmaker/corpus.hpp"
#include "playmaker/item_cache.hpp"
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

struct ItemFile {
    fs::path path;
    std::string rel;
};

// The item files of one kind folder, in name order; anything else there is reported.
void list_items(const fs::path& dir, const std::string& folder, std::vector<ItemFile>& out, Diagnostics& diags) {
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
        out.push_back({e.path(), rel});
    }
}

// Parses every item file (in parallel when asked, reusing cached parses whose hash
// matches) and appends the items in file order, so the result does not depend on threads.
void load_items(const std::vector<ItemFile>& files, Corpus& corpus, Diagnostics& diags, const LoadOptions& opt,
                LoadStats& stats) {
    struct Slot {
        Item item;
        Diagnostics diags;
        FileStamp stamp;
        bool ok = false;
        bool reused = false;
        bool restamped = false;
    };
    std::vector<Slot> slots(files.size());
    stats.stamped_at = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            Slot& s = slots[i];
            struct stat sb {};
            if (::stat(files[i].path.c_str(), &sb) == 0) {
                s.stamp = {static_cast<std::int64_t>(sb.st_size),
                           static_cast<std::int64_t>(sb.st_mtim.tv_sec) * 1'000'000'000 + sb.st_mtim.tv_nsec};
            }
            if (opt.cache) {
                if (opt.cache->take(files[i].rel, s.stamp, s.item)) {
                    s.ok = s.reused = true;
                    continue;
                }
            }
            std::string bytes;
            if (!read(files[i].path, files[i].rel, bytes, s.diags)) continue;
            if (opt.cache) {
                if (opt.cache->take(files[i].rel, text::hash_hex(bytes), s.item)) {
                    s.ok = s.reused = s.restamped = true;
                    continue;
                }
            }
            s.ok = parse_item(bytes, files[i].rel, s.item, s.diags);
        }
    };
    unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size() / 64 + 1));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    corpus.items.reserve(corpus.items.size() + files.size());
    for (auto& s : slots) {
        diags.append(s.diags);
        if (!s.ok) continue;
        ++(s.reused ? stats.reused : stats.parsed);
        stats.restamped += s.restamped ? 1 : 0;
        stats.stamps[s.item.path] = s.stamp;
        corpus.items.push_back(std::move(s.item));
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
    return load_corpus(root, diags, plugins, LoadOptions{});
}

Corpus load_corpus(const std::string& root, Diagnostics& diags, const PluginHost* plugins, const LoadOptions& options,
                   LoadStats* stats) {
    LoadStats local;
    if (!stats) stats = &local;
    std::vector<ItemFile> item_files;
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
                list_items(e.path(), name, item_files, diags);
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
    load_items(item_files, corpus, diags, options, *stats);
    validate_corpus(corpus, Register::builtin(), diags);
    return corpus;
}

}  // namespace playmaker
