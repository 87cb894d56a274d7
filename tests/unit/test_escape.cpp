// Escaping for HTML, Markdown and URL paths (playmaker/escape.hpp).
#include <catch2/catch.hpp>

#include "playmaker/escape.hpp"

using namespace playmaker;

TEST_CASE("HTML escaping makes markup and attribute quotes inert", "[escape]") {
    CHECK(html_escape("<script>a&b</script>") == "&lt;script&gt;a&amp;b&lt;/script&gt;");
    CHECK(html_escape("\"x\" 'y'") == "&quot;x&quot; &#39;y&#39;");
    CHECK(html_escape("blåbær") == "blåbær");
}

TEST_CASE("Markdown escaping keeps text as written", "[escape]") {
    CHECK(markdown_escape("*Inn på tunet* [1] #2 a_b") == "\\*Inn på tunet\\* \\[1\\] \\#2 a\\_b");
    CHECK(markdown_escape("<b>|!`\\") == "\\<b\\>\\|\\!\\`\\\\");
    CHECK(markdown_escape("vanlig tekst") == "vanlig tekst");
}

TEST_CASE("URL paths keep unreserved ASCII and slashes, and encode the rest", "[escape]") {
    CHECK(url_escape_path("cases/inn-pa-tunet.html") == "cases/inn-pa-tunet.html");
    CHECK(url_escape_path("/tmp/a b/ø.html") == "/tmp/a%20b/%C3%B8.html");
    CHECK(url_escape_path("q?x=1&y#z") == "q%3Fx%3D1%26y%23z");
}
