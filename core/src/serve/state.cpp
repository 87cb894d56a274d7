#include "serve/state.hpp"

#include "playmaker/cite.hpp"
#include "playmaker/index.hpp"
#include "playmaker/plugin_host.hpp"

namespace playmaker::serve {

std::shared_ptr<const State> load_state(const std::string& content, const std::string& db,
                                        std::uint64_t generation, Diagnostics& diags) {
    auto s = std::make_shared<State>();
    s->generation = generation;
    s->db = db;
    LoadOptions opts;
    opts.jobs = 0;  // item files parsed on every core: a reload is an author waiting
    s->corpus = load_corpus(content, diags, &PluginHost::shared(), opts);
    Bibliography bib(s->corpus.references, CiteLang::nb);
    for (const BibEntry& e : bib.entries()) {
        s->literature_html += "<li id=\"ref-" + html_escape(e.ref->id) + "\">" + runs_to_html(e.runs) + "</li>\n";
    }
    return s;
}

}  // namespace playmaker::serve
