// playmaker search: ranked results with snippets and facet counts.
#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <sstream>

#include "index_common.hpp"
#include "playmaker/index.hpp"
#include "render/json.hpp"

namespace playmaker::cli {
namespace {

const char* const kFacets[] = {"kind", "theme", "role", "sector", "lang", "municipality", "county", "year"};

bool parse_int(const std::string& s, int& out) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    out = std::stoi(s);
    return true;
}

// Snippet HTML for a terminal: <mark> becomes bold when stdout is a terminal; entities
// are turned back into characters.
std::string terminal_snippet(const std::string& html, bool tty) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        auto take = [&](const char* s, const std::string& rep) {
            std::size_t n = std::char_traits<char>::length(s);
            if (html.compare(i, n, s) != 0) return false;
            out += rep;
            i += n;
            return true;
        };
        if (take("<mark>", tty ? "\033[1m" : "[") || take("</mark>", tty ? "\033[0m" : "]") ||
            take("&amp;", "&") || take("&lt;", "<") || take("&gt;", ">") || take("&quot;", "\"") ||
            take("&#39;", "'")) {
            continue;
        }
        out += html[i++];
    }
    return out;
}

int run(const Args& args) {
    SearchQuery q;
    for (std::size_t i = 0; i < args.positional().size(); ++i) {
        if (i) q.text += " ";
        q.text += args.positional()[i];
    }
    for (const char* f : kFacets) {
        for (const auto& v : args.all(std::string("--") + f)) q.filters.emplace(f, v);
    }
    if (auto l = args.get("--limit"); l && !parse_int(*l, q.limit)) return usage_error("search", "--limit takes a number");
    if (auto o = args.get("--offset"); o && !parse_int(*o, q.offset)) return usage_error("search", "--offset takes a number");
    std::string content = content_path(args), db = db_path(args);
    if (int rc = ensure_index(content, db); rc != kOk) return rc;
    SearchResults res;
    try {
        res = Index::open(db)->search(q);
    } catch (const std::invalid_argument& e) {
        return usage_error("search", e.what());
    }
    for (const auto& n : res.notes) std::cerr << "playmaker search: " << n << "\n";
    if (args.flag("--json")) {
        json::search_results(q.text, res).stringify(std::cout);
        std::cout << "\n";
        return kOk;
    }
    bool tty = ::isatty(STDOUT_FILENO);
    std::cout << res.total << (res.total == 1 ? " result" : " results") << " for \"" << q.text << "\"\n";
    int n = q.offset;
    for (const auto& r : res.results) {
        std::cout << "\n" << ++n << ". " << r.title << "  [" << r.kind << "] " << r.id << "\n   "
                  << terminal_snippet(r.snippet, tty) << "\n   " << r.path << "\n";
    }
    if (!res.facets.empty()) {
        std::cout << "\n";
        for (const auto& [name, values] : res.facets) {
            std::cout << name << ":";
            std::size_t shown = 0;
            for (const auto& v : values) {
                if (++shown > 8) break;
                std::cout << " " << v.value << " (" << v.count << ")";
            }
            std::cout << "\n";
        }
    }
    return kOk;
}

std::vector<Option> options() {
    std::vector<Option> o{content_option(), db_option()};
    for (const char* f : kFacets) o.push_back({std::string("--") + f, "VALUE", std::string("only items with this ") + f, true});
    o.push_back({"--limit", "N", "results to show (default 10)"});
    o.push_back({"--offset", "N", "results to skip (default 0)"});
    o.push_back(json_option());
    return o;
}

Registration reg({
    "search",
    "search the knowledge base",
    "playmaker search [--content DIR] [--db FILE] [--kind K] [--theme T] … [--limit N] [--offset N] [--json] [--] QUERY",
    "Words are all required; \"quoted phrases\", -word to exclude, a OR b, prefix*, and the\n"
    "filters kind: theme: role: sector: lang: municipality:/kommune: county:/fylke: year:.\n"
    "Anything else is read as plain words. Results are ranked by bm25 (ties by id).\n"
    "Builds or refreshes the index first when it is missing or out of date (said on stderr).\n"
    "Exit 2 for invalid UTF-8 in the query.",
    options(),
    run,
});

}  // namespace
}  // namespace playmaker::cli
