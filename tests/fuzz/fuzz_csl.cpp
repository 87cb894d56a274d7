// Fuzz target: a CSL-JSON literature file, and the reference list made from it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "playmaker/cite.hpp"
#include "playmaker/corpus.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    playmaker::Diagnostics diags;
    std::vector<playmaker::Reference> refs;
    playmaker::parse_csl_json(bytes, "literature/fuzz.json", refs, diags);
    if (refs.size() > 64) refs.resize(64);
    std::vector<playmaker::CiteRef> group;
    for (const auto& r : refs) group.push_back({r.id, "s. 12", {}});
    playmaker::Bibliography bib(refs, playmaker::CiteLang::nb);
    for (const auto& e : bib.entries()) {
        (void)playmaker::runs_to_text(e.runs);
        (void)playmaker::runs_to_html(e.runs);
        (void)playmaker::runs_to_markdown(e.runs);
    }
    (void)playmaker::runs_to_text(bib.cite(group, false));
    (void)playmaker::runs_to_text(bib.cite(group, true));
    return 0;
}
