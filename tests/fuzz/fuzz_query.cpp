// Fuzz target: a search query — the parser, the MATCH expression, the analysis, and a
// real search on a small index built once from tests/fixtures/search.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "playmaker/analysis.hpp"
#include "playmaker/index.hpp"
#include "search/query.hpp"
#include "util/utf8.hpp"

namespace {

playmaker::Index& index() {
    static std::unique_ptr<playmaker::Index> idx = [] {
        std::string content = std::string(PLAYMAKER_FIXTURES) + "/search/content";
        std::string db = (std::filesystem::temp_directory_path() / ("pm-fuzz-query-" + std::to_string(::getpid()) + ".sqlite")).string();
        playmaker::Index::build(content, db);
        auto opened = playmaker::Index::open(db);
        std::filesystem::remove(db);
        return opened;
    }();
    return *idx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    (void)playmaker::split_words(text);
    if (!playmaker::utf8::valid(text)) {
        try {
            playmaker::SearchQuery q;
            q.text = text;
            index().search(q);
            std::abort();  // invalid UTF-8 must be refused
        } catch (const std::invalid_argument&) {
        }
        return 0;
    }
    auto parsed = playmaker::search::parse_query(text);
    (void)playmaker::search::match_expression(parsed);
    (void)playmaker::search::exclusion_expression(parsed);
    playmaker::SearchQuery q;
    q.text = text;
    q.limit = 5;
    (void)index().search(q);  // must never throw for valid UTF-8
    return 0;
}
