// The dictionaries' headwords: read from the .dic files, or from the cache that reading
// them left, with the same forms either way.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "search/paradigm.hpp"

namespace fs = std::filesystem;
using playmaker::search::Paradigms;
using playmaker::search::set_headword_cache;

namespace {

const char* const kHeads[] = {"kommune", "innbygger", "gård", "samarbeid", "bygd", "næring", "finnesikkeiordboka"};

std::vector<std::vector<std::string>> all_forms(const Paradigms& p) {
    std::vector<std::vector<std::string>> out;
    for (const char* h : kHeads) out.push_back(p.forms(h));
    return out;
}

}  // namespace

TEST_CASE("headwords read from their cache give the forms the dictionaries give", "[paradigm]") {
    fs::path dir = fs::temp_directory_path() / ("pm-headwords-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    for (const char* d : {"a", "b", "c"}) fs::create_directories(dir / d);
    set_headword_cache("");
    const auto want = all_forms(Paradigms());
    REQUIRE(want[0].size() > 3);  // kommune, kommunen, kommuner, kommunene …
    CHECK(want.back().empty());

    set_headword_cache((dir / "a").string());  // parsed, sorted, and written to the cache
    CHECK(all_forms(Paradigms()) == want);
    REQUIRE(fs::exists(dir / "a" / "headwords.cache"));
    std::string bytes;
    {
        std::ifstream in(dir / "a" / "headwords.cache", std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }

    // (No SECTIONs: the headwords are kept per process and folder, so each step has its own.)
    // A copy of the cache is read, not the dictionaries.
    fs::copy_file(dir / "a" / "headwords.cache", dir / "b" / "headwords.cache");
    auto before = fs::last_write_time(dir / "b" / "headwords.cache");
    set_headword_cache((dir / "b").string());
    CHECK(all_forms(Paradigms()) == want);
    CHECK(fs::last_write_time(dir / "b" / "headwords.cache") == before);  // not written again

    // A damaged cache is read as none, and written anew.
    std::string bad = bytes;
    std::size_t at = bad.find("kommune/");
    REQUIRE(at != std::string::npos);
    bad[at] = 'z';  // the words are no longer sorted
    std::ofstream(dir / "c" / "headwords.cache", std::ios::binary) << bad;
    set_headword_cache((dir / "c").string());
    CHECK(all_forms(Paradigms()) == want);
    std::ifstream in(dir / "c" / "headwords.cache", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == bytes);
    set_headword_cache("");
    fs::remove_all(dir);
}
