// playmaker notes: one note per profile (or per municipality), written atomically.
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <iostream>
#include <mutex>
#include <thread>

#include "note_output.hpp"
#include "playmaker/atomic.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/note.hpp"
#include "session.hpp"
#include "util/utf8.hpp"

namespace playmaker::cli {
namespace {

struct Job {
    Profile profile;
    std::string file;  // without extension
};

int run(const Args& args) {
    auto out_dir = args.get("-o");
    if (!out_dir) return usage_error("notes", "give the output folder with -o DIR");
    NoteRequest req;
    if (int rc = parse_note_request(args, "notes", req); rc != kOk) return rc;
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    if (auto j = args.get("--jobs")) {
        int n = std::atoi(j->c_str());
        if (n <= 0) return usage_error("notes", "--jobs wants a number above 0");
        jobs = static_cast<unsigned>(n);
    }
    Session s;
    if (int rc = load_session(args, s); rc != kOk) return rc;
    if (int rc = open_index(s); rc != kOk) return rc;
    s.index.reset();  // each worker opens its own connection

    std::vector<Job> work;
    if (args.flag("--all-municipalities")) {
        for (const auto& m : Register::builtin().all()) {
            Profile p;
            std::string error;
            resolve_profile(m.code, s.corpus, p, error);
            work.push_back({p, file_stem(m)});
        }
    } else {
        for (const auto& p : s.corpus.profiles) work.push_back({p, p.id});
    }
    if (work.empty()) {
        std::cerr << "playmaker notes: no profiles in " << s.content << "/profiles (use --all-municipalities)\n";
    }

    KeywordCache keyword_cache;
    req.options.keyword_cache = &keyword_cache;
    StagedDir staged(*out_dir);
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<int> failure{kOk};
    std::mutex out_mu;
    bool tty = isatty(2);
    auto worker = [&] {
        std::unique_ptr<Index> index = Index::open(s.db);
        while (failure == kOk) {
            std::size_t i = next++;
            if (i >= work.size()) break;
            Note note = build_note(work[i].profile, s.corpus, index.get(), req.options);
            RenderedFile file;
            if (int rc = render_note(*req.renderer, note, s.corpus, "notes", file); rc != kOk) {
                failure = rc;
                break;
            }
            write_file_atomic(staged.path() + "/" + work[i].file + "." + file.extension, file.bytes);
            std::size_t n = ++done;
            std::lock_guard<std::mutex> lock(out_mu);
            if (tty) {
                std::cerr << "\rnotes: " << n << "/" << work.size() << std::flush;
            } else if (n % 50 == 0 || n == work.size()) {
                std::cerr << "notes: " << n << "/" << work.size() << "\n";
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::min<std::size_t>(jobs, std::max<std::size_t>(1, work.size())); ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    if (tty) std::cerr << "\n";
    if (failure != kOk) {
        std::cerr << "playmaker notes: stopped; " << *out_dir << " is unchanged\n";
        return failure;
    }
    staged.commit();
    std::cerr << "playmaker notes: wrote " << done << " notes to " << *out_dir << "\n";
    return kOk;
}

Registration reg({
    "notes",
    "write one note per profile, or per municipality, into a folder",
    "playmaker notes -o DIR [--all-municipalities] [--format F] [--pages N] [--lang L]\n"
    "                [--jobs N] [--content DIR] [--db FILE]",
    "The folder is built beside DIR and swapped into place when every note is written, so\n"
    "a failed or interrupted run leaves the previous notes as they were.",
    {{"-o", "DIR", "the output folder"},
     {"--all-municipalities", "", "a note for every municipality in the register"},
     note_format_option(), {"--pages", "N", "page budget for every note"},
     {"--lang", "L", "note language nb|nn|sv|en"}, {"--jobs", "N", "notes rendered in parallel (default: cores)"},
     content_option(), db_option()},
    run,
});

}  // namespace
}  // namespace playmaker::cli
