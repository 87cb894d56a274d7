// playmaker index: build or refresh the search index, and the helpers every command that
// reads the index shares.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "index_common.hpp"
#include "playmaker/index.hpp"

namespace playmaker::cli {

Option db_option() { return {"--db", "FILE", "the index file (default ./.playmaker/index.sqlite)"}; }
std::string db_path(const Args& args) { return args.get_or("--db", ".playmaker/index.sqlite"); }
std::string content_path(const Args& args) { return args.get_or("--content", "content"); }

namespace {

std::string summary(const BuildStats& s, const std::string& db) {
    std::ostringstream o;
    o << "index: " << s.indexed << " indexed, " << s.unchanged << " unchanged, " << s.removed
      << " removed in " << std::fixed << std::setprecision(2) << s.seconds << " s → " << db;
    if (int e = s.diagnostics.errors()) o << " (" << e << (e == 1 ? " error" : " errors") << ", see above)";
    return o.str();
}

// Builds with progress on a terminal (unless `quiet`); the files it could not index go to
// `log`.
BuildStats run_build(const std::string& content, const std::string& db, std::ostream& log, bool quiet = false) {
    BuildOptions opts;
    if (!quiet && ::isatty(STDERR_FILENO)) {
        opts.progress = [](int done, int total) {
            std::fprintf(stderr, "\rindex: %d/%d files", done, total);
            if (done == total) std::fprintf(stderr, "\n");
        };
    }
    BuildStats s = Index::build(content, db, opts);
    if (opts.progress) std::fprintf(stderr, "\r\033[K");
    Diagnostics d = s.diagnostics;
    d.sort();
    for (const auto& x : d.all()) log << x.format() << "\n";
    return s;
}

int run(const Args& args) {
    std::string content = content_path(args), db = db_path(args);
    BuildStats s = run_build(content, db, std::cerr);
    std::cout << summary(s, db) << "\n";
    return kOk;
}

Registration reg({
    "index",
    "build or refresh the search index",
    "playmaker index [--content DIR] [--db FILE]",
    "Indexes every item and literature reference for search. Incremental: unchanged files\n"
    "are not analysed again, deleted ones disappear; a new analysis or lexicon re-analyses\n"
    "everything. The index is updated in one step (a transaction, or a copy renamed into\n"
    "place), so a killed build leaves the old one.\n"
    "Files with errors are left out and reported on stderr (run `playmaker check` for the\n"
    "whole picture); the rest is indexed and the exit code stays 0. Exit 4 when the content\n"
    "folder is missing or the index cannot be written.",
    {content_option(), db_option()},
    run,
});

}  // namespace

int ensure_index(const std::string& content, const std::string& db, std::string* log) {
    if (log) {
        // Beside other work the build decides by itself (it writes nothing when nothing
        // changed), so the tree is listed and the index read once.
        std::ostringstream said;
        std::error_code ec;
        bool existed = std::filesystem::exists(db, ec);
        BuildStats s = run_build(content, db, said, true);
        if (s.indexed || s.removed || !s.in_place || !said.str().empty()) {
            *log += std::string("playmaker: index ") + (existed ? "was out of date; brought up to date" : "was missing; built it") +
                    "\n" + said.str() + summary(s, db) + "\n";
        }
        return kOk;
    }
    std::string why = Index::staleness(content, db);
    if (why.empty()) return kOk;
    std::cerr << "playmaker: index " << (why == "missing" ? "is missing" : why == "content changed" ? "is out of date" : why)
              << "; building it\n";
    BuildStats s = run_build(content, db, std::cerr);
    std::cerr << summary(s, db) << "\n";
    return kOk;
}

}  // namespace playmaker::cli
