// Index::open and Index::search: ranked results, snippets and facet counts.
#include <sys/stat.h>

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
#include "search/query_lexicon.hpp"
#include "search/snippet.hpp"
#include "search/store.hpp"
#include "util/utf8.hpp"

namespace playmaker {

using namespace search;

struct Index::Impl {
    struct Row {
        std::string id, kind, title, summary, path, lang;
    };
    Db db;
    Analyzer analyzer;
    TokenizerContext ctx{&analyzer};
    std::unique_ptr<VocabStore> vocab;  // for snippets: the analysis of the rows' words
    std::unique_ptr<LexiconTable> lexicon;  // for queries
    std::unique_ptr<Stmt> match_stmt, body_stmt;
    std::string root;
    std::vector<Row> rows;               // by rowid
    std::vector<std::uint8_t> live;      // by rowid: 1 when the row exists
    std::vector<std::uint32_t> doc_len;  // by rowid: words in the row (pm_rank's length)
    std::vector<std::uint32_t> facet_at;  // by rowid: where the row's facet ids begin in row_facets
    std::vector<std::uint32_t> row_facets;  // ids into facet_values, rows one after another
    std::vector<std::pair<std::string, std::string>> facet_values;
    std::map<std::pair<std::string, std::string>, std::uint32_t> facet_ids;

    std::string path;
    long long data_version = 0;  // of the file as read here (another writer's commit changes it)
    struct stat file {};         // the file as opened (a rebuilt index is another file)

    static long long version_of(const Db& db) {
        Stmt v(db, "PRAGMA data_version");
        return v.step() ? v.integer(0) : 0;
    }

    explicit Impl(const std::string& p) : db(p, Db::kReadOnly), path(p) {
        ::stat(path.c_str(), &file);
        data_version = version_of(db);
        register_tokenizer(db.get(), &ctx);
        analyzer.adopt_version(get_meta(db, "dictionaries"), get_meta(db, "analysis"));
        if (get_meta(db, "schema") != kSchemaVersion || get_meta(db, "analysis") != analyzer.version()) {
            throw std::runtime_error(path + " was built by another version of the analysis; rebuild it");
        }
        vocab = std::make_unique<VocabStore>(db, true, false);
        analyzer.set_store(vocab.get());
        lexicon = std::make_unique<LexiconTable>(db);
        ctx.lexicon = lexicon.get();
        match_stmt = std::make_unique<Stmt>(db, (std::string("SELECT rowid, ") + kRank + " FROM docs WHERE docs MATCH ?1").c_str());
        body_stmt = std::make_unique<Stmt>(db, "SELECT body FROM docs WHERE rowid = ?1");
        root = get_meta(db, "root");
        std::string fam = get_meta(db, "families");
        ctx.query_families = fam.empty() ? Analyzer::kAll : static_cast<unsigned>(std::stoul(fam));
        Stmt st(db, "SELECT rowid, id, kind, title, summary, path, lang, length FROM entries ORDER BY rowid");
        while (st.step()) {
            auto rowid = static_cast<std::size_t>(st.integer(0));
            if (rowid >= rows.size()) {
                rows.resize(rowid + 1);
                live.resize(rowid + 1);
                doc_len.resize(rowid + 1);
            }
            rows[rowid] = Row{st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
            live[rowid] = 1;
            doc_len[rowid] = static_cast<std::uint32_t>(st.integer(7));
        }
        ctx.doc_len = &doc_len;
        // Facet ids per row, in one flat array (facets_rowid orders them by row).
        std::vector<std::vector<std::uint32_t>> per_row(rows.size());
        Stmt fs(db, "SELECT rowid, facet, value FROM facets");
        while (fs.step()) {
            auto rowid = static_cast<std::size_t>(fs.integer(0));
            if (rowid >= rows.size() || !live[rowid]) continue;
            auto key = std::make_pair(fs.text(1), fs.text(2));
            auto [it, added] = facet_ids.emplace(key, static_cast<std::uint32_t>(facet_values.size()));
            if (added) facet_values.push_back(key);
            per_row[rowid].push_back(it->second);
        }
        facet_at.resize(rows.size() + 1);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            facet_at[r] = static_cast<std::uint32_t>(row_facets.size());
            row_facets.insert(row_facets.end(), per_row[r].begin(), per_row[r].end());
        }
        facet_at[rows.size()] = static_cast<std::uint32_t>(row_facets.size());
    }

    ~Impl() { analyzer.set_store(nullptr); }

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

bool Index::stale() const {
    struct stat now {};
    if (::stat(impl_->path.c_str(), &now) != 0 || now.st_ino != impl_->file.st_ino || now.st_dev != impl_->file.st_dev) {
        return true;
    }
    try {
        return Impl::version_of(impl_->db) != impl_->data_version;
    } catch (const std::exception&) {
        return true;
    }
}

std::vector<std::string> Index::query_terms(std::string_view word, unsigned families) {
    return impl_->analyzer.query_terms(word, impl_->lexicon.get(), families);
}


namespace {

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
    const std::size_t nrows = im.rows.size();
    auto passes = [&](std::size_t rowid) {
        if (rowid >= nrows || !im.live[rowid]) return false;
        for (const auto& acc : accepted) {
            bool ok = false;
            for (auto i = im.facet_at[rowid], e = im.facet_at[rowid + 1]; i < e && !ok; ++i) {
                ok = std::binary_search(acc.begin(), acc.end(), im.row_facets[i]);
            }
            if (!ok) return false;
        }
        return true;
    };

    // One pass over the matching rows: the total, the facet counts (when asked for) and
    // every row's score, ranked afterwards.
    std::vector<int> counts(query.facets ? im.facet_values.size() : 0);
    std::vector<std::pair<double, std::size_t>> hits;  // (score, rowid)
    auto take = [&](double score, std::size_t rowid) {
        hits.emplace_back(score, rowid);
        if (query.facets) {
            for (auto i = im.facet_at[rowid], e = im.facet_at[rowid + 1]; i < e; ++i) ++counts[im.row_facets[i]];
        }
    };
    std::string match = match_expression(pq);
    try {
        if (!match.empty()) {
            Stmt& st = *im.match_stmt;
            struct Reset {
                Stmt& s;
                ~Reset() { s.reset(); }
            } reset{st};
            st.bind(1, match);
            while (st.step()) {
                auto rowid = static_cast<std::size_t>(st.integer(0));
                if (passes(rowid)) take(st.real(1), rowid);
            }
        } else {
            std::vector<bool> excluded(nrows);
            std::string excl = exclusion_expression(pq);
            if (!excl.empty()) {
                Stmt st(im.db, "SELECT rowid FROM docs WHERE docs MATCH ?1");
                st.bind(1, excl);
                while (st.step()) {
                    auto r = static_cast<std::size_t>(st.integer(0));
                    if (r < excluded.size()) excluded[r] = true;
                }
            }
            for (std::size_t r = 0; r < nrows; ++r) {
                if (!excluded[r] && passes(r)) take(0.0, r);
            }
        }
    } catch (const DbError& e) {
        out.notes.push_back("the query could not be run");
        hits.clear();
        std::fill(counts.begin(), counts.end(), 0);
    }

    out.total = static_cast<int>(hits.size());
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
    if (offset >= hits.size()) return out;
    std::size_t end = std::min(hits.size(), offset + std::min(limit, hits.size()));
    auto less = [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return im.rows[a.second].id < im.rows[b.second].id;
    };
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(end), hits.end(), less);

    // Snippets for the page, from the stored text: the summary when it holds every term,
    // else the better of summary and body, else the title (a reference's title is often
    // where it matches), else the summary as it is.
    Highlight hl;
    if (query.snippets && !match.empty()) hl = make_highlight(pq, im.analyzer, im.lexicon.get(), im.ctx.query_families);
    for (std::size_t i = offset; i < end; ++i) {
        const auto& row = im.rows[hits[i].second];
        SearchResult r{row.id, row.kind, row.title, row.path, row.lang, hits[i].first, {}};
        if (query.snippets) {
            Snippet best;
            if (!hl.empty()) {
                best = make_snippet(row.summary, row.lang, hl, im.analyzer);
                if (best.score < 1000 * hl.groups) {
                    try {
                        Stmt& st = *im.body_stmt;
                        st.bind(1, static_cast<long long>(hits[i].second));
                        if (st.step()) {
                            Snippet body = make_snippet(st.view(0), row.lang, hl, im.analyzer);
                            if (body.score > best.score) best = std::move(body);
                        }
                        st.reset();
                    } catch (const DbError&) {
                        im.body_stmt->reset();
                    }
                }
                if (best.score == 0) best = make_snippet(row.title, row.lang, hl, im.analyzer);
            }
            r.snippet = best.score > 0 ? std::move(best.html) : html_escape(shorten(row.summary, 200));
        }
        out.results.push_back(std::move(r));
    }
    return out;
}

}  // namespace playmaker
