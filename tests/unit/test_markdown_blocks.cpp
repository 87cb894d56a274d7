// markdown_blocks(): the Markdown a docx writer lays out, as blocks of styled spans.
#include <catch2/catch.hpp>

#include "playmaker/markdown_blocks.hpp"

using namespace playmaker;

namespace {

MdSpan span(const std::string& text, bool italic = false, bool bold = false, const std::string& link = "") {
    MdSpan s;
    s.text = text;
    s.italic = italic;
    s.bold = bold;
    s.link = link;
    return s;
}

}  // namespace

TEST_CASE("a paragraph keeps emphasis, strong and links as spans") {
    auto b = markdown_blocks("Hei *du*, se **dette** og [Blåbær](https://x.no/blåbær).");
    REQUIRE(b.size() == 1);
    CHECK(b[0].kind == MdBlockKind::paragraph);
    REQUIRE(b[0].spans.size() == 7);
    CHECK(b[0].spans[0] == span("Hei "));
    CHECK(b[0].spans[1] == span("du", true));
    CHECK(b[0].spans[3] == span("dette", false, true));
    CHECK(b[0].spans[5] == span("Blåbær", false, false, "https://x.no/blåbær"));
    CHECK(b[0].spans[6] == span("."));
}

TEST_CASE("soft line breaks become spaces and merge with the text around them") {
    auto b = markdown_blocks("første linje\nandre linje");
    REQUIRE(b.size() == 1);
    REQUIRE(b[0].spans.size() == 1);
    CHECK(b[0].spans[0].text == "første linje andre linje");
}

TEST_CASE("headings carry their level") {
    auto b = markdown_blocks("# En\n\n### Tre\n\nTekst");
    REQUIRE(b.size() == 3);
    CHECK((b[0].kind == MdBlockKind::heading && b[0].level == 1 && b[0].spans[0].text == "En"));
    CHECK((b[1].kind == MdBlockKind::heading && b[1].level == 3));
    CHECK(b[2].kind == MdBlockKind::paragraph);
}

TEST_CASE("lists are flattened into items with depth and numbers") {
    auto b = markdown_blocks("- a\n- b\n  - b1\n\n  mer om b\n\n3. tre\n4. fire\n");
    REQUIRE(b.size() == 6);
    CHECK((b[0].kind == MdBlockKind::bullet_item && b[0].depth == 1));
    CHECK((b[1].kind == MdBlockKind::bullet_item && b[1].depth == 1));
    CHECK((b[2].kind == MdBlockKind::bullet_item && b[2].depth == 2 && b[2].spans[0].text == "b1"));
    CHECK((b[3].kind == MdBlockKind::paragraph && b[3].depth == 1 && b[3].spans[0].text == "mer om b"));
    CHECK((b[4].kind == MdBlockKind::ordered_item && b[4].number == 3));
    CHECK((b[5].kind == MdBlockKind::ordered_item && b[5].number == 4));
}

TEST_CASE("code, quotes and rules") {
    auto b = markdown_blocks("> sitat\n\n```\nlinje 1\nlinje 2\n```\n\n---\n\nbruk `kode` her");
    REQUIRE(b.size() == 4);
    CHECK((b[0].kind == MdBlockKind::paragraph && b[0].quote == 1));
    CHECK((b[1].kind == MdBlockKind::code_block && b[1].spans[0].text == "linje 1\nlinje 2"));
    CHECK(b[2].kind == MdBlockKind::rule);
    REQUIRE(b[3].spans.size() == 3);
    CHECK(b[3].spans[1].code);
}

TEST_CASE("raw HTML is dropped and javascript: links lose their target, as in the HTML") {
    auto b = markdown_blocks("før <b>fet</b> etter [klikk](javascript:alert(1))\n\n<div>blokk</div>\n");
    REQUIRE(b.size() == 1);
    std::string all;
    for (const auto& s : b[0].spans) {
        all += s.text;
        CHECK(s.link.empty());
    }
    CHECK(all == "før fet etter klikk");
}

TEST_CASE("a hard line break is a span of its own") {
    auto b = markdown_blocks("en  \nto");
    REQUIRE(b.size() == 1);
    REQUIRE(b[0].spans.size() == 3);
    CHECK(b[0].spans[1].line_break);
}

TEST_CASE("empty and odd input gives no blocks and no crash") {
    CHECK(markdown_blocks("").empty());
    CHECK(markdown_blocks("\n\n").empty());
    auto b = markdown_blocks("- \n- - x\n");
    CHECK(!b.empty());
}
