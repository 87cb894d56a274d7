// In-process timing of the cite core: the full reference list of a library and 1,000
// in-text citations, and one ten-page note (30 citation groups + its reference list,
// disambiguation included). Prints medians; run through tests/bench/bench_cite.py.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "playmaker/cite.hpp"
#include "playmaker/corpus.hpp"
#include "util/text.hpp"

using namespace playmaker;
using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double median_ms(int reps, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
        auto a = Clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_cite LITERATURE.json [REPS]\n");
        return 2;
    }
    int reps = argc > 2 ? std::stoi(argv[2]) : 50;
    std::vector<Reference> refs;
    Diagnostics diags;
    parse_csl_json(text::read_file(argv[1]), "literature/references.json", refs, diags);
    if (refs.empty()) return 1;

    // 1,000 citation groups of one to three works, some with a page.
    std::vector<std::vector<CiteRef>> groups;
    for (int i = 0; i < 1000; ++i) {
        std::vector<CiteRef> g;
        for (int j = 0; j <= i % 3; ++j) {
            const auto& r = refs[(i * 7 + j * 13) % refs.size()];
            g.push_back({r.id, (i + j) % 4 == 0 ? "s. " + std::to_string(10 + i % 90) : "", {}});
        }
        groups.push_back(std::move(g));
    }
    std::size_t sink = 0;
    double build = median_ms(reps, [&] { Bibliography b(refs, CiteLang::nb); sink += b.works().size(); });
    Bibliography bib(refs, CiteLang::nb);
    double list = median_ms(reps, [&] {
        for (const auto& e : bib.entries()) sink += runs_to_html(e.runs).size();
    });
    double cites = median_ms(reps, [&] {
        for (std::size_t i = 0; i < groups.size(); ++i) sink += runs_to_html(bib.cite(groups[i], i % 5 == 0)).size();
    });
    // A ten-page note: 30 groups over ~15 works, then its list — from scratch each time.
    std::vector<std::string> cited;
    for (std::size_t i = 0; i < refs.size() && cited.size() < 15; i += 2) cited.push_back(refs[i].id);
    double note = median_ms(reps, [&] {
        Bibliography b(select_works(refs, cited), CiteLang::nb);
        for (int i = 0; i < 30; ++i) {
            sink += runs_to_html(b.cite({{cited[i % cited.size()], i % 3 ? "" : "s. 12", {}},
                                         {cited[(i * 5 + 1) % cited.size()], "", {}}},
                                        i % 4 == 0))
                        .size();
        }
        for (const auto& e : b.entries()) sink += runs_to_html(e.runs).size();
    });
    std::printf("works %zu, reps %d (medians)\n", refs.size(), reps);
    std::printf("build bibliography (sort + disambiguate)   %8.3f ms\n", build);
    std::printf("full reference list (%zu entries, HTML)      %8.3f ms\n", refs.size(), list);
    std::printf("1,000 in-text citations (HTML)             %8.3f ms\n", cites);
    std::printf("ten-page note: 30 citations + its list     %8.3f ms   (target < 5 ms)\n", note);
    std::printf("in_process_note_ms=%.4f\n", note);
    return sink == 0 ? 1 : 0;
}
