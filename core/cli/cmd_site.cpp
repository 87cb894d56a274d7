// playmaker site: the public static site, built beside the old one and swapped into place.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>

#include "playmaker/atomic.hpp"
#include "playmaker/item_cache.hpp"
#include "playmaker/plugin_host.hpp"
#include "session.hpp"

namespace fs = std::filesystem;

namespace playmaker::cli {
namespace {

// The caches live beside the site, not in it: `<parent>/.playmaker/site-cache/<name>.items`
// (parsed items), the folder `<name>.d/` (the site builder's own) and `<name>.old/` (the
// site the last build replaced, which the next one starts from).
std::string cache_path_for(const std::string& out, const std::string& suffix) {
    fs::path p = fs::absolute(out).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return (p.parent_path() / ".playmaker" / "site-cache" / (p.filename().string() + suffix)).string();
}

bool valid_base_url(std::string& url) {
    if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() < 10) return false;
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    }
    if (url.back() != '/') url += '/';
    return true;
}

int run(const Args& args) {
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    std::string out = args.get_or("-o", "_site");
    std::string base_url = args.get_or("--base-url", "");
    if (!base_url.empty() && !valid_base_url(base_url)) {
        return usage_error("site", "--base-url wants an absolute http(s) URL, e.g. https://example.no/playmaker/");
    }
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    if (auto j = args.get("--jobs")) {
        int n = std::atoi(j->c_str());
        if (n <= 0) return usage_error("site", "--jobs wants a number above 0");
        jobs = static_cast<unsigned>(n);
    }
    const SiteBuilder* builder = PluginHost::shared().site_builder();
    if (!builder) {
        std::cerr << "playmaker site: the site plugin is not installed (looked in " << PluginHost::builtin_folder()
                  << " and PLAYMAKER_PLUGIN_PATH); `playmaker plugins` lists what was found\n";
        return kIoError;
    }

    // One build of a site at a time: two would link each other's pages under fingerprints
    // their manifests do not hold, and pass the recycled folder between them.
    std::error_code lock_ec;
    fs::create_directories(fs::path(cache_path_for(out, ".lock")).parent_path(), lock_ec);
    WriterLock building(cache_path_for(out, ".lock"),
                        [&] { std::cerr << "site: waiting for another build of " << out << " to finish\n"; });
    // The index (the notes' selection and the site's search) is brought up to date beside
    // the load and the pages: it reads the changed files itself, and a new word's
    // dictionaries load while the items do. The builder waits for it before reading it.
    std::string index_log;
    std::shared_future<int> index_done =
        std::async(std::launch::async, [&] { return ensure_index(content_path(args), db_path(args), &index_log); }).share();
    std::once_flag index_said;
    auto say_index = [&] {
        index_done.wait();
        std::call_once(index_said, [&] { std::cerr << index_log; });
    };
    ItemCache cache(args.flag("--no-cache") ? std::string() : cache_path_for(out, ".items"));
    LoadStats load_stats;
    Session& s = lasting_session();  // not freed: the process ends with this command
    int loaded = load_session(args, s, LoadOptions{&cache, jobs}, &load_stats);
    auto mark = clock::now();
    std::vector<std::pair<std::string, double>> phases;
    auto phase = [&](const char* name) {
        auto now = clock::now();
        phases.emplace_back(name, std::chrono::duration<double>(now - mark).count());
        mark = now;
    };
    phases.emplace_back("load", std::chrono::duration<double>(mark - t0).count());
    if (loaded != kOk) {
        say_index();
        return loaded;
    }
    std::cerr << "site: " << s.corpus.items.size() << " items (" << load_stats.parsed << " parsed, "
              << load_stats.reused << " from the cache)\n";
    // The cache is written while the pages render; it is only ever a shortcut.
    std::thread saver;
    if (!args.flag("--no-cache") && cache.worth_saving(load_stats.parsed, load_stats.restamped)) {
        saver = std::thread([&] {
            try {
                cache.save(s.corpus.items, s.diags, load_stats.stamps, load_stats.stamped_at);
            } catch (const std::exception& e) {
                std::cerr << "playmaker site: warning: cannot write the parse cache: " << e.what() << "\n";
            }
        });
    }
    struct Join {
        std::thread& t;
        ~Join() {
            if (t.joinable()) t.join();
        }
    } join{saver};

    bool notes = !s.corpus.profiles.empty() || args.flag("--all-municipalities");

    SiteStats stats;
    Diagnostics diags;
    bool tty = isatty(2);
    std::once_flag waiting_said;
    std::size_t last_tenth = 0;
    try {
        // The site replaced last time is kept beside the caches and brought up to date in
        // place, so an edit costs what it changes, not a folder of links.
        StagedDir staged(out, args.flag("--no-cache") ? std::string() : cache_path_for(out, ".old"));
        SiteRequest req;
        req.corpus = &s.corpus;
        req.out = staged.path();
        req.previous = out;
        req.base_url = base_url;
        req.db = notes ? s.db : "";
        req.search_db = s.db;
        req.all_municipalities = args.flag("--all-municipalities");
        req.jobs = jobs;
        req.await_index = [&] {
            if (index_done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                std::call_once(waiting_said, [&] { std::cerr << (tty ? "\r" : "") << "site: waiting for the search index\n"; });
            }
            say_index();
            try {
                index_done.get();
            } catch (const std::exception& e) {
                throw std::runtime_error("the search index " + s.db + " cannot be brought up to date: " + e.what());
            }
        };
        if (!args.flag("--no-cache")) {
            req.cache_dir = cache_path_for(out, ".d");
            std::error_code ec;
            fs::create_directories(req.cache_dir, ec);
            if (ec) req.cache_dir.clear();  // only ever a shortcut
        }
        req.progress = [&](std::size_t done, std::size_t total) {
            if (tty) {
                std::cerr << "\rsite: " << done << "/" << total << " pages" << std::flush;
            } else if (std::size_t tenth = done * 10 / total; tenth > last_tenth || done == total) {
                last_tenth = tenth;
                std::cerr << "site: " << done << "/" << total << " pages\n";
            }
        };
        bool ok = builder->build(req, stats, diags);
        say_index();
        mark = clock::now();
        if (tty) std::cerr << "\n";
        if (!ok) {
            for (const auto& d : diags.all()) std::cerr << d.format() << "\n";
            std::cerr << "playmaker site: stopped; " << out << " is unchanged\n";
            return kIoError;
        }
        staged.commit();
        for (const auto& w : stats.warnings) std::cerr << "playmaker site: warning: " << w << "\n";
        phases.insert(phases.end(), stats.phases.begin(), stats.phases.end());
        phase("swap");
    } catch (const std::exception& e) {
        say_index();
        std::cerr << "playmaker site: " << e.what() << "; " << out << " is unchanged\n";
        return kIoError;
    }
    double secs = std::chrono::duration<double>(clock::now() - t0).count();
    std::cerr << "playmaker site: wrote " << stats.pages << " files to " << out << " (" << stats.rendered
              << " rendered, " << stats.reused << " unchanged) in " << std::fixed;
    std::cerr.precision(2);
    std::cerr << secs << " s (";
    for (std::size_t i = 0; i < phases.size(); ++i) std::cerr << (i ? ", " : "") << phases[i].first << " " << phases[i].second;
    std::cerr << ")\n";
    return kOk;
}

Registration reg({
    "site",
    "build the public static site from the knowledge base",
    "playmaker site [-o DIR] [--base-url URL] [--all-municipalities] [--jobs N] [--no-cache]\n"
    "               [--content DIR] [--db FILE]",
    "Writes a complete static site (default ./_site): a page per item, lists per kind, theme,\n"
    "role, sector, county and year, the literature, the glossary, a note per profile, the\n"
    "search index of the search page (search/data/, the same results as `playmaker search`),\n"
    "and with --base-url a sitemap.xml and an Atom feed (feed.xml). Links are relative, so\n"
    "the site works from any web server and from file:// (where the search page explains\n"
    "that searching needs a web server).\n"
    "The site is built beside DIR and swapped into place, so an interrupted build leaves the\n"
    "previous site whole. Pages whose inputs did not change are not rendered again: the\n"
    "build starts from the site it replaced last time (kept in .playmaker/site-cache/ beside\n"
    "DIR, with the parsed items) and links unchanged pages from the current one.\n"
    "Exit 4 when the site plugin is missing or the site cannot be written.",
    {{"-o", "DIR", "the output folder (default ./_site)"},
     {"--base-url", "URL", "the site's absolute address; adds sitemap.xml and feed.xml"},
     {"--all-municipalities", "", "a note page for every municipality in the register"},
     {"--jobs", "N", "threads (default: cores)"},
     {"--no-cache", "", "parse every item again and do not write the parse cache"},
     content_option(), db_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
