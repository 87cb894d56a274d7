#include <catch2/catch.hpp>

#include "search/query.hpp"

using namespace playmaker::search;

TEST_CASE("words are all required, quoted for MATCH") {
    auto q = parse_query("kommune rolle");
    REQUIRE(q.required.size() == 2);
    CHECK(match_expression(q) == "\"kommune\" AND \"rolle\"");
}

TEST_CASE("phrases, exclusion, OR and prefix") {
    auto q = parse_query("\"inn på tunet\" -demens gård OR bruk sentralis*");
    REQUIRE(q.required.size() == 3);
    CHECK(q.required[0][0].phrase);
    CHECK(q.required[1].size() == 2);
    CHECK(q.required[2][0].prefix);
    REQUIRE(q.excluded.size() == 1);
    CHECK(match_expression(q) == "(\"inn på tunet\" AND (\"gård\" OR \"bruk\") AND \"sentralis\" *) NOT (\"demens\")");
}

TEST_CASE("facet filters, with the Norwegian names") {
    auto q = parse_query("kind:case theme:samskaping kommune:Steinkjer fylke:trøndelag year:2019 municipality:\"Nord-Fron\"");
    CHECK(q.required.empty());
    REQUIRE(q.filters.size() == 6);
    CHECK(q.filters[2] == std::make_pair(std::string("municipality"), std::string("Steinkjer")));
    CHECK(q.filters[3].first == "county");
    CHECK(q.filters[5].second == "Nord-Fron");
}

TEST_CASE("FTS5 syntax in user text is inert") {
    for (const char* s : {"NEAR(a b)", "col:x", "'; DROP TABLE docs", "a AND NOT b", "sør-trøndelag", "\"x\"\"y"}) {
        auto m = match_expression(parse_query(s));
        // Every term is a quoted string: outside quotes only AND/OR/NOT, parentheses and *.
        bool in = false;
        std::string outside;
        for (char c : m) {
            if (c == '"') in = !in;
            else if (!in) outside += c;
        }
        CHECK(!in);
        for (char c : outside) CHECK(std::string(" ()*ANDORT").find(c) != std::string::npos);
    }
}

TEST_CASE("unparseable syntax is read as plain words") {
    CHECK(parse_query("\"unbalanced quote").required.size() == 2);
    CHECK(parse_query("OR").required.empty());
    CHECK(parse_query("- * ( )").required.empty());
    CHECK(parse_query("col:x").filters.empty());
    CHECK(parse_query("kind:").filters.empty());
}

TEST_CASE("a huge query is cut to the first terms") {
    std::string big;
    for (int i = 0; i < 5000; ++i) big += "ord ";
    CHECK(parse_query(big).required.size() == kMaxTerms);
}
