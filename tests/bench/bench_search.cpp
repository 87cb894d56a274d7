// One phase of the search benchmark (bench_search.py drives it, one process per phase, so
// that each phase's peak memory is its own): prints one JSON line.
//
//   bench_search index-pm CONTENT DB      Playmaker's Index::build
//   bench_search index-plain CONTENT DB   the same text into a plain FTS5 unicode61 table
//   bench_search query-pm DB QUERIES      Index::search: top 10 with snippets and the total,
//                                         as a results page needs (BENCH_FACETS=1 adds the
//                                         facet counts, BENCH_NO_SNIPPETS=1 drops snippets)
//   bench_search query-plain DB QUERIES   MATCH … ORDER BY bm25 LIMIT 10
//   bench_search query-pm-fts DB QUERIES  only the FTS5 statement of Playmaker's query
// QUERIES holds one query a line: the Playmaker query, a tab, the plain MATCH string.
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "playmaker/analysis.hpp"
#include "playmaker/corpus.hpp"
#include "playmaker/index.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/query.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

long peak_kb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void check(int rc, sqlite3* db) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
}

int index_plain(const std::string& content, const std::string& dbpath) {
    auto t0 = Clock::now();
    fs::remove(dbpath);
    sqlite3* db = nullptr;
    check(sqlite3_open(dbpath.c_str(), &db), db);
    sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
                     "CREATE VIRTUAL TABLE t USING fts5(title, summary, body, tokenize='unicode61');BEGIN",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO t(title, summary, body) VALUES(?1,?2,?3)", -1, &st, nullptr), db);
    double insert_s = 0;
    std::vector<fs::path> files;
    for (const char* k : {"findings", "cases", "drivers"}) {
        for (auto& e : fs::directory_iterator(fs::path(content) / k)) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        playmaker::Item item;
        playmaker::Diagnostics d;
        std::string rel = p.parent_path().filename().string() + "/" + p.filename().string();
        std::string text;
        if (!playmaker::parse_item(playmaker::text::read_file(p.string()), rel, item, d, text)) continue;
        auto t1 = Clock::now();
        sqlite3_bind_text(st, 1, item.title.data(), static_cast<int>(item.title.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 2, item.summary.data(), static_cast<int>(item.summary.size()), SQLITE_STATIC);
        sqlite3_bind_text(st, 3, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
        check(sqlite3_step(st), db);
        sqlite3_reset(st);
        insert_s += since(t1);
    }
    sqlite3_finalize(st);
    auto t2 = Clock::now();
    sqlite3_exec(db, "COMMIT; INSERT INTO t(t) VALUES('optimize');", nullptr, nullptr, nullptr);
    insert_s += since(t2);
    sqlite3_close(db);
    std::printf("{\"seconds\": %.3f, \"insert_seconds\": %.3f, \"peak_kb\": %ld}\n", since(t0), insert_s, peak_kb());
    return 0;
}

int index_pm(const std::string& content, const std::string& db) {
    fs::remove(db);
    auto t0 = Clock::now();
    playmaker::BuildStats s = playmaker::Index::build(content, db);
    std::printf("{\"seconds\": %.3f, \"indexed\": %d, \"peak_kb\": %ld}\n", since(t0), s.indexed, peak_kb());
    return 0;
}

std::vector<std::pair<std::string, std::string>> read_queries(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> q;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto tab = line.find('\t');
        if (tab != std::string::npos) q.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return q;
}

void report(std::vector<double> us, double hits, double open_s) {
    std::sort(us.begin(), us.end());
    auto pct = [&](double p) { return us[std::min(us.size() - 1, static_cast<std::size_t>(p * us.size()))]; };
    double sum = 0;
    for (double u : us) sum += u;
    std::printf("{\"p50_us\": %.0f, \"p99_us\": %.0f, \"mean_us\": %.0f, \"mean_hits\": %.0f, \"open_s\": %.3f, \"peak_kb\": %ld}\n",
                pct(0.5), pct(0.99), sum / static_cast<double>(us.size()), hits / static_cast<double>(us.size()), open_s, peak_kb());
}

int query_pm(const std::string& db, const std::string& qfile) {
    auto queries = read_queries(qfile);
    auto t0 = Clock::now();
    auto index = playmaker::Index::open(db);
    double open_s = since(t0);
    std::vector<double> us;
    double hits = 0;
    for (const auto& [pm, plain] : queries) {
        playmaker::SearchQuery q;
        q.text = pm;
        q.snippets = std::getenv("BENCH_NO_SNIPPETS") == nullptr;
        q.facets = std::getenv("BENCH_FACETS") != nullptr;
        auto t = Clock::now();
        auto r = index->search(q);
        us.push_back(since(t) * 1e6);
        hits += r.total;
    }
    report(us, hits, open_s);
    return 0;
}

// The bare FTS5 part of Playmaker's query, to separate its cost from the rest:
// BENCH_SQL picks the statement (default: rowid and bm25 of every match).
int query_pm_fts(const std::string& dbpath, const std::string& qfile) {
    auto queries = read_queries(qfile);
    playmaker::Analyzer analyzer;
    playmaker::search::TokenizerContext ctx{&analyzer};
    ctx.query_families = playmaker::Analyzer::kNorwegian;
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(dbpath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), db);
    playmaker::search::register_tokenizer(db, &ctx);
    const char* sql = std::getenv("BENCH_SQL");
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, sql ? sql : "SELECT rowid, bm25(docs, 10.0, 4.0, 1.0, 3.0) FROM docs WHERE docs MATCH ?1",
                             -1, &st, nullptr), db);
    std::vector<double> us;
    double hits = 0;
    for (const auto& [pm, plain] : queries) {
        std::string m = playmaker::search::match_expression(playmaker::search::parse_query(pm));
        auto t = Clock::now();
        sqlite3_bind_text(st, 1, m.data(), static_cast<int>(m.size()), SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) ++hits;
        sqlite3_reset(st);
        us.push_back(since(t) * 1e6);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    report(us, hits, 0);
    return 0;
}

int query_plain(const std::string& dbpath, const std::string& qfile) {
    auto queries = read_queries(qfile);
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(dbpath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), db);
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t) LIMIT 10", -1, &st, nullptr), db);
    sqlite3_stmt* cnt = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &cnt, nullptr), db);
    std::vector<double> us;
    double hits = 0;
    for (const auto& [pm, plain] : queries) {
        auto t = Clock::now();
        sqlite3_bind_text(st, 1, plain.data(), static_cast<int>(plain.size()), SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
        }
        sqlite3_reset(st);
        us.push_back(since(t) * 1e6);
        sqlite3_bind_text(cnt, 1, plain.data(), static_cast<int>(plain.size()), SQLITE_STATIC);
        if (sqlite3_step(cnt) == SQLITE_ROW) hits += sqlite3_column_int(cnt, 0);
        sqlite3_reset(cnt);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(cnt);
    sqlite3_close(db);
    report(us, hits, 0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_search index-pm|index-plain CONTENT DB | query-pm|query-plain DB QUERIES\n");
        return 2;
    }
    std::string mode = argv[1];
    if (mode == "index-pm") return index_pm(argv[2], argv[3]);
    if (mode == "index-plain") return index_plain(argv[2], argv[3]);
    if (mode == "query-pm") return query_pm(argv[2], argv[3]);
    if (mode == "query-plain") return query_plain(argv[2], argv[3]);
    if (mode == "query-pm-fts") return query_pm_fts(argv[2], argv[3]);
    std::fprintf(stderr, "unknown mode %s\n", argv[1]);
    return 2;
}
