#include "session.hpp"

#include <filesystem>
#include <iostream>

#include "index_common.hpp"
#include "playmaker/item_cache.hpp"
#include "playmaker/plugin_host.hpp"

namespace playmaker::cli {

// Commands that read the whole tree keep parsed items in a cache beside the index
// (<db folder>/items.cache), so a note or a search on an unchanged tree parses no YAML.
int load_session(const Args& args, Session& s) {
    std::string db = args.get_or("--db", ".playmaker/index.sqlite");
    std::filesystem::path dir = std::filesystem::path(db).parent_path();
    ItemCache cache((dir.empty() ? std::filesystem::path(".") : dir) / "items.cache");
    LoadOptions options;
    options.cache = &cache;
    LoadStats stats;
    int rc = load_session(args, s, options, &stats);
    if (cache.worth_saving(stats.parsed, stats.restamped)) {
        try {
            cache.save(s.corpus.items, s.diags, stats.stamps, stats.stamped_at);
        } catch (const std::exception&) {
            // a cache that cannot be written only costs time next run
        }
    }
    return rc;
}

Session& lasting_session() {
    static Session* kept = new Session;
    return *kept;
}

int load_session(const Args& args, Session& s, const LoadOptions& options, LoadStats* stats) {
    s.content = args.get_or("--content", "content");
    s.db = args.get_or("--db", ".playmaker/index.sqlite");
    Diagnostics diags;
    s.corpus = load_corpus(s.content, diags, &PluginHost::shared(), options, stats);
    s.diags = diags;
    if (diags.has_errors()) {
        diags.sort();
        for (const auto& d : diags.all()) {
            if (d.severity == Severity::Error) std::cerr << d.format() << "\n";
        }
        std::cerr << "playmaker: the content has " << diags.errors()
                  << (diags.errors() == 1 ? " error" : " errors") << "; fix it (playmaker check) and run again\n";
        return kContentErrors;
    }
    return kOk;
}

int open_index(Session& s) {
    if (int rc = ensure_index(s.content, s.db); rc != kOk) return rc;
    try {
        s.index = Index::open(s.db);
    } catch (const std::exception& e) {
        std::cerr << "playmaker: cannot open the search index " << s.db << ": " << e.what() << "\n";
        return kIoError;
    }
    return kOk;
}

}  // namespace playmaker::cli
