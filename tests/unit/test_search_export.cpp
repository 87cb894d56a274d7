#include <catch2/catch.hpp>

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "playmaker/analysis.hpp"
#include "playmaker/index.hpp"
#include "playmaker/search_export.hpp"
#include "search/db.hpp"
#include "util/binary.hpp"
#include "search/fts_tokenizer.hpp"

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
    CHECK(a.snowball_term("kommunene", Analyzer::kNorwegian) == a.word_terms("kommunene", "nb").term);
}

TEST_CASE("the export holds every term, the lexicon, the facets and a file per document", "[export]") {
    std::string dir = (fs::temp_directory_path() / ("pm-export-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);
    std::string db = dir + "/index.sqlite";
    Index::build(std::string(PLAYMAKER_FIXTURES) + "/search/content", db);
    std::map<std::string, std::string> files;
    SearchExportOptions opt;
    opt.write = [&](const std::string& rel, std::string_view bytes, const std::string&) { files[rel] = std::string(bytes); };
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

namespace {

// Every file of an export, the chunked ones merged: "t" → term → postings, and so on, so
// exports cut into other chunks compare equal when they hold the same data.
std::map<std::string, std::string> merged(const std::map<std::string, std::string>& files) {
    std::map<std::string, std::string> out;
    for (const auto& [rel, bytes] : files) {
        char kind = rel[0];
        if (rel.size() > 2 && rel[1] == '/' && (kind == 't' || kind == 'p' || kind == 'l')) {
            // {"term":"…","term":"…"}: entries split at the quotes (JSON-quoted, so no raw ")
            std::size_t i = 1;
            while (i < bytes.size() && bytes[i] == '"') {
                std::size_t k_end = bytes.find("\":", i + 1);
                std::size_t v_end = bytes.find('"', k_end + 3);
                out[std::string(1, kind) + ":" + bytes.substr(i + 1, k_end - i - 1)] = bytes.substr(k_end + 3, v_end - k_end - 3);
                i = v_end + 2;
            }
        } else if (rel != "meta.json") {
            out[rel] = bytes;
        }
    }
    return out;
}

struct Exported {
    std::map<std::string, std::string> files;
    SearchExportStats stats;
};

Exported run_export(const std::string& db, const std::string& state) {
    Exported e;
    SearchExportOptions opt;
    opt.write = [&](const std::string& rel, std::string_view bytes, const std::string&) { e.files[rel] = std::string(bytes); };
    opt.href = [](const std::string& id, const std::string&) { return "x/" + id + ".html"; };
    opt.state_file = state;
    e.stats = export_search(db, opt);
    return e;
}

}  // namespace

TEST_CASE("after an edit the export redoes only that document and equals a full export", "[export]") {
    fs::path dir = fs::temp_directory_path() / ("pm-export-inc-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(std::string(PLAYMAKER_FIXTURES) + "/search/content", dir / "content", fs::copy_options::recursive);
    std::string db = (dir / "index.sqlite").string(), state = (dir / "export.state").string();
    Index::build((dir / "content").string(), db);
    Exported first = run_export(db, state);
    CHECK_FALSE(first.stats.incremental);

    SECTION("nothing changed: every file is kept") {
        Exported again = run_export(db, state);
        CHECK(again.stats.incremental);
        CHECK(again.stats.changed == 0);
        CHECK(again.stats.lexicon_reused);
        CHECK(merged(again.files) == merged(first.files));
    }
    SECTION("one item edited: its body replaced, words added and removed") {
        fs::path item = dir / "content" / "findings" / "gardsbruk.md";
        std::string text;
        {
            std::ifstream in(item, std::ios::binary);
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        std::size_t body = text.find("---", 3);
        text = text.substr(0, body + 4) + "Fjordbrukslandskapet og tindesølvet er nye ord her.\n";
        { std::ofstream(item, std::ios::binary) << text; }
        Index::build((dir / "content").string(), db);
        Exported inc = run_export(db, state);
        CHECK(inc.stats.incremental);
        CHECK(inc.stats.changed == 1);
        CHECK_FALSE(inc.stats.lexicon_reused);
        Exported full = run_export(db, "");
        CHECK(merged(inc.files) == merged(full.files));
        bool new_term = false, old_term = false;
        for (const auto& [k, v] : merged(full.files)) new_term |= k.starts_with("t:tindesølv");
        for (const auto& [k, v] : merged(first.files)) old_term |= k.starts_with("t:tindesølv");
        CHECK(new_term);
        CHECK_FALSE(old_term);
    }
    SECTION("a damaged state is no state") {
        { std::ofstream(state, std::ios::binary) << "playmaker-export-state 3\ngarbage"; }
        Exported again = run_export(db, state);
        CHECK_FALSE(again.stats.incremental);
        CHECK(merged(again.files) == merged(first.files));
    }
    SECTION("postings damaged inside a well-formed state: the export starts over") {
        std::string bytes;
        {
            std::ifstream in(state, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        // The first term's postings as the chunk file holds them, found in the state.
        const std::string& chunk = first.files.at("t/0.json");
        std::size_t colon = chunk.find("\":\"");
        std::string postings = chunk.substr(colon + 3, chunk.find('"', colon + 3) - colon - 3);
        std::size_t at = bytes.find(postings);
        REQUIRE(at != std::string::npos);
        bytes[at] = '"';
        { std::ofstream(state, std::ios::binary) << bytes; }
        Exported again = run_export(db, state);
        CHECK_FALSE(again.stats.incremental);
        CHECK(merged(again.files) == merged(first.files));
    }
    SECTION("a state that cannot be written loses nothing of the export") {
        fs::remove(state);
        fs::create_directories(state);  // a folder where the file should go
        Exported again = run_export(db, state);
        CHECK(again.stats.warning.find("not saved") != std::string::npos);
        CHECK(merged(again.files) == merged(first.files));
    }
    fs::remove_all(dir);
}

namespace {

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A copy of the search fixtures plus `extra` small findings of their own words, so one
// document is a small part of the whole.
fs::path export_fixture(const std::string& name, int extra) {
    fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(std::string(PLAYMAKER_FIXTURES) + "/search/content", dir / "content", fs::copy_options::recursive);
    for (int i = 0; i < extra; ++i) {
        std::ofstream(dir / "content" / "findings" / ("funn-" + std::to_string(i) + ".md"), std::ios::binary)
            << "---\ntitle: Funn nummer " << i << "\nsummary: Om bygda og kommunen.\nlang: nb\n---\n"
            << "Kommunen i bygd" << i << " samarbeider med lag" << i << " og gårdbrukere om nærbutikken.\n";
    }
    return dir;
}

// Replaces the body of an item (everything after its front matter).
void set_body(const fs::path& item, const std::string& body) {
    std::string text = read_bytes(item);
    std::size_t end = text.find("---", 3);
    std::ofstream(item, std::ios::binary) << text.substr(0, end + 4) + body;
}

}  // namespace

TEST_CASE("successive incremental exports each equal a full export", "[export]") {
    fs::path dir = export_fixture("pm-export-steps", 40);
    fs::path content = dir / "content", findings = content / "findings";
    std::string db = (dir / "index.sqlite").string(), state = (dir / "export.state").string();
    Index::build(content.string(), db);
    CHECK_FALSE(run_export(db, state).stats.incremental);
    // Re-indexes, exports with the state and without, and holds the two equal.
    auto step = [&](bool incremental) {
        Index::build(content.string(), db);
        Exported inc = run_export(db, state);
        CHECK(inc.stats.incremental == incremental);
        CHECK(merged(inc.files) == merged(run_export(db, "").files));
    };
    std::string file = read_bytes(state);

    set_body(findings / "gardsbruk.md", "Fjordbrukslandskapet og tindesølvet er nye ord her.\n");
    step(true);
    set_body(findings / "funn-3.md", "Kommunen og tindesølvet, men ikke nærbutikken.\n");
    step(true);
    set_body(findings / "gardsbruk.md", "Bare gården igjen.\n");
    step(true);
    step(true);  // nothing changed: the chunks are kept, the changes not even applied
    CHECK(read_bytes(state) == file);  // only the delta was written
    CHECK(read_bytes(state + ".delta").size() < file.size() / 4);

    fs::remove(findings / "funn-7.md");
    step(false);  // a document removed: everything again, the state file anew
    std::ofstream(findings / "funn-nytt.md", std::ios::binary)
        << "---\ntitle: Et nytt funn\nsummary: Nytt.\nlang: nb\n---\nHavbruksfondet og bygda.\n";
    step(false);
    file = read_bytes(state);
    set_body(findings / "funn-nytt.md", "Havbruksfondet, igjen.\n");
    step(true);
    CHECK(read_bytes(state) == file);

    for (int i = 10; i < 30; ++i) {  // more than a quarter changed: the state file is written anew
        std::string body;
        for (int k = 0; k < 20; ++k) body += "endret" + std::to_string(i * 100 + k) + " om lag" + std::to_string(k) + " og kommunen. ";
        set_body(findings / ("funn-" + std::to_string(i) + ".md"), body + "\n");
    }
    step(true);
    CHECK(read_bytes(state) != file);
    file = read_bytes(state);
    set_body(findings / "funn-12.md", "Og så en gang til om nærbutikken.\n");
    step(true);
    step(true);
    CHECK(read_bytes(state) == file);
    fs::remove_all(dir);
}

namespace {

// The runs of base64 digits in `bytes` (where postings lie in a state file or a delta),
// longest first: (length, start).
std::vector<std::pair<std::size_t, std::size_t>> digit_runs(const std::string& bytes) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t i = 0, len = 0; i <= bytes.size(); ++i) {
        bool digit = i < bytes.size() &&
                     (std::isalnum(static_cast<unsigned char>(bytes[i])) || bytes[i] == '-' || bytes[i] == '_');
        if (digit) {
            ++len;
        } else {
            if (len > 0) runs.emplace_back(len, i - len);
            len = 0;
        }
    }
    std::sort(runs.rbegin(), runs.rend());
    return runs;
}

// A fixture of `extra` findings exported with a state, then one item's body replaced and
// exported again (incrementally): what the damage tests start from.
struct EditedExport {
    fs::path dir, content;
    std::string db, state;
    EditedExport(const std::string& name, int extra, const std::string& body)
        : dir(export_fixture(name, extra)), content(dir / "content"), db((dir / "index.sqlite").string()),
          state((dir / "export.state").string()) {
        Index::build(content.string(), db);
        run_export(db, state);
        set_body(content / "findings" / "gardsbruk.md", body);
        Index::build(content.string(), db);
        REQUIRE(run_export(db, state).stats.incremental);
    }
    ~EditedExport() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("a delta that is not its state file's, or is damaged, is no state", "[export]") {
    EditedExport e("pm-export-delta", 10, "Fjordbrukslandskapet og tindesølvet er nye ord her.\n");
    const std::string &db = e.db, &state = e.state;
    std::string delta = state + ".delta";
    std::string bytes = read_bytes(delta);
    Exported full = run_export(db, "");

    SECTION("a delta of another state file, even of the same size and content") {
        std::string file = read_bytes(state);
        file[file.find('\n') + 1] ^= 1;  // the stamp that follows the format's line
        std::ofstream(state, std::ios::binary) << file;
    }
    SECTION("a delta of a state file written anew") {
        fs::remove(state);
        run_export(db, state);
        std::ofstream(delta, std::ios::binary) << bytes;
    }
    SECTION("a truncated delta") {
        std::ofstream(delta, std::ios::binary) << bytes.substr(0, bytes.size() - 3);
    }
    SECTION("a delta whose postings hold a foreign character") {
        // The changed document's positions: the longest run of base64 digits.
        auto runs = digit_runs(bytes);
        REQUIRE(!runs.empty());
        REQUIRE(runs[0].first > 64);
        bytes[runs[0].second + runs[0].first / 2] = '"';
        std::ofstream(delta, std::ios::binary) << bytes;
    }
    SECTION("no delta") {
        fs::remove(delta);
    }
    Exported again = run_export(db, state);
    CHECK_FALSE(again.stats.incremental);
    CHECK(merged(again.files) == merged(full.files));
}

TEST_CASE("a state damaged where only a chunk made again reads it starts the export over", "[export]") {
    EditedExport e("pm-export-late-damage", 10, "Kommunen og kommunene, bygda og gårdbrukerne.\n");
    const std::string &db = e.db, &state = e.state;
    // The state file's postings and positions (its two long runs of base64 digits) become
    // digits that all say "more follows": still base64, so only a splice finds out. Nothing
    // changed since, and this export keeps no file (no reuse), so chunks are made again
    // from the state, the changed document spliced in first.
    std::string file = read_bytes(state);
    auto runs = digit_runs(file);
    REQUIRE(runs.size() >= 2);
    REQUIRE(runs[1].first > 200);
    SECTION("digits that do not parse") {
        for (int k = 0; k < 2; ++k) std::fill_n(file.begin() + static_cast<long>(runs[k].second), runs[k].first, 'z');
    }
    SECTION("a character that is no digit, which would reach a chunk file as it is") {
        // (The state is not scanned when it is read; a chunk made from it is.)
        for (int k = 0; k < 2; ++k) file[runs[k].second + runs[k].first / 2] = '"';
    }
    std::ofstream(state, std::ios::binary) << file;
    Exported again;
    REQUIRE_NOTHROW(again = run_export(db, state));
    CHECK_FALSE(again.stats.incremental);
    CHECK(merged(again.files) == merged(run_export(db, "").files));
}

namespace {

// The export's varints (search_export.hpp), decoded independently of the exporter.
std::vector<unsigned long long> varints(const std::string& s) {
    static const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::vector<unsigned long long> out;
    unsigned long long n = 0;
    int shift = 0;
    for (char c : s) {
        auto d = static_cast<unsigned long long>(digits.find(c));
        n |= (d & 31) << shift;
        shift += 5;
        if (!(d & 32)) {
            out.push_back(n);
            n = 0;
            shift = 0;
        }
    }
    return out;
}

using Postings = std::map<std::string, std::map<unsigned long long, std::vector<std::vector<long long>>>>;

}  // namespace

TEST_CASE("a damaged list of ascending numbers reads as damage, not as numbers", "[export]") {
    binary::Writer w;
    w.u32(2);
    for (std::uint32_t d : {0xFFFFFFF0u, 0x20u}) {  // the sum passes 2^32
        for (; d >= 0x80; d >>= 7) w.out += static_cast<char>(0x80 | (d & 0x7F));
        w.out += static_cast<char>(d);
    }
    std::vector<std::uint32_t> v;
    binary::Reader r(w.out);
    r.ascending(v);
    CHECK_FALSE(r.ok);
    binary::Writer small;
    small.ascending({1, 5, 9});
    binary::Reader in_bound(small.out), out_of_bound(small.out);
    in_bound.ascending(v, 10);
    CHECK(in_bound.ok);
    CHECK(v == std::vector<std::uint32_t>{1, 5, 9});
    out_of_bound.ascending(v, 9);
    CHECK_FALSE(out_of_bound.ok);
}

TEST_CASE("the exported postings are exactly the tokens FTS5 holds", "[export]") {
    std::string dir = (fs::temp_directory_path() / ("pm-export-vocab-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);
    std::string db = dir + "/index.sqlite";
    Index::build(std::string(PLAYMAKER_CONTENT), db);
    Exported e = run_export(db, "");

    // What the export says: term → document → positions per column, with f checked.
    Postings exported;
    for (const auto& [key, value] : merged(e.files)) {
        if (!key.starts_with("t:")) continue;
        std::string term = key.substr(2);
        auto t = varints(value), p = varints(merged(e.files).at("p:" + term));
        std::size_t j = 0;
        unsigned long long doc = 0;
        for (std::size_t i = 0; i + 1 < t.size(); i += 2) {
            doc += t[i];
            auto& cols = exported[term][doc];
            cols.resize(4);
            unsigned long long f = 0;
            const unsigned long long weights[4] = {10, 4, 1, 3};
            for (int c = 0; c < 4; ++c) {
                unsigned long long count = p.at(j++);
                long long pos = 0;
                for (unsigned long long k = 0; k < count; ++k) cols[static_cast<std::size_t>(c)].push_back(pos += static_cast<long long>(p.at(j++)));
                f += weights[c] * count;
            }
            CHECK(f == t[i + 1]);
        }
    }

    // What FTS5 holds, read through fts5vocab with the index's own tokenizer registered.
    Postings held;
    {
        search::Db d(db, search::Db::kReadWrite);  // a temp table: readers are query_only
        Analyzer a;
        search::TokenizerContext ctx{&a};
        search::register_tokenizer(d.get(), &ctx);
        std::map<long long, unsigned long long> number;
        search::Stmt rows(d, "SELECT rowid FROM entries ORDER BY id, rowid");
        while (rows.step()) number.emplace(rows.integer(0), number.size());
        d.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, docs, instance)");
        search::Stmt st(d, "SELECT term, doc, col, offset FROM temp.v");
        const std::map<std::string, std::size_t> col = {{"title", 0}, {"summary", 1}, {"body", 2}, {"labels", 3}};
        while (st.step()) {
            auto& cols = held[st.text(0)][number.at(st.integer(1))];
            cols.resize(4);
            cols[col.at(st.text(2))].push_back(st.integer(3));
        }
    }
    CHECK(held.size() > 1000);
    CHECK(exported.size() == held.size());
    std::size_t differ = 0;
    for (const auto& [term, docs] : held) {
        auto it = exported.find(term);
        if (it == exported.end() || it->second != docs) {
            if (++differ <= 5) UNSCOPED_INFO("term differs: " << term);
        }
    }
    CHECK(differ == 0);
    fs::remove_all(dir);
}
