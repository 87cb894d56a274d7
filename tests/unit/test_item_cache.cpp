// The parsed-item cache: what comes out is what went in, field for field.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>

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

TEST_CASE("an unchanged stamp finds the item without reading it, unless it is too recent to trust", "[cache]") {
    namespace fs = std::filesystem;
    Diagnostics d;
    Item item;
    REQUIRE(parse_item("---\ntitle: Bolyst\nsummary: Kort.\n---\nTekst.\n", "cases/bolyst.md", item, d));
    fs::path file = fs::temp_directory_path() / ("pm-cache-" + std::to_string(::getpid()) + ".items");
    const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    FileStamp old_stamp{120, 1'000'000'000}, fresh_stamp{120, now};
    const Diagnostics clean;
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", old_stamp}}, now);
    {
        ItemCache cache(file.string());
        CHECK(cache.find("cases/bolyst.md", old_stamp) != nullptr);
        CHECK(cache.find("cases/bolyst.md", FileStamp{121, old_stamp.mtime}) == nullptr);
        CHECK(cache.find("cases/bolyst.md", FileStamp{120, old_stamp.mtime + 1}) == nullptr);
        CHECK(cache.find("cases/other.md", old_stamp) == nullptr);
        CHECK(cache.find("cases/bolyst.md", item.hash) != nullptr);
    }
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", fresh_stamp}}, now);
    {
        ItemCache cache(file.string());
        CHECK(cache.find("cases/bolyst.md", fresh_stamp) == nullptr);  // changed twice in one tick?
        CHECK(cache.find("cases/bolyst.md", item.hash) != nullptr);
        CHECK_FALSE(cache.worth_saving(0, 0));
        CHECK_FALSE(cache.worth_saving(1, 0));
        CHECK(cache.worth_saving(20, 0));
    }
    // What counts is when the load that stamped the file began, not when the cache was
    // written (seconds later, while the pages render).
    FileStamp near{120, now - 1'500'000'000}, far{120, now - 3'000'000'000};
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", near}}, now);
    CHECK(ItemCache(file.string()).find("cases/bolyst.md", near) == nullptr);
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", far}}, now);
    CHECK(ItemCache(file.string()).find("cases/bolyst.md", far) != nullptr);
    CHECK(ItemCache().worth_saving(1, 0));  // an empty cache is always worth writing
    fs::remove(file);
}
