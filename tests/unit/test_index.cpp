#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "playmaker/analysis.hpp"
#include "playmaker/index.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/query.hpp"
#include "search/query_lexicon.hpp"
#include "search/store.hpp"

namespace fs = std::filesystem;
using namespace playmaker;

namespace {

struct TempDb {
    std::string dir = (fs::temp_directory_path() / ("pm-index-" + std::to_string(::getpid()))).string();
    std::string db = dir + "/index.sqlite";
    TempDb() { fs::create_directories(dir); }
    ~TempDb() { fs::remove_all(dir); }
};

const std::string kFixture = std::string(PLAYMAKER_FIXTURES) + "/search/content";

std::vector<std::string> ids(Index& idx, const std::string& text) {
    SearchQuery q;
    q.text = text;
    std::vector<std::string> out;
    for (auto& r : idx.search(q).results) out.push_back(r.id);
    return out;
}

}  // namespace

TEST_CASE("an index is built, up to date, and found again") {
    TempDb t;
    CHECK(Index::staleness(kFixture, t.db) == "missing");
    auto s = Index::build(kFixture, t.db);
    CHECK(s.indexed == 10);
    CHECK(Index::staleness(kFixture, t.db).empty());
    auto s2 = Index::build(kFixture, t.db);
    CHECK(s2.indexed == 0);
    CHECK(s2.unchanged == 10 - 1 + 1);  // nine item files and one literature file
}

TEST_CASE("nynorsk query finds bokmål item and the other way round") {
    TempDb t;
    Index::build(kFixture, t.db);
    auto idx = Index::open(t.db);
    auto a = ids(*idx, "innbyggerne");
    CHECK(std::find(a.begin(), a.end(), "innbyggjarane-nynorsk") != a.end());
    auto b = ids(*idx, "innvandrarane");
    CHECK(std::find(b.begin(), b.end(), "innvandrere-grundere") != b.end());
}

TEST_CASE("a compound part finds the compound") {
    TempDb t;
    Index::build(kFixture, t.db);
    auto idx = Index::open(t.db);
    CHECK(ids(*idx, "rolle")[0] == "steinkjer-entreprenorrollen");
    CHECK(ids(*idx, "fond")[0] == "havbruksfondet");
}

TEST_CASE("results are ranked, ties by id, with escaped snippets and facet counts") {
    TempDb t;
    Index::build(kFixture, t.db);
    auto idx = Index::open(t.db);
    SearchQuery q;
    q.text = "kommune";
    auto r = idx->search(q);
    REQUIRE(r.results.size() >= 2);
    for (std::size_t i = 1; i < r.results.size(); ++i) {
        auto& p = r.results[i - 1];
        auto& c = r.results[i];
        CHECK((p.score < c.score || (p.score == c.score && p.id < c.id)));
    }
    CHECK(r.facets.count("kind"));
    CHECK(r.results[0].snippet.find("<mark>") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a query is refused; nothing else throws") {
    TempDb t;
    Index::build(kFixture, t.db);
    auto idx = Index::open(t.db);
    SearchQuery q;
    q.text = "rolle \xc3";
    CHECK_THROWS_AS(idx->search(q), std::invalid_argument);
    for (const char* s : {"NEAR(", "\"", "col:x", "-", "OR", "'; DROP TABLE docs", "kind:nothing"}) {
        q.text = s;
        CHECK_NOTHROW(idx->search(q));
    }
}

TEST_CASE("facet counts: the same with and without snippets, empty on request, each one a filter's total") {
    TempDb t;
    Index::build(kFixture, t.db);
    auto idx = Index::open(t.db);
    SearchQuery q;
    q.text = "kommune";
    auto full = idx->search(q);
    q.snippets = false;
    CHECK(idx->search(q).facets == full.facets);
    q.facets = false;
    auto bare = idx->search(q);
    CHECK(bare.facets.empty());
    CHECK(bare.total == full.total);
    REQUIRE(bare.results.size() == full.results.size());
    for (std::size_t i = 0; i < bare.results.size(); ++i) CHECK(bare.results[i].id == full.results[i].id);
    REQUIRE(!full.facets.empty());
    for (const auto& [facet, values] : full.facets) {
        for (const auto& v : values) {
            SearchQuery f;
            f.text = "kommune";
            f.facets = false;
            f.filters.emplace(facet, v.value);
            CHECK(idx->search(f).total == v.count);
        }
    }
}

TEST_CASE("pm_rank gives bm25's scores") {
    TempDb t;
    Index::build(kFixture, t.db);
    Analyzer analyzer;
    search::TokenizerContext ctx{&analyzer};
    search::Db db(t.db, search::Db::kReadOnly);
    search::register_tokenizer(db.get(), &ctx);
    search::LexiconTable lexicon(db);
    ctx.lexicon = &lexicon;
    std::vector<std::uint32_t> lengths;
    {
        search::Stmt st(db, "SELECT rowid, length FROM entries");
        while (st.step()) {
            auto r = static_cast<std::size_t>(st.integer(0));
            if (r >= lengths.size()) lengths.resize(r + 1);
            lengths[r] = static_cast<std::uint32_t>(st.integer(1));
        }
    }
    for (bool in_memory : {false, true}) {
        ctx.doc_len = in_memory ? &lengths : nullptr;
        for (const char* text : {"kommune", "rolle fond", "\"inn på tunet\"", "sentralis*", "kommune OR gård -demens"}) {
            search::Stmt st(db, (std::string("SELECT ") + search::kBm25 + ", " + search::kRank +
                                 " FROM docs WHERE docs MATCH ?1").c_str());
            st.bind(1, search::match_expression(search::parse_query(text)));
            int rows = 0;
            while (st.step()) {
                ++rows;
                CHECK(st.real(1) == Approx(st.real(0)).epsilon(1e-9));
            }
            CHECK(rows > 0);
        }
    }
}

TEST_CASE("the index keeps its vocabulary: known words need no dictionary") {
    TempDb t;
    Index::build(kFixture, t.db);
    Analyzer full;
    Analyzer cached;
    search::Db db(t.db, search::Db::kReadOnly);
    search::VocabStore vocab(db, true, false);
    cached.set_store(&vocab);
    for (const char* w : {"kommunene", "entreprenørrollen", "havbruksfondet", "innbyggjarane"}) {
        std::string lang = std::string(w) == "innbyggjarane" ? "nn" : "nb";
        std::vector<Token> a, b;
        cached.analyze(w, lang, b);
        CHECK_FALSE(cached.dictionaries_loaded());
        full.analyze(w, lang, a);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].term == b[i].term);
    }
    std::vector<Token> c;
    cached.analyze("mangelende", "nb", c);  // related to nothing in the fixture: the dictionaries it is
    CHECK(cached.dictionaries_loaded());
    cached.set_store(nullptr);
}

TEST_CASE("opening an index does not hash the dictionaries again") {
    TempDb t;
    Index::build(kFixture, t.db);
    Analyzer a;
    search::Db db(t.db, search::Db::kReadOnly);
    a.adopt_version(search::get_meta(db, "dictionaries"), search::get_meta(db, "analysis"));
    CHECK(a.version() == search::get_meta(db, "analysis"));
    Analyzer b;
    b.adopt_version("another signature", "analysis-1;lexicon-0000");
    CHECK(b.version() == a.version());  // a signature that does not fit is ignored
}

TEST_CASE("a query uses the index's lexicon: a content word's forms get the indexed term, other words Snowball's") {
    TempDb t;
    Index::build(kFixture, t.db);
    Analyzer full;
    const unsigned no = Analyzer::kNorwegian;
    auto idx = Index::open(t.db);
    // innbyggere is not in the fixture, but a form of a word that is (innbyggjarane).
    CHECK(idx->query_terms("innbyggere", no)[0] == full.word_terms("innbyggere", "nb").term);
    CHECK(idx->query_terms("innbyggjarane", no)[0] == full.word_terms("innbyggjarane", "nb").term);
    CHECK(idx->query_terms("innbyggere", no)[0] != full.snowball_term("innbyggere", no));
    // Unrelated to the content: Snowball, even where the dictionaries would decide otherwise.
    CHECK(idx->query_terms("mangelende", no)[0] == full.snowball_term("mangelende", no));
    // The same rule with the table on a plain Analyzer never reads the dictionaries.
    Analyzer a;
    search::Db db(t.db, search::Db::kReadOnly);
    search::LexiconTable lex(db);
    CHECK(a.query_terms("innbyggere", &lex, no) == idx->query_terms("innbyggere", no));
    CHECK(a.query_terms("mangelende", &lex, no) == idx->query_terms("mangelende", no));
    CHECK_FALSE(a.dictionaries_loaded());
}

TEST_CASE("a refreshed index's lexicon is the one a fresh build of the same content has") {
    TempDb t;
    fs::path content = fs::path(t.dir) / "content";
    fs::copy(kFixture, content, fs::copy_options::recursive);
    std::string fresh = t.dir + "/fresh.sqlite";
    Index::build(content.string(), t.db);
    std::vector<std::pair<std::string, std::string>> before;
    {
        search::Db db(t.db, search::Db::kReadOnly);
        search::Stmt st(db, "SELECT word, term FROM lexicon ORDER BY word");
        while (st.step()) before.emplace_back(st.text(0), st.text(1));
    }
    {
        std::ofstream out(content / "findings" / "ny.md");
        out << "---\ntitle: Ressurslogikken i skolebøkene\nsummary: Mangelende fjordbrukslandskap.\nlang: nb\n"
               "themes: [samskaping]\ndate: 2022-03-01\n---\nDistriktskommunane og reiselivsbedriftene.\n";
    }
    Index::build(content.string(), t.db);
    Index::build(content.string(), fresh);
    auto rows = [](const std::string& path) {
        search::Db db(path, search::Db::kReadOnly);
        std::vector<std::pair<std::string, std::string>> out;
        search::Stmt st(db, "SELECT word, term FROM lexicon ORDER BY word");
        while (st.step()) out.emplace_back(st.text(0), st.text(1));
        return std::make_pair(out, search::get_meta(db, "lexicon"));
    };
    auto a = rows(t.db), b = rows(fresh);
    CHECK(a.first.size() == b.first.size());
    CHECK(a.first == b.first);
    CHECK(a.second == b.second);
    CHECK(a.first.size() > before.size());  // the new words and their forms
}

TEST_CASE("a few changed files are written into the index in place, a new index in a copy") {
    TempDb t;
    fs::path content = fs::path(t.dir) / "content";
    fs::copy(kFixture, content, fs::copy_options::recursive);
    auto first = Index::build(content.string(), t.db);
    CHECK_FALSE(first.in_place);
    struct stat before {};
    ::stat(t.db.c_str(), &before);
    {
        std::ofstream out(content / "findings" / "ny.md");
        out << "---\ntitle: Fjordbrukslandskapet\nsummary: Kort.\nlang: nb\nthemes: [samskaping]\ndate: 2022-03-01\n---\n"
               "Fjordbrukslandskapet bak kaia.\n";
    }
    auto second = Index::build(content.string(), t.db);
    CHECK(second.in_place);
    CHECK(second.indexed == 1);
    struct stat after {};
    ::stat(t.db.c_str(), &after);
    CHECK(after.st_ino == before.st_ino);  // the same file, not a copy renamed over it
    // Nothing changed since: nothing is written.
    auto third = Index::build(content.string(), t.db);
    CHECK(third.indexed == 0);
    CHECK(third.unchanged == second.unchanged + 1);
    struct stat again {};
    ::stat(t.db.c_str(), &again);
    CHECK(again.st_mtim.tv_sec == after.st_mtim.tv_sec);
    CHECK(again.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
    CHECK_FALSE(fs::exists(t.db + "-journal"));
    auto idx = Index::open(t.db);
    CHECK(ids(*idx, "fjordbrukslandskapet") == std::vector<std::string>{"ny"});
    // The same content built from nothing answers the same.
    std::string fresh = t.dir + "/fresh.sqlite";
    Index::build(content.string(), fresh);
    auto other = Index::open(fresh);
    for (const char* q : {"fjordbrukslandskapet", "kommune", "innbyggerne"}) CHECK(ids(*idx, q) == ids(*other, q));
}

TEST_CASE("a build killed inside its transaction leaves the old index, rolled back by the next reader") {
    TempDb t;
    fs::path content = fs::path(t.dir) / "content";
    fs::copy(kFixture, content, fs::copy_options::recursive);
    Index::build(content.string(), t.db);
    std::vector<std::string> want;
    {
        auto idx = Index::open(t.db);
        want = ids(*idx, "kommune");
    }
    REQUIRE_FALSE(want.empty());
    // A writer that changes most of the file, spilling pages into it, and dies uncommitted.
    pid_t child = ::fork();
    if (child == 0) {
        search::Db db(t.db, search::Db::kReadWrite);
        db.exec("PRAGMA cache_size=2; BEGIN IMMEDIATE; DELETE FROM entries; DELETE FROM facets;"
                "INSERT INTO meta(key, value) VALUES('junk', zeroblob(200000));");
        ::_exit(0);  // no commit, no close: the journal stays hot
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(fs::exists(t.db + "-journal"));
    CHECK(Index::staleness(content.string(), t.db).empty());  // a reader rolls it back
    auto idx = Index::open(t.db);
    CHECK(ids(*idx, "kommune") == want);
    search::Db db(t.db, search::Db::kReadOnly);
    search::Stmt st(db, "PRAGMA integrity_check");
    REQUIRE(st.step());
    CHECK(st.text(0) == "ok");
}

TEST_CASE("an index opened before a build wrote into it knows it is stale", "[index]") {
    TempDb t;
    fs::path content = fs::path(t.dir) / "content";
    fs::copy(kFixture, content, fs::copy_options::recursive);
    Index::build(content.string(), t.db);
    auto before = Index::open(t.db);
    CHECK_FALSE(before->stale());
    {
        std::ofstream out(content / "findings" / "ny.md");
        out << "---\ntitle: Tindesølvet\nsummary: Kort.\nlang: nb\nthemes: [samskaping]\ndate: 2022-03-01\n---\n"
               "Tindesølvet i kommunen.\n";
    }
    REQUIRE(Index::build(content.string(), t.db).in_place);
    CHECK(before->stale());  // its cached rows predate the new one
    CHECK(ids(*Index::open(t.db), "tindesølvet") == std::vector<std::string>{"ny"});
    // A rebuilt index is another file.
    auto again = Index::open(t.db);
    CHECK_FALSE(again->stale());
    fs::remove(t.db);
    Index::build(content.string(), t.db);
    CHECK(again->stale());
}

TEST_CASE("a build that meets another program writing the index fails, and builds nothing beside it", "[index]") {
    TempDb t;
    fs::path content = fs::path(t.dir) / "content";
    fs::copy(kFixture, content, fs::copy_options::recursive);
    Index::build(content.string(), t.db);
    {
        std::ofstream out(content / "findings" / "ny.md");
        out << "---\ntitle: Tindesølvet\nsummary: Kort.\nlang: nb\nthemes: [samskaping]\ndate: 2022-03-01\n---\nTekst.\n";
    }
    struct stat before {};
    ::stat(t.db.c_str(), &before);
    {
        search::Db other(t.db, search::Db::kReadWrite);
        other.exec("BEGIN IMMEDIATE");  // held past the build's wait (5 s)
        CHECK_THROWS_WITH(Index::build(content.string(), t.db), Catch::Contains("another program"));
        other.exec("ROLLBACK");
    }
    struct stat after {};
    ::stat(t.db.c_str(), &after);
    CHECK(after.st_ino == before.st_ino);  // not rebuilt in a copy and renamed over it
    auto s = Index::build(content.string(), t.db);
    CHECK(s.in_place);
    CHECK(s.indexed == 1);
}
