// Index::open and Index::search: ranked results, snippets and facet counts.
#include <algorithm>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "playmaker/analysis.hpp"
#include "playmaker/index.hpp"
#include "playmaker/item.hpp"
#include "playmaker/municipality.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/query.hpp"
#include "search/store.hpp"
#include "util/utf8.hpp"

namespace playmaker {

using namespace search;

struct Index::Impl {
    struct Row {
        std::string id, kind, title, summary, path, lang;
        std::vector<std::uint32_t> facets;  // ids into facet_values
        bool live = false;
    };
    Db db;
    Analyzer analyzer;
    TokenizerContext ctx{&analyzer};
    std::string root;
    std::vector<Row> rows;  // by rowid
    std::vector<std::pair<std::string, std::string>> facet_values;
    std::map<std::pair<std::string, std::string>, std::uint32_t> facet_ids;

    explicit Impl(const std::string& path) : db(path, Db::kReadOnly) {
        register_tokenizer(db.get(), &ctx);
        if (get_meta(db, "schema") != kSchemaVersion || get_meta(db, "analysis") != analyzer.version()) {
            throw std::runtime_error(path + " was built by another version of the analysis; rebuild it");
        }
        root = get_meta(db, "root");
        std::string fam = get_meta(db, "families");
        ctx.query_families = fam.empty() ? Analyzer::kAll : static_cast<unsigned>(std::stoul(fam));
        Stmt st(db, "SELECT rowid, id, kind, title, summary, path, lang FROM entries");
        while (st.step()) {
            auto rowid = static_cast<std::size_t>(st.integer(0));
            if (rowid >= rows.size()) rows.resize(rowid + 1);
            Row& r = rows[rowid];
            r = Row{st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), {}, true};
        }
        Stmt fs(db, "SELECT rowid, facet, value FROM facets");
        while (fs.step()) {
            auto rowid = static_cast<std::size_t>(fs.integer(0));
            if (rowid >= rows.size() || !rows[rowid].live) continue;
            auto key = std::make_pair(fs.text(1), fs.text(2));
            auto [it, added] = facet_ids.emplace(key, static_cast<std::uint32_t>(facet_values.size()));
            if (added) facet_values.push_back(key);
            rows[rowid].facets.push_back(it->second);
        }
    }

    // The facet-value ids a filter accepts; empty with a note when it names nothing.
    std::vector<std::uint32_t> resolve(const std::string& facet, const std::string& value,
                                       std::vector<std::string>& notes) const {
        std::vector<std::string> wanted;
        std::string v = fold_word(value);
        if (facet == "municipality") {
            const Municipality* m = Register::builtin().find(value);
            if (!m) {
                notes.push_back("no municipality named '" + value + "'");
                return {};
            }
            wanted.push_back(m->code);
        } else if (facet == "county") {
            for (const Municipality* m : Register::builtin().in_county(value)) {
                if (std::find(wanted.begin(), wanted.end(), m->county) == wanted.end()) wanted.push_back(m->county);
            }
            if (wanted.empty()) {
                notes.push_back("no county named '" + value + "'");
                return {};
            }
        } else if (facet == "kind") {
            auto k = kind_from_folder(v);
            wanted.push_back(k ? kind_name(*k) : v == "references" ? "reference" : v);
        } else {
            wanted.push_back(v);
        }
        std::vector<std::uint32_t> ids;
        for (std::uint32_t i = 0; i < facet_values.size(); ++i) {
            const auto& [f, val] = facet_values[i];
            if (f != facet) continue;
            for (const auto& w : wanted) {
                if (val == w || fold_word(val) == fold_word(w)) ids.push_back(i);
            }
        }
        return ids;
    }
};

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;

std::unique_ptr<Index> Index::open(const std::string& db) {
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) throw std::runtime_error("no index at " + db);
    return std::unique_ptr<Index>(new Index(std::make_unique<Impl>(db)));
}

const std::string& Index::content_root() const { return impl_->root; }

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// FTS5's snippet marks matches with \x02 … \x03 (content holds no control characters):
// escape the text first, then turn the markers into <mark>.
std::string mark_snippet(const std::string& raw) {
    std::string esc = html_escape(raw), out;
    for (char c : esc) {
        if (c == '\x02') out += "<mark>";
        else if (c == '\x03') out += "</mark>";
        else out += c;
    }
    return out;
}

std::string shorten(const std::string& s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

// Drops lone stop words from the required terms, unless nothing else would be left.
void drop_stopwords(ParsedQuery& q, Analyzer& a) {
    auto is_stop = [&](const std::vector<QueryTerm>& g) {
        if (g.size() != 1 || g[0].phrase || g[0].prefix) return false;
        auto words = split_words(g[0].text);
        return words.size() == 1 && a.is_stopword(words[0].folded);
    };
    bool other = std::any_of(q.required.begin(), q.required.end(), [&](const auto& g) { return !is_stop(g); });
    if (!other) return;
    q.required.erase(std::remove_if(q.required.begin(), q.required.end(), is_stop), q.required.end());
}

}  // namespace

SearchResults Index::search(const SearchQuery& query) {
    if (!utf8::valid(query.text)) throw std::invalid_argument("the query is not valid UTF-8");
    for (const auto& [f, v] : query.filters) {
        if (!utf8::valid(v)) throw std::invalid_argument("the " + f + " filter is not valid UTF-8");
    }
    Impl& im = *impl_;
    SearchResults out;
    ParsedQuery pq = parse_query(query.text);
    drop_stopwords(pq, im.analyzer);
    for (const auto& [f, v] : query.filters) pq.filters.emplace_back(canonical_facet(f).empty() ? f : canonical_facet(f), v);

    // Filters: a row must carry one accepted value of every filter.
    std::vector<std::vector<std::uint32_t>> accepted;
    for (const auto& [f, v] : pq.filters) {
        auto ids = im.resolve(f, v, out.notes);
        std::sort(ids.begin(), ids.end());
        accepted.push_back(std::move(ids));
    }
    auto passes = [&](std::size_t rowid) {
        if (rowid >= im.rows.size() || !im.rows[rowid].live) return false;
        const auto& fs = im.rows[rowid].facets;
        for (const auto& acc : accepted) {
            bool ok = std::any_of(fs.begin(), fs.end(), [&](std::uint32_t id) {
                return std::binary_search(acc.begin(), acc.end(), id);
            });
            if (!ok) return false;
        }
        return true;
    };

    std::vector<std::pair<double, std::size_t>> hits;  // (score, rowid)
    std::string match = match_expression(pq);
    try {
        if (!match.empty()) {
            Stmt st(im.db, (std::string("SELECT rowid, ") + kBm25 + " FROM docs WHERE docs MATCH ?1").c_str());
            st.bind(1, match);
            while (st.step()) {
                auto rowid = static_cast<std::size_t>(st.integer(0));
                if (passes(rowid)) hits.emplace_back(st.real(1), rowid);
            }
        } else {
            std::vector<bool> excluded(im.rows.size());
            std::string excl = exclusion_expression(pq);
            if (!excl.empty()) {
                Stmt st(im.db, "SELECT rowid FROM docs WHERE docs MATCH ?1");
                st.bind(1, excl);
                while (st.step()) {
                    auto r = static_cast<std::size_t>(st.integer(0));
                    if (r < excluded.size()) excluded[r] = true;
                }
            }
            for (std::size_t r = 0; r < im.rows.size(); ++r) {
                if (!excluded[r] && passes(r)) hits.emplace_back(0.0, r);
            }
        }
    } catch (const DbError& e) {
        out.notes.push_back("the query could not be run");
        hits.clear();
    }

    out.total = static_cast<int>(hits.size());
    // Facet counts over every match.
    std::vector<int> counts(im.facet_values.size());
    for (const auto& h : hits) {
        for (auto id : im.rows[h.second].facets) ++counts[id];
    }
    for (std::uint32_t i = 0; i < counts.size(); ++i) {
        if (counts[i]) out.facets[im.facet_values[i].first].push_back({im.facet_values[i].second, counts[i]});
    }
    for (auto& [name, list] : out.facets) {
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
    }

    // Rank: bm25, ties by id.
    std::size_t offset = static_cast<std::size_t>(std::max(0, query.offset));
    std::size_t limit = static_cast<std::size_t>(std::max(0, query.limit));
    std::size_t end = std::min(hits.size(), offset + limit);
    auto less = [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return im.rows[a.second].id < im.rows[b.second].id;
    };
    if (offset >= hits.size()) return out;
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(end), hits.end(), less);

    // Snippets for the page. A prefix term makes FTS5 merge every matching term's doclist
    // on each evaluation, so the page's rows are fetched in one pass then, not one by one.
    std::map<std::size_t, std::string> raw_snippets;
    if (query.snippets && !match.empty() && end > offset) {
        bool prefix = false;
        for (const auto& g : pq.required) {
            for (const auto& t : g) prefix |= t.prefix;
        }
        const char* sel = "SELECT rowid, snippet(docs, -1, char(2), char(3), '…', 24) FROM docs WHERE docs MATCH ?1";
        try {
            if (prefix) {
                std::string in;
                for (std::size_t i = offset; i < end; ++i) in += (in.empty() ? "" : ",") + std::to_string(hits[i].second);
                Stmt st(im.db, (std::string(sel) + " AND rowid IN (" + in + ")").c_str());
                st.bind(1, match);
                while (st.step()) raw_snippets[static_cast<std::size_t>(st.integer(0))] = st.text(1);
            } else {
                Stmt st(im.db, (std::string(sel) + " AND rowid = ?2").c_str());
                for (std::size_t i = offset; i < end; ++i) {
                    st.bind(1, match).bind(2, static_cast<long long>(hits[i].second));
                    if (st.step()) raw_snippets[hits[i].second] = st.text(1);
                    st.reset();
                }
            }
        } catch (const DbError&) {
            // fall back to summaries below
        }
    }
    for (std::size_t i = offset; i < end; ++i) {
        const auto& row = im.rows[hits[i].second];
        SearchResult r{row.id, row.kind, row.title, row.path, row.lang, hits[i].first, {}};
        if (query.snippets) {
            auto it = raw_snippets.find(hits[i].second);
            r.snippet = it == raw_snippets.end() || it->second.empty() ? html_escape(shorten(row.summary, 200))
                                                                       : mark_snippet(it->second);
        }
        out.results.push_back(std::move(r));
    }
    return out;
}

}  // namespace playmaker
