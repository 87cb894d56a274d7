// One site build: the model, then every page as a job for the worker threads, then the
// files that list pages (manifest, sitemap, feed).
#include "builder.hpp"

#include <algorithm>
#include <chrono>
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "playmaker/escape.hpp"

#include <playmaker/corpus.hpp>
#include <playmaker/i18n.hpp>
#include <playmaker/index.hpp>
#include <playmaker/note.hpp>
#include <playmaker/note_view.hpp>
#include <playmaker/resources.hpp>
#include <playmaker/search_export.hpp>
#include <playmaker/value.hpp>
#include <playmaker/version.hpp>

#include "config.hpp"
#include "feeds.hpp"
#include "model.hpp"
#include "output.hpp"
#include "views.hpp"

namespace fs = std::filesystem;

namespace playmaker::site {
namespace {

std::string read_text(const fs::path& p) {
    std::FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot read " + p.string());
    std::string out;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
    return out;
}


void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

// templates/site: page templates by name ("item"), partials from files starting with '_'.
// Partials and UI strings ({{t.key}}) are put in place once per language, so each page is
// one parse-free render of a compiled template.
struct Templates {
    std::map<std::string, std::string> pages, partials;
    std::string hash;

    void load(const std::string& dir) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.path().extension() == ".mustache") files.push_back(e.path());
        }
        std::sort(files.begin(), files.end());
        Hasher h;
        for (const auto& p : files) {
            std::string name = p.stem().string(), text = read_text(p);
            h.add(name).add(text);
            if (name.starts_with("_")) partials[name.substr(1)] = text;
            else pages[name] = text;
        }
        hash = h.hex();
    }
    // The text of page `name` in `lang`, partials and UI strings in place.
    std::string text(const std::string& name, const std::string& lang) const {
        auto it = pages.find(name);
        if (it == pages.end()) throw std::runtime_error("no template templates/site/" + name + ".mustache");
        std::string t = it->second;
        for (int depth = 0; depth < 4 && t.find("{{>") != std::string::npos; ++depth) {
            for (const auto& [pname, ptext] : partials) replace_all(t, "{{>" + pname + "}}", ptext);
        }
        for (const auto& [k, v] : ui_strings(lang)) {
            std::string key = k;
            std::replace(key.begin(), key.end(), '.', '_');
            replace_all(t, "{{t." + key + "}}", html_escape(v));
        }
        return t;
    }
};

// One per worker thread: compiled templates by name and language.
class PageRenderer {
public:
    explicit PageRenderer(const Templates& t) : t_(t) {}
    std::string render(const std::string& name, const std::string& lang, const Value& data) {
        auto& slot = compiled_[name + "/" + lang];
        if (!slot) slot = std::make_unique<Template>(name + ".mustache", t_.text(name, lang));
        return slot->render(data);
    }

private:
    const Templates& t_;
    std::map<std::string, std::unique_ptr<Template>> compiled_;
};

struct Job {
    std::string path;
    std::function<std::string()> key;     // the page's fingerprint (without the global part)
    std::function<std::string(PageRenderer&)> render;  // the page's bytes
};

std::string file_name_for(const Municipality& m) {
    return (m.country == "SE" ? "se-" + m.number : m.code) + "-" + slug(m.name);
}

// The note view with links from each chosen item to its page on the site.
Value site_note_view(const Note& note, const Corpus& corpus, const Model& model) {
    Value v = note_view(note, corpus);
    Value::List sections;
    for (const auto& sec : v.get("sections").as_list()) {
        Value s = sec;
        Value::List items;
        for (const auto& iv : sec.get("items").as_list()) {
            Value copy = iv;
            auto it = model.by_id.find(iv.get("id").as_string());
            if (it != model.by_id.end()) copy["href"] = "../" + item_path(*it->second);
            items.push_back(copy);
        }
        s["items"] = items;
        sections.push_back(s);
    }
    v["sections"] = sections;
    return v;
}

std::string profile_hash(const Profile& p) {
    Hasher h;
    h.add(p.id).add(p.municipality).add(p.name).add(p.county).add(p.malform).add(std::to_string(p.population));
    h.add(std::to_string(p.centrality)).add(p.drivers_rationale).add(std::to_string(p.pages));
    for (const auto* list : {&p.industries, &p.challenges, &p.drivers, &p.roles, &p.themes, &p.keywords, &p.include,
                             &p.exclude}) {
        h.add("|");
        for (const auto& s : *list) h.add(s);
    }
    for (const auto& [k, s] : p.sections) h.add(k).add(s);
    return h.hex();
}

void copy_assets(const fs::path& from, Output& out, std::size_t& files) {
    if (!fs::is_directory(from)) return;
    for (const auto& e : fs::recursive_directory_iterator(from)) {
        if (!e.is_regular_file() || e.path().filename().string().starts_with(".")) continue;
        std::string rel = "assets/" + fs::relative(e.path(), from).generic_string();
        out.make_dir(fs::path(rel).parent_path().string());
        out.write(rel, read_text(e.path()), "");
        ++files;
    }
}

// The search index for the site's client (search_export.hpp) under search/data/. The
// export keeps its state in the builder's cache folder, so after one edit it makes again
// only what that edit touched; the rest is linked from the previous site.
std::size_t export_search_data(const SiteRequest& req, const Corpus& corpus, const std::string& lang, Output& out,
                               std::vector<std::string>& warnings, double& waited) {
    std::map<std::string, std::string> href;
    for (const auto& item : corpus.items) href[item.id] = item_path(item);
    SearchExportOptions opt;
    opt.href = [&](const std::string& id, const std::string& kind) -> std::string {
        if (kind == "reference") return "literature/index.html#" + id;
        auto it = href.find(id);
        return it == href.end() ? "" : it->second;
    };
    for (Kind k : kAllKinds) opt.labels["kind"][kind_name(k)] = kind_label(k, lang, false);
    opt.labels["kind"]["reference"] = ui_string(lang, "site.literature");
    for (const char* facet : {"theme", "role", "sector"}) {
        if (const auto* terms = corpus.taxonomy.facet(facet)) {
            for (const auto& t : *terms) opt.labels[facet][t.id] = t.label(lang);
        }
    }
    for (const char* d : {"search/data/t", "search/data/p", "search/data/l", "search/data/d", "search/data/f"}) out.make_dir(d);
    opt.write = [&](const std::string& rel, std::string_view bytes, const std::string& key) {
        out.write("search/data/" + rel, bytes, key);
    };
    opt.reuse = [&](const std::string& rel, const std::string& key) { return out.reuse("search/data/" + rel, key); };
    if (!req.cache_dir.empty()) opt.state_file = req.cache_dir + "/search.state";
    if (req.await_index) {
        opt.await_index = [&] {
            auto t0 = std::chrono::steady_clock::now();
            req.await_index();
            waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        };
    }
    SearchExportStats st = export_search(req.search_db, opt);
    if (!st.warning.empty()) warnings.push_back(st.warning);
    return st.files;
}

}  // namespace

bool build_site(const SiteRequest& req, SiteStats& stats, Diagnostics& diags) {
    auto mark = std::chrono::steady_clock::now();
    auto phase = [&](const char* name) {
        auto now = std::chrono::steady_clock::now();
        stats.phases.emplace_back(name, std::chrono::duration<double>(now - mark).count());
        mark = now;
    };
    const Corpus& corpus = *req.corpus;
    // Problems are reported against the site's own folder, not the staging one.
    const std::string& where = req.previous.empty() ? req.out : req.previous;
    SiteConfig cfg;
    if (!read_config(resource_path("site/site.yaml"), cfg, diags)) return false;
    Templates tpl;
    try {
        tpl.load(resource_path("templates/site"));
    } catch (const std::exception& e) {
        diags.error("templates/site", 0, 0, e.what());
        return false;
    }
    Model model = build_model(corpus, cfg.lang);
    Views views(model, cfg, req.base_url);
    Output out(req.out, req.previous);

    // Everything every page depends on: templates, strings, settings, base URL, version.
    Hasher gh;
    gh.add("site 2").add(version()).add(tpl.hash).add(cfg.bytes).add(req.base_url);
    for (const char* lang : {"nb", "nn", "sv", "en"}) {
        for (const auto& [k, s] : ui_strings(lang)) gh.add(k).add(s);
    }
    const std::string global = gh.hex();

    phase("model");
    std::vector<Job> jobs;
    auto view_job = [&](std::string path, std::string tmpl, std::function<Value()> view) {
        auto slot = std::make_shared<Value>();
        jobs.push_back({path,
                        [view, slot] {
                            *slot = view();
                            return Hasher().add_value(*slot).hex();
                        },
                        [tmpl, slot](PageRenderer& r) {
                            std::string out = r.render(tmpl, slot->get("lang").as_string(), *slot);
                            *slot = Value();
                            return out;
                        }});
    };
    view_job("index.html", "home", [&] { return views.home(); });
    view_job("404.html", "404", [&] { return views.not_found(); });
    view_job("search/index.html", "search", [&] { return views.search(); });
    view_job("tilgjengelighet/index.html", "accessibility", [&] { return views.accessibility(); });
    view_job("literature/index.html", "literature", [&] { return views.literature(); });
    view_job(kind_path(Kind::Concept), "glossary", [&] { return views.glossary(); });
    // Lists: one job per page, so an edit re-renders only the pages that show the item.
    // Their fingerprints, like item pages', come from what the view reads, not from a view.
    auto list_job = [&](std::string path, std::function<std::string()> key, std::function<Value()> view) {
        jobs.push_back({std::move(path), std::move(key), [view](PageRenderer& r) {
                            Value v = view();
                            return r.render("list", v.get("lang").as_string(), v);
                        }});
    };
    for (Kind k : kAllKinds) {
        for (std::size_t p = 1; k != Kind::Concept && p <= views.kind_pages(k); ++p) {
            list_job(page_path(kind_path(k), p), [&views, k, p] { return views.kind_list_key(k, p); },
                     [&views, k, p] { return views.kind_list(k, p); });
        }
    }
    for (const auto& f : model.facets) {
        view_job(facet_index_path(f), "facets", [&views, &f] { return views.facet_index(f); });
        for (const auto& fv : f.values) {
            for (std::size_t p = 1; p <= views.pages(fv.items.size()); ++p) {
                list_job(page_path(facet_path(f, fv), p), [&views, &f, &fv, p] { return views.facet_page_key(f, fv, p); },
                         [&views, &f, &fv, p] { return views.facet_page(f, fv, p); });
            }
        }
    }
    const std::string& lit = views.literature_hash();
    // Item pages: the fingerprint comes from what the view reads, so an unchanged page costs
    // no view at all.
    for (const auto& item : corpus.items) {
        const Item* it = &item;
        jobs.push_back({item_path(item), [&views, it] { return views.item_key(*it); },
                        [&views, it](PageRenderer& r) { return r.render("item", it->lang, views.item(*it, true)); }});
    }

    // Notes: one per profile, and per municipality with the flag. They depend on every item.
    struct NoteJob {
        Profile profile;
        std::string file;
    };
    std::vector<NoteJob> notes;
    for (const auto& p : corpus.profiles) notes.push_back({p, p.id});
    if (req.all_municipalities) {
        for (const auto& m : Register::builtin().all()) {
            Profile p;
            std::string error;
            if (resolve_profile(m.code, corpus, p, error)) notes.push_back({p, file_name_for(m)});
        }
    }
    NoteOptions note_options;
    Hasher ch;
    for (const auto& item : corpus.items) ch.add(item.hash);
    ch.add(lit);
    for (const auto& p : corpus.profiles) ch.add(profile_hash(p));
    ch.add(req.db.empty() ? "no-index" : "index");
    const std::string corpus_hash = ch.hex();
    thread_local std::unique_ptr<Index> index;  // one connection per worker
    for (const auto& n : notes) {
        const NoteJob* nj = &n;
        jobs.push_back({"notes/" + n.file + ".html",
                        [nj, &corpus_hash] {
                            return Hasher().add(corpus_hash).add(profile_hash(nj->profile)).add(nj->file).hex();
                        },
                        [nj, &corpus, &model, &views, &req, &note_options](PageRenderer& r) {
                            if (!req.db.empty() && !index) {
                                if (req.await_index) req.await_index();
                                index = Index::open(req.db);
                            }
                            Note note = build_note(nj->profile, corpus, index.get(), note_options);
                            Value v = site_note_view(note, corpus, model);
                            Value c = views.chrome(note.lang, "notes/" + nj->file + ".html", note.title, "notes");
                            for (const auto& [k, val] : c.as_map()) {
                                if (k != "lang" && k != "html_lang") v[k] = val;
                            }
                            return r.render("note", note.lang, v);
                        }});
    }
    view_job("notes/index.html", "notes", [&] {
        Value v = views.chrome(cfg.lang, "notes/index.html", ui_string(cfg.lang, "site.notes"), "notes");
        Value::List list;
        for (const auto& n : notes) {
            Value e;
            e["title"] = n.profile.name;
            e["href"] = n.file + ".html";
            if (!n.profile.county.empty()) e["county"] = n.profile.county;
            e["profile"] = !n.profile.is_default;
            list.push_back(e);
        }
        v["has_notes"] = !list.empty();
        v["notes"] = list;
        return v;
    });

    // Folders first, so the workers only write files.
    try {
        std::set<std::string> dirs;
        for (const auto& j : jobs) {
            if (auto slash = j.path.rfind('/'); slash != std::string::npos) dirs.insert(j.path.substr(0, slash));
        }
        for (const auto& d : dirs) out.make_dir(d);
    } catch (const std::exception& e) {
        diags.error(where, 0, 0, e.what());
        return false;
    }

    std::atomic<std::size_t> next{0}, done{0}, rendered{0}, reused{0};
    std::atomic<bool> failed{false};
    std::mutex mu;
    std::string error;
    auto worker = [&] {
        PageRenderer renderer(tpl);
        for (std::size_t i = next++; i < jobs.size() && !failed; i = next++) {
            try {
                std::string key = Hasher().add(global).add(jobs[i].key()).hex();
                if (out.reuse(jobs[i].path, key)) {
                    ++reused;
                } else {
                    out.write(jobs[i].path, jobs[i].render(renderer), key);
                    ++rendered;
                }
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(mu);
                if (!failed.exchange(true)) error = jobs[i].path + ": " + e.what();
                break;
            }
            std::size_t n = ++done;
            if (req.progress && (n % 64 == 0 || n == jobs.size())) {
                std::lock_guard<std::mutex> lock(mu);
                req.progress(n, jobs.size());
            }
        }
        index.reset();
    };
    unsigned threads = req.jobs ? req.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failed) {
        diags.error(where, 0, 0, error);
        return false;
    }
    phase("pages");

    try {
        std::size_t files = jobs.size();
        std::vector<std::string> pages;
        for (const auto& j : jobs) {
            if (j.path != "404.html") pages.push_back(j.path);
        }
        std::sort(pages.begin(), pages.end());
        if (!req.base_url.empty()) {
            out.write("sitemap.xml", sitemap_xml(pages, req.base_url), "");
            out.write("feed.xml", atom_feed(model, cfg.title, req.base_url, cfg.feed_entries), "");
            files += 2;
        }
        out.write("robots.txt", robots_txt(req.base_url), "");
        ++files;
        copy_assets(resource_path("site/assets"), out, files);
        phase("feeds");
        if (!req.search_db.empty()) {
            double waited = 0;  // for what was left of bringing the index up to date
            files += export_search_data(req, corpus, cfg.lang, out, stats.warnings, waited);
            phase("search");
            stats.phases.back().second -= waited;
            stats.phases.insert(stats.phases.end() - 1, {"index", waited});
        }
        out.write_manifest();
        stats.pages = files;
    } catch (const std::exception& e) {
        diags.error(where, 0, 0, e.what());
        return false;
    }
    stats.rendered = rendered;
    stats.reused = reused;
    return true;
}

}  // namespace playmaker::site
