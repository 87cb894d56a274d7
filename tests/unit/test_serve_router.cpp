// The server's routing as a pure function: what each request target means, and which
// hostile ones are refused before any handler or file system is touched.
#include <catch2/catch.hpp>

#include "serve/router.hpp"
#include "serve/url.hpp"

using namespace playmaker::serve;

namespace {

Routed get(const std::string& uri, const std::string& base = "") { return route({"GET", uri, false}, base); }

int status(const Routed& r) { return r.route ? 200 : r.error.status; }

}  // namespace

TEST_CASE("percent-decoding is strict: bad escapes, NUL and invalid UTF-8 are refused") {
    CHECK(percent_decode("gr%C3%BCnder", false) == "gründer");
    CHECK(percent_decode("a+b", true) == "a b");
    CHECK(percent_decode("a+b", false) == "a+b");
    CHECK_FALSE(percent_decode("%", false));
    CHECK_FALSE(percent_decode("%4", false));
    CHECK_FALSE(percent_decode("%zz", false));
    CHECK_FALSE(percent_decode("a%00b", false));
    CHECK_FALSE(percent_decode("%FF", false));
    CHECK_FALSE(percent_decode("%c0%ae", false));  // overlong '.'
    CHECK(percent_encode("sør trøndelag&x=1") == "s%C3%B8r%20tr%C3%B8ndelag%26x%3D1");
}

TEST_CASE("query strings keep repeated names and refuse too many parameters") {
    auto p = parse_query("q=a+b&kind=case&kind=finding&&empty=");
    REQUIRE(p);
    CHECK(first(*p, "q") == "a b");
    CHECK(all(*p, "kind") == std::vector<std::string>{"case", "finding"});
    CHECK(first(*p, "empty") == "");
    std::string many;
    for (int i = 0; i <= static_cast<int>(kMaxParams); ++i) many += "p" + std::to_string(i) + "=1&";
    CHECK_FALSE(parse_query(many));
}

TEST_CASE("every endpoint routes, under a base path too") {
    CHECK(get("/").route->endpoint == Endpoint::SearchPage);
    CHECK(get("/?q=x").route->endpoint == Endpoint::SearchPage);
    CHECK(get("/items/steinkjer-bolystteam").route->arg == "steinkjer-bolystteam");
    CHECK(get("/literature").route->endpoint == Endpoint::LiteraturePage);
    CHECK(get("/notes?municipality=5006").route->endpoint == Endpoint::NotesPage);
    CHECK(get("/assets/css/site.css").route->arg == "css/site.css");
    CHECK(get("/api/search?q=gr%C3%BCnder").route->params.find("q")->second == "gründer");
    CHECK(get("/api/items/x").route->endpoint == Endpoint::ApiItem);
    CHECK(get("/api/notes/R%C3%B8yrvik").route->arg == "Røyrvik");
    CHECK(get("/api/municipalities").route->endpoint == Endpoint::ApiMunicipalities);
    CHECK(get("/api/openapi.json").route->endpoint == Endpoint::ApiOpenApi);
    CHECK(get("/healthz").route->endpoint == Endpoint::Healthz);
    CHECK(get("/kb/healthz", "/kb").route->endpoint == Endpoint::Healthz);
    CHECK(get("/kb/", "/kb").route->endpoint == Endpoint::SearchPage);
    CHECK(status(get("/kb", "/kb")) == 308);
    CHECK(*get("/kb?q=x", "/kb").error.header("Location") == "/kb/?q=x");
    CHECK(status(get("/healthz", "/kb")) == 404);
    CHECK(status(get("/kbx/healthz", "/kb")) == 404);
    CHECK(status(get("/nope")) == 404);
    CHECK(status(get("/api/items")) == 404);
    CHECK(get("/healthz", "").route->head == false);
    CHECK(route({"HEAD", "/healthz", false}, "").route->head);
}

TEST_CASE("methods other than GET and HEAD are 405, bodies 413") {
    for (const char* m : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get"}) {
        Routed r = route({m, "/healthz", false}, "");
        CHECK(status(r) == 405);
        CHECK(*r.error.header("Allow") == "GET, HEAD");
    }
    CHECK(status(route({"GET", "/healthz", true}, "")) == 413);
    CHECK(route({"GET", "/healthz", true}, "").error.close);
}

TEST_CASE("long targets and queries are 414; a q of 2,048 bytes is still answered") {
    CHECK(status(get("/api/search?q=" + std::string(kMaxQuery, 'a'))) == 200);
    CHECK(status(get("/api/search?q=" + std::string(kMaxQuery + 1, 'a'))) == 414);
    CHECK(status(get("/api/search?x=" + std::string(kMaxUri, 'a'))) == 414);
}

TEST_CASE("traversal and smuggled separators never reach a handler") {
    for (const char* uri : {"/assets/../etc/passwd", "/assets/%2e%2e/etc/passwd", "/assets/..%2fetc%2fpasswd",
                            "/assets/%2E%2E%2F%2E%2E%2Fetc", "/assets/..%5cetc", "/assets/a%00.css", "/assets/./x",
                            "/assets//etc/passwd", "/items/%2e%2e", "/items/a%2fb", "/%2e%2e/x", "/..", "/assets/%",
                            "/assets/%zz", "/assets/%c0%ae%c0%ae/x", "*", "http://evil/healthz", ""}) {
        INFO(uri);
        CHECK(status(get(uri)) == 400);
    }
}

TEST_CASE("a base path is a plain prefix without dot segments or a trailing slash") {
    CHECK(valid_base_path(""));
    CHECK(valid_base_path("/kb"));
    CHECK(valid_base_path("/a/b-c_d.e~f"));
    CHECK_FALSE(valid_base_path("/"));
    CHECK_FALSE(valid_base_path("kb"));
    CHECK_FALSE(valid_base_path("/kb/"));
    CHECK_FALSE(valid_base_path("/a/../b"));
    CHECK_FALSE(valid_base_path("/a//b"));
    CHECK_FALSE(valid_base_path("/a b"));
    CHECK_FALSE(valid_base_path("/a%2e"));
}
