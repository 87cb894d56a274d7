#include "search/store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "playmaker/item.hpp"

namespace fs = std::filesystem;

namespace playmaker::search {

void create_schema(Db& db) {
    db.exec(R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE entries(rowid INTEGER PRIMARY KEY, path TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
                     title TEXT NOT NULL, summary TEXT NOT NULL, lang TEXT NOT NULL,
                     length INTEGER NOT NULL);  -- the row's words in docs, as FTS5 counts them
CREATE INDEX entries_path ON entries(path);
CREATE TABLE facets(rowid INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX facets_rowid ON facets(rowid);
CREATE TABLE vocab(word TEXT PRIMARY KEY, term TEXT NOT NULL, parts TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE lexicon(word TEXT PRIMARY KEY, term TEXT NOT NULL) WITHOUT ROWID;  -- query_lexicon.hpp
CREATE TABLE lexicon_sources(word TEXT PRIMARY KEY) WITHOUT ROWID;  -- words whose related words it covers
CREATE VIRTUAL TABLE docs USING fts5(title, summary, body, labels, tokenize='playmaker');
)");
}

std::string get_meta(const Db& db, const std::string& key) {
    Stmt st(db, "SELECT value FROM meta WHERE key = ?1");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string();
}

void set_meta(Db& db, const std::string& key, const std::string& value) {
    Stmt st(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    st.bind(1, key).bind(2, value).run();
}

VocabStore::VocabStore(const Db& db, bool lookup, bool write)
    : db_(db), lookup_(lookup), write_(write), find_(db, "SELECT term, parts FROM vocab WHERE word = ?1") {}

bool VocabStore::find(std::string_view word, std::string& term, std::vector<std::string>& parts) {
    if (!lookup_) return false;
    find_.bind(1, word);
    bool found = find_.step();
    if (found) {
        term = find_.text(0);
        std::string all = find_.text(1);
        std::size_t pos = 0;
        while (pos < all.size()) {
            std::size_t sp = all.find(' ', pos);
            if (sp == std::string::npos) sp = all.size();
            if (sp > pos) parts.emplace_back(all.substr(pos, sp - pos));
            pos = sp + 1;
        }
    }
    find_.reset();
    return found;
}

void VocabStore::add(std::string_view word, const std::string& term, const std::vector<std::string>& parts) {
    if (!write_) return;
    std::string all = term;
    for (const auto& p : parts) all += " " + p;
    pending_.emplace_back(std::string(word), std::move(all));
}

void VocabStore::flush(Analyzer& analyzer) {
    if (pending_.empty()) return;
    Stmt add(db_, "INSERT OR IGNORE INTO vocab(word, term, parts) VALUES(?1,?2,?3)");
    Stmt lex(db_, "INSERT OR REPLACE INTO lexicon(word, term) VALUES(?1,?2)");
    for (const auto& [word, all] : pending_) {
        std::size_t sp = all.find(' ');
        std::string_view v(all), term = v.substr(0, sp);
        add.bind(1, word).bind(2, term).bind(3, sp == std::string::npos ? v.substr(v.size()) : v.substr(sp + 1)).run();
        if (term != analyzer.snowball_term(word, Analyzer::kNorwegian)) lex.bind(1, word).bind(2, term).run();
    }
    pending_.clear();
}

std::string content_hash(std::string_view bytes) {
    // Eight bytes a step, each mixed in by splitmix64's finaliser (FNV a byte at a time
    // was a tenth of a rebuild: the export keys megabytes of chunks with it).
    auto mix = [](std::uint64_t x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    };
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = mix(h ^ w) + 0x9e3779b97f4a7c15ULL;
    }
    std::uint64_t tail = 0;
    if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    h = mix(h ^ tail ^ (static_cast<std::uint64_t>(bytes.size() - i) << 56));
    static const char* const kHex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 15];
    return out;
}

namespace {

void add_file(const fs::path& p, const std::string& rel, std::vector<SourceFile>& out) {
    struct stat sb {};
    if (::stat(p.c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) return;
    out.push_back({rel, p.string(), static_cast<long long>(sb.st_size),
                   static_cast<long long>(sb.st_mtim.tv_sec) * 1000000000LL + sb.st_mtim.tv_nsec});
}

void add_folder(const fs::path& dir, const std::string& folder, const char* ext, std::vector<SourceFile>& out) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.starts_with(".") || !name.ends_with(ext)) continue;
        add_file(it->path(), folder + "/" + name, out);
    }
}

}  // namespace

std::vector<SourceFile> list_sources(const std::string& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        throw std::system_error(std::make_error_code(std::errc::no_such_file_or_directory),
                                "no content folder at " + root);
    }
    std::vector<SourceFile> out;
    for (Kind k : kAllKinds) add_folder(fs::path(root) / kind_folder(k), kind_folder(k), ".md", out);
    add_folder(fs::path(root) / "literature", "literature", ".json", out);
    add_folder(fs::path(root) / "literature", "literature", ".bib", out);  // through an importer plugin
    add_file(fs::path(root) / "taxonomy.yaml", "taxonomy.yaml", out);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.rel < b.rel; });
    return out;
}

std::string normal_root(const std::string& root) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(fs::absolute(root), ec);
    return ec ? fs::absolute(root).lexically_normal().string() : p.string();
}

std::string clean_text(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) c = ' ';
    }
    return out;
}

}  // namespace playmaker::search
