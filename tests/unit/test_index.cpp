#include <catch2/catch.hpp>

#include <filesystem>

#include "playmaker/index.hpp"

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
