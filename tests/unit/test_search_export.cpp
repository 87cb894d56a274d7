#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <map>

#include "playmaker/analysis.hpp"
#include "playmaker/index.hpp"
#include "playmaker/search_export.hpp"

namespace fs = std::filesystem;
using namespace playmaker;

TEST_CASE("json_quote makes text inert in HTML and JavaScript", "[export]") {
    CHECK(json_quote("a<b>&\"c\"\\") == "\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\\\\"");
    CHECK(json_quote("x\xE2\x80\xA8y\n\x01") == "\"x\\u2028y\\n\\u0001\"");
    CHECK(json_quote("blåbær") == "\"blåbær\"");
}

TEST_CASE("the lexicon exports only what Snowball alone would get wrong", "[export]") {
    Analyzer a;
    auto lex = lexicon_exceptions({"innbyggjarane", "kommunene", "xyzzy"});
    for (const auto& [w, t] : lex) CHECK(t != a.snowball_term(w, Analyzer::kNorwegian));
    CHECK(lex.count("xyzzy") == 0);
    CHECK(a.snowball_term("kommunene", Analyzer::kNorwegian) == a.query_terms("kommunene", Analyzer::kNorwegian)[0]);
}

TEST_CASE("the export holds every term, the lexicon, the facets and a file per document", "[export]") {
    std::string dir = (fs::temp_directory_path() / ("pm-export-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);
    std::string db = dir + "/index.sqlite";
    Index::build(std::string(PLAYMAKER_FIXTURES) + "/search/content", db);
    std::map<std::string, std::string> files;
    SearchExportOptions opt;
    opt.write = [&](const std::string& rel, std::string_view bytes) { files[rel] = std::string(bytes); };
    opt.href = [](const std::string& id, const std::string&) { return "x/" + id + ".html"; };
    SearchExportStats st = export_search(db, opt);
    CHECK(st.files == files.size());
    REQUIRE(files.count("meta.json"));
    REQUIRE(files.count("table.json"));
    CHECK(files.count("t/0.json"));
    CHECK(files.count("p/0.json"));
    CHECK(files.count("l/0.json"));
    CHECK(files.count("d/0.json"));
    CHECK(files["meta.json"].find("\"weights\":[10,4,1,3]") != std::string::npos);
    // innbyggere is not in the fixture, but it is a form of a lemma that is (innbyggjarane).
    CHECK(files["l/0.json"].find("\"innbyggere\":") != std::string::npos);
    for (const auto& [rel, bytes] : files) CHECK(bytes.find_first_of("<>&") == std::string::npos);
    fs::remove_all(dir);
}
