// Index::build and Index::staleness: bringing the index file up to date with a content
// tree, atomically and incrementally.
#include <signal.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "playmaker/analysis.hpp"
#include "playmaker/atomic.hpp"
#include "playmaker/corpus.hpp"
#include "playmaker/index.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/plugin.hpp"
#include "playmaker/plugin_host.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/paradigm.hpp"
#include "search/query_lexicon.hpp"
#include "search/store.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace playmaker {
namespace search {
namespace {

// At most this many changed files are written into the index in place; more are built in
// a copy (which ends with FTS5's optimize, and journals nothing).
constexpr std::size_t kInPlaceChanges = 1000;

struct Stored {
    long long size = 0, mtime = 0;
    std::string hash;
};

std::string ref_lang(const std::string& language) {
    std::string l = language.substr(0, 2);
    for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == "sv" || l == "nn" || l == "en") return l;
    return "nb";
}

std::string names(const std::vector<Name>& list) {
    std::string out;
    for (const auto& n : list) {
        if (!out.empty()) out += "; ";
        out += n.literal.empty() ? n.family + (n.given.empty() ? "" : ", " + n.given) : n.literal;
    }
    return out;
}

class Builder {
public:
    Builder(Db& db, TokenizerContext& ctx, const Taxonomy& tax)
        : db_(db), ctx_(ctx), tax_(tax),
          entry_(db, "INSERT INTO entries(rowid, path, id, kind, title, summary, lang, length) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"),
          doc_(db, "INSERT INTO docs(rowid, title, summary, body, labels) VALUES(?1,?2,?3,?4,?5)"),
          facet_(db, "INSERT INTO facets(rowid, facet, value) VALUES(?1,?2,?3)"),
          find_(db, "SELECT rowid, lang FROM entries WHERE path = ?1"),
          del_doc_(db, "DELETE FROM docs WHERE rowid = ?1"),
          del_entry_(db, "DELETE FROM entries WHERE rowid = ?1"),
          del_facets_(db, "DELETE FROM facets WHERE rowid = ?1") {}

    // Removes every row that came from `path`; returns how many.
    int remove(const std::string& path) {
        std::vector<std::pair<long long, std::string>> rows;
        find_.bind(1, path);
        while (find_.step()) rows.emplace_back(find_.integer(0), find_.text(1));
        find_.reset();
        for (auto& [rowid, lang] : rows) {
            ctx_.lang = lang;  // the delete re-tokenizes the row: same language as the insert
            del_doc_.bind(1, rowid).run();
            del_entry_.bind(1, rowid).run();
            del_facets_.bind(1, rowid).run();
        }
        return static_cast<int>(rows.size());
    }

    void add(const Item& item, const std::string& body_text) {
        std::string labels;
        auto label = [&](const char* facet, const std::vector<std::string>& ids) {
            for (const auto& id : ids) {
                labels += id + ". ";
                if (const Term* t = tax_.find(facet, id)) labels += t->label(item.lang) + ". ";
            }
        };
        label("theme", item.themes);
        label("role", item.roles);
        label("sector", item.sectors);
        const Register& reg = Register::builtin();
        std::set<std::string> counties;
        for (const auto& code : item.municipalities) {
            if (const Municipality* m = reg.find(code)) {
                labels += m->full_name + ". ";
                counties.insert(m->county);
            }
        }
        long long rowid = insert(item.path, item.id, kind_name(item.kind), item.title, item.summary,
                                 body_text, labels, item.lang);
        facet(rowid, "kind", kind_name(item.kind));
        facet(rowid, "lang", item.lang);
        for (const auto& v : item.themes) facet(rowid, "theme", v);
        for (const auto& v : item.roles) facet(rowid, "role", v);
        for (const auto& v : item.sectors) facet(rowid, "sector", v);
        for (const auto& v : item.municipalities) facet(rowid, "municipality", v);
        for (const auto& v : counties) facet(rowid, "county", v);
        if (int y = item.year()) facet(rowid, "year", std::to_string(y));
    }

    void add(const Reference& r) {
        std::string authors = names(r.authors);
        std::string editors = names(r.editors);
        std::string container = r.container_title;
        if (!r.publisher.empty()) container += (container.empty() ? "" : ". ") + r.publisher;
        std::string lang = ref_lang(r.language);
        long long rowid = insert(r.path, r.id, "reference", r.title, container, r.note,
                                 authors + (editors.empty() ? "" : ". " + editors), lang);
        facet(rowid, "kind", "reference");
        facet(rowid, "lang", lang);
        if (r.issued.year) facet(rowid, "year", std::to_string(r.issued.year));
    }

private:
    long long insert(const std::string& path, const std::string& id, const std::string& kind,
                     const std::string& title, const std::string& summary, const std::string& body,
                     const std::string& labels, const std::string& lang) {
        std::string t = clean_text(title), s = clean_text(summary);
        if (next_rowid_ == 0) {
            Stmt max(db_, "SELECT coalesce(max(rowid), 0) FROM entries");
            next_rowid_ = max.step() ? max.integer(0) + 1 : 1;
        }
        long long rowid = next_rowid_++;
        // The row first, counting its positions, then its entry with that length (pm_rank).
        ctx_.lang = lang;
        ctx_.positions = 0;
        doc_.bind(1, rowid).bind(2, t).bind(3, s).bind(4, clean_text(body)).bind(5, clean_text(labels)).run();
        entry_.bind(1, rowid).bind(2, path).bind(3, id).bind(4, kind).bind(5, t).bind(6, s).bind(7, lang)
            .bind(8, static_cast<long long>(ctx_.positions)).run();
        return rowid;
    }

    void facet(long long rowid, const char* name, const std::string& value) {
        facet_.bind(1, rowid).bind(2, name).bind(3, value).run();
    }

    Db& db_;
    TokenizerContext& ctx_;
    const Taxonomy& tax_;
    Stmt entry_, doc_, facet_, find_, del_doc_, del_entry_, del_facets_;
    long long next_rowid_ = 0;
};

std::string families_of(Db& db) {
    Stmt st(db, "SELECT DISTINCT lang FROM entries");
    std::set<std::string> langs;
    while (st.step()) langs.insert(st.text(0));
    unsigned bits = 0;
    for (const auto& l : langs) {
        bits |= l == "sv" ? Analyzer::kSwedish : l == "en" ? Analyzer::kEnglish : Analyzer::kNorwegian;
    }
    return std::to_string(bits ? bits : Analyzer::kNorwegian);
}

void fsync_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace
}  // namespace search

using namespace search;

std::string Index::staleness(const std::string& content, const std::string& db_path) {
    try {
        std::error_code ec;
        if (!fs::exists(db_path, ec)) return "missing";
        Db db(db_path, Db::kReadOnly);
        if (get_meta(db, "schema") != kSchemaVersion) return "analysis changed";
        if (get_meta(db, "root") != normal_root(content)) return "built from another content tree";
        Analyzer analyzer;
        analyzer.adopt_version(get_meta(db, "dictionaries"), get_meta(db, "analysis"));
        if (get_meta(db, "analysis") != analyzer.version()) return "analysis changed";
        std::map<std::string, std::pair<long long, long long>> stored;
        Stmt st(db, "SELECT path, size, mtime FROM files");
        while (st.step()) stored[st.text(0)] = {st.integer(1), st.integer(2)};
        auto files = list_sources(content);
        if (files.size() != stored.size()) return "content changed";
        for (const auto& f : files) {
            auto it = stored.find(f.rel);
            if (it == stored.end() || it->second != std::make_pair(f.size, f.mtime)) return "content changed";
        }
        return {};
    } catch (const std::system_error&) {
        return "missing";
    } catch (const std::exception&) {
        return "missing";
    }
}

BuildStats Index::build(const std::string& content, const std::string& db_path, const BuildOptions& options) {
    auto t0 = std::chrono::steady_clock::now();
    BuildStats stats;
    std::string root = normal_root(content);
    auto files = list_sources(content);  // throws when there is no content folder

    std::error_code ec;
    fs::path parent = fs::path(db_path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) throw std::system_error(ec, "cannot create " + parent.string());
    // One writer at a time (across processes), from the first look at the index to its
    // commit or rename: an in-place update and a copy renamed over the file never overlap
    // (the rename would leave the other's journal beside a file it does not belong to).
    WriterLock writing(db_path + ".lock");
    // A new word's related words need the dictionaries' headwords sorted: kept beside the
    // index, so only the first build on a machine sorts them.
    set_headword_cache(parent.empty() ? "." : parent.string());
    remove_dead_staging(db_path);

    Analyzer analyzer;
    TokenizerContext ctx{&analyzer};
    std::string taxonomy_hash;
    Taxonomy taxonomy;
    for (const auto& f : files) {
        if (f.rel != "taxonomy.yaml") continue;
        std::string bytes = text::read_file(f.abs);
        taxonomy_hash = text::hash_hex(bytes);
        Diagnostics d;
        parse_taxonomy(bytes, f.rel, taxonomy, d);
    }

    // Reuse the old index when it was built the same way from the same tree. It is opened
    // for writing in a transaction at once, so what it says it holds stays true while a
    // few changes are written into it.
    bool reuse = false;
    std::size_t changes = 0;  // files added, changed or removed since (by size and time)
    std::map<std::string, Stored> stored;  // what the index holds, by file
    std::unique_ptr<Db> live;              // the index itself, when it is updated in place
    if (fs::exists(db_path, ec)) {
        try {
            auto old = std::make_unique<Db>(db_path, Db::kReadWrite);
            try {
                old->exec("BEGIN IMMEDIATE");
            } catch (const DbError& e) {
                // Another writer (not one of ours: they take the lock above) holds it: wait
                // for it by failing, never by building anew beside a file in use.
                if (e.code == SQLITE_BUSY || e.code == SQLITE_LOCKED) {
                    throw std::runtime_error(db_path + " is being written by another program: " + e.what());
                }
                throw;
            }
            analyzer.adopt_version(get_meta(*old, "dictionaries"), get_meta(*old, "analysis"));
            reuse = get_meta(*old, "schema") == kSchemaVersion && get_meta(*old, "root") == root &&
                    get_meta(*old, "analysis") == analyzer.version() && get_meta(*old, "taxonomy") == taxonomy_hash;
            if (reuse) {
                Stmt st(*old, "SELECT path, size, mtime, hash FROM files");
                while (st.step()) stored[st.text(0)] = {st.integer(1), st.integer(2), st.text(3)};
                std::size_t known = 0;
                for (const auto& f : files) {
                    auto it = stored.find(f.rel);
                    known += it != stored.end() ? 1 : 0;
                    if (it == stored.end() || it->second.size != f.size || it->second.mtime != f.mtime) ++changes;
                }
                changes += stored.size() - known;
            }
            if (reuse && changes == 0) {  // nothing to do, nothing written
                old->exec("ROLLBACK");
                for (const auto& f : files) stats.unchanged += f.rel == "taxonomy.yaml" ? 0 : 1;
                stats.in_place = true;
                stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                return stats;
            }
            if (reuse && changes <= kInPlaceChanges) {
                live = std::move(old);
            } else {
                old->exec("ROLLBACK");
            }
        } catch (const DbError&) {
            reuse = false;
            live.reset();
        }
    }
    // A few changed files are written into the index in that transaction (SQLite's journal
    // makes it atomic: a killed build is rolled back by the next connection); a new index,
    // or many changes, are built in a copy beside it that is renamed over it.
    const bool in_place = live != nullptr;
    if (!in_place) stored.clear();
    std::string staging = in_place ? db_path : staging_path_for(db_path);
    struct Cleanup {
        std::string path;
        bool keep = false;
        ~Cleanup() {
            if (!keep) {
                std::error_code e;
                fs::remove(path, e);
                fs::remove(path + "-journal", e);
            }
        }
    } cleanup{staging, in_place};
    if (reuse && !in_place) {
        fs::copy_file(db_path, staging, ec);
        if (ec) throw std::system_error(ec, "cannot copy " + db_path);
    }
    {
        std::unique_ptr<Db> own = in_place ? std::move(live) : std::make_unique<Db>(staging, Db::kCreate);
        Db& db = *own;
        register_tokenizer(db.get(), &ctx);
        if (in_place) {
            db.exec("PRAGMA cache_size=-65536;");
        } else {
            // The staging file is private until the rename: no journal, no syncs until the end.
            db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
            if (!reuse) create_schema(db);
            db.exec("BEGIN");
            Stmt st(db, "SELECT path, size, mtime, hash FROM files");
            while (st.step()) stored[st.text(0)] = {st.integer(1), st.integer(2), st.text(3)};
        }
        // Words the old index knows are not looked up in the dictionaries again; new ones are
        // recorded (see VocabStore).
        VocabStore vocab(db, reuse, true);
        struct Detach {
            Analyzer& a;
            ~Detach() {
                a.set_store(nullptr);
                a.collect_words(nullptr);
            }
        } detach{analyzer};
        analyzer.set_store(&vocab);
        std::vector<std::string> seen;  // the words of the documents written or deleted
        analyzer.collect_words(&seen);
        Builder builder(db, ctx, taxonomy);
        Stmt put_file(db, "INSERT OR REPLACE INTO files(path, size, mtime, hash) VALUES(?1,?2,?3,?4)");
        Stmt del_file(db, "DELETE FROM files WHERE path = ?1");
        int done = 0;
        for (const auto& f : files) {
            if (options.progress && ++done % 1000 == 0) options.progress(done, static_cast<int>(files.size()));
            auto it = stored.find(f.rel);
            if (it != stored.end() && it->second.size == f.size && it->second.mtime == f.mtime) {
                stats.unchanged += f.rel == "taxonomy.yaml" ? 0 : 1;
                stored.erase(it);
                continue;
            }
            std::string bytes;
            try {
                bytes = text::read_file(f.abs);
            } catch (const std::system_error& e) {
                stats.diagnostics.error(f.rel, 0, 0, std::string("cannot read file: ") + e.code().message());
                continue;
            }
            std::string hash = content_hash(bytes);
            put_file.bind(1, f.rel).bind(2, f.size).bind(3, f.mtime).bind(4, hash).run();
            if (it != stored.end() && it->second.hash == hash) {  // touched, not changed
                stats.unchanged += f.rel == "taxonomy.yaml" ? 0 : 1;
                stored.erase(it);
                continue;
            }
            if (it != stored.end()) stored.erase(it);
            if (f.rel == "taxonomy.yaml") continue;
            builder.remove(f.rel);
            if (f.rel.starts_with("literature/")) {
                std::vector<Reference> refs;
                if (f.rel.ends_with(".json")) {
                    parse_csl_json(bytes, f.rel, refs, stats.diagnostics);
                } else if (const Importer* imp = PluginHost::shared().importer_for(fs::path(f.rel).filename().string())) {
                    imp->import(bytes, f.rel, refs, stats.diagnostics);
                } else {
                    stats.diagnostics.warning(f.rel, 0, 0, "not indexed: no importer plugin reads this file");
                }
                for (const auto& r : refs) builder.add(r);
                stats.indexed += static_cast<int>(refs.size());
            } else {
                Item item;
                std::string text;
                if (parse_item(bytes, f.rel, item, stats.diagnostics, text)) {
                    builder.add(item, text);
                    ++stats.indexed;
                }
            }
        }
        for (const auto& [path, s] : stored) {  // files that are gone
            if (path != "taxonomy.yaml") stats.removed += builder.remove(path) > 0 ? 1 : 0;
            del_file.bind(1, path).run();
        }
        analyzer.collect_words(nullptr);
        bool lexicon_changed = extend_lexicon(db, analyzer, seen, reuse);
        set_meta(db, "schema", kSchemaVersion);
        set_meta(db, "root", root);
        vocab.flush(analyzer);
        if (lexicon_changed || !reuse) set_meta(db, "lexicon", lexicon_hash(db));
        set_meta(db, "analysis", analyzer.version());
        set_meta(db, "dictionaries", analyzer.dictionary_signature());
        set_meta(db, "taxonomy", taxonomy_hash);
        set_meta(db, "families", families_of(db));
        db.exec("COMMIT");
        if (!in_place) {
            if (!reuse || stats.indexed > 1000) db.exec("INSERT INTO docs(docs) VALUES('optimize')");
            db.exec("PRAGMA journal_mode=DELETE");
        }
    }
    stats.in_place = in_place;
    if (in_place) {
        stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return stats;
    }
    fsync_file(staging);
    // A journal beside the old file belongs to it, not to this one (a writer killed while
    // committing in place, whose file failed to open above): it must not meet the new file.
    fs::remove(db_path + "-journal", ec);
    replace_file(staging, db_path);
    cleanup.keep = true;
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

}  // namespace playmaker
