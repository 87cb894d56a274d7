// The parsed-item cache: what comes out is what went in, field for field.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

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
    CHECK(b.body_html() == item.body_html());
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
        CHECK(cache.has("cases/bolyst.md", old_stamp));
        CHECK_FALSE(cache.has("cases/bolyst.md", FileStamp{121, old_stamp.mtime}));
        CHECK_FALSE(cache.has("cases/bolyst.md", FileStamp{120, old_stamp.mtime + 1}));
        CHECK_FALSE(cache.has("cases/other.md", old_stamp));
        CHECK(cache.has("cases/bolyst.md", item.hash));
    }
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", fresh_stamp}}, now);
    {
        ItemCache cache(file.string());
        CHECK_FALSE(cache.has("cases/bolyst.md", fresh_stamp));  // changed twice in one tick?
        CHECK(cache.has("cases/bolyst.md", item.hash));
        CHECK_FALSE(cache.worth_saving(0, 0));
        CHECK_FALSE(cache.worth_saving(1, 0));
        CHECK(cache.worth_saving(20, 0));
    }
    // What counts is when the load that stamped the file began, not when the cache was
    // written (seconds later, while the pages render).
    FileStamp near{120, now - 1'500'000'000}, far{120, now - 3'000'000'000};
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", near}}, now);
    CHECK_FALSE(ItemCache(file.string()).has("cases/bolyst.md", near));
    ItemCache(file.string()).save({item}, clean, {{"cases/bolyst.md", far}}, now);
    CHECK(ItemCache(file.string()).has("cases/bolyst.md", far));
    CHECK(ItemCache().worth_saving(1, 0));  // an empty cache is always worth writing
    fs::remove(file);
}

TEST_CASE("items are decoded when taken: once each, and a damaged record only loses its own item", "[cache]") {
    namespace fs = std::filesystem;
    Diagnostics d;
    Item a, b;
    REQUIRE(parse_item("---\ntitle: Alfa\nsummary: Kort.\n---\nAAAAAAAAAAAAAAAAAAAAAAAA.\n", "cases/alfa.md", a, d));
    REQUIRE(parse_item("---\ntitle: Beta\nsummary: Kort.\n---\nBBBBBBBBBBBBBBBBBBBBBBBB.\n", "cases/beta.md", b, d));
    fs::path file = fs::temp_directory_path() / ("pm-cache-take-" + std::to_string(::getpid()) + ".items");
    const Diagnostics clean;
    ItemCache(file.string()).save({a, b}, clean);
    {
        ItemCache cache(file.string());
        CHECK(cache.size() == 2);
        Item out;
        REQUIRE(cache.take("cases/beta.md", b.hash, out));
        CHECK(out.title == "Beta");
        CHECK(out.body == b.body);
        CHECK_FALSE(cache.has("cases/beta.md", b.hash));  // spent
        CHECK_FALSE(cache.take("cases/beta.md", b.hash, out));
        CHECK_FALSE(cache.take("cases/alfa.md", b.hash, out));  // another file's bytes
    }
    // Damage alfa's record (the length of its title), not the table: alfa is parsed again,
    // beta still comes from the cache.
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto at = bytes.find("Alfa");
    REQUIRE(at != std::string::npos);
    REQUIRE(at >= 8);
    REQUIRE(bytes[at - 8] == 4);
    std::string cut = bytes;
    cut[at - 8] = 9;  // the title now runs into what follows
    {
        std::ofstream o(file, std::ios::binary | std::ios::trunc);
        o << cut;
    }
    {
        ItemCache cache(file.string());
        Item out;
        CHECK_FALSE(cache.take("cases/alfa.md", a.hash, out));
        REQUIRE(cache.take("cases/beta.md", b.hash, out));
        CHECK(out.title == "Beta");
    }
    std::vector<Item> all;
    CHECK_FALSE(ItemCache::decode(cut, all));
    CHECK(all.empty());
    fs::remove(file);
}
