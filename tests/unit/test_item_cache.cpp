// The parsed-item cache: what comes out is what went in, field for field.
#include <catch2/catch.hpp>

#include "playmaker/corpus.hpp"
#include "playmaker/item_cache.hpp"

using namespace playmaker;

TEST_CASE("a cached item equals the parsed one, page-estimate word counts included", "[cache]") {
    Diagnostics d;
    Item item;
    REQUIRE(parse_item("---\ntitle: Bolyst i Steinkjer\nsummary: Et kort sammendrag her.\nthemes: [samskaping]\n"
                       "date: 2019-03-01\n---\nTeksten [@stene2013, s. 12] og [[inn-pa-tunet]].\n",
                       "cases/bolyst.md", item, d));
    std::vector<Item> back;
    REQUIRE(ItemCache::decode(ItemCache::encode({item}), back));
    REQUIRE(back.size() == 1);
    const Item& b = back[0];
    CHECK(b.id == item.id);
    CHECK(b.title == item.title);
    CHECK(b.body_html == item.body_html);
    CHECK(b.hash == item.hash);
    CHECK(b.themes == item.themes);
    CHECK(b.citations.size() == 1);
    CHECK(b.citations[0].refs[0].locator == "s. 12");
    CHECK(b.links.size() == 1);
    CHECK(b.where("themes.0").line == item.where("themes.0").line);
    CHECK(item.words > 0);
    CHECK(b.words == item.words);
    CHECK(b.summary_words == item.summary_words);
}

TEST_CASE("a cache of another format reads as empty", "[cache]") {
    std::vector<Item> out;
    CHECK_FALSE(ItemCache::decode("playmaker-item-cache 1\n\x01\x02", out));
    CHECK_FALSE(ItemCache::decode("", out));
}
