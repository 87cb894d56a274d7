// In-process note timing: load the content once, then build and render one note many
// times (median), and build + render every municipality's note once.
// Usage: bench_notes CONTENT DB MUNICIPALITY REPEATS
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "playmaker/corpus.hpp"
#include "playmaker/index.hpp"
#include "playmaker/note.hpp"
#include "playmaker/plugin_host.hpp"

using namespace playmaker;
using Clock = std::chrono::steady_clock;

static double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_notes CONTENT DB MUNICIPALITY REPEATS\n");
        return 2;
    }
    Diagnostics diags;
    Corpus corpus = load_corpus(argv[1], diags, &PluginHost::shared());
    if (!Index::staleness(argv[1], argv[2]).empty()) Index::build(argv[1], argv[2]);
    auto index = Index::open(argv[2]);
    const Renderer* html = PluginHost::shared().renderer("html");
    const Renderer* md = PluginHost::shared().renderer("md");
    Profile profile;
    std::string error;
    if (!resolve_profile(argv[3], corpus, profile, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    int repeats = std::atoi(argv[4]);
    std::vector<double> select, render_html, render_md, total;
    for (int i = 0; i < repeats; ++i) {
        auto t0 = Clock::now();
        Note note = build_note(profile, corpus, index.get(), {});
        auto t1 = Clock::now();
        RenderedFile f = html->render(note, corpus);
        auto t2 = Clock::now();
        RenderedFile g = md->render(note, corpus);
        auto t3 = Clock::now();
        select.push_back(ms(t1 - t0));
        render_html.push_back(ms(t2 - t1));
        render_md.push_back(ms(t3 - t2));
        total.push_back(ms(t2 - t0));
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("one note in process (median of %d): select %.2f ms, html %.2f ms, md %.2f ms, select+html %.2f ms\n",
                repeats, median(select), median(render_html), median(render_md), median(total));
    auto t0 = Clock::now();
    std::size_t bytes = 0;
    KeywordCache cache;
    NoteOptions shared;
    shared.keyword_cache = &cache;
    for (const auto& m : Register::builtin().all()) {
        if (m.country != "NO") continue;
        Profile p;
        resolve_profile(m.code, corpus, p, error);
        Note note = build_note(p, corpus, index.get(), shared);
        bytes += html->render(note, corpus).bytes.size();
    }
    std::printf("all 357 Norwegian notes in process, one thread, keyword cache: %.2f s (%zu MB of HTML)\n", ms(Clock::now() - t0) / 1000,
                bytes >> 20);
    return 0;
}
