// export_search: the FTS5 index as static files for the site's client. Postings come from
// the stored rows analysed again exactly as the index's tokenizer did (colocated compound
// parts included; a test holds them equal to fts5vocab's view of the index), and document
// lengths from the docsize table, so the client's bm25 sees the numbers FTS5's bm25 sees.
#include <algorithm>
#include <array>
#include <exception>
#include <functional>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "playmaker/analysis.hpp"
#include "playmaker/municipality.hpp"
#include "playmaker/search_export.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/export_codec.hpp"
#include "search/export_state.hpp"
#include "search/store.hpp"
#include "util/binary.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker {

using namespace search;

// Bump when the files change shape (site/assets/search.js reads them): a site built with
// another format is exported again, never reused.
constexpr const char* kExportFormat = "search-export-3";

std::string json_quote(std::string_view s) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\"";
    out.reserve(s.size() + 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                            static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::map<std::string, std::string> lexicon_exceptions(const std::vector<std::string>& words) {
    Analyzer a;
    std::map<std::string, std::string> out;
    for (const auto& w : words) {
        auto split = split_words(w);
        if (split.empty()) continue;
        const std::string& folded = split[0].folded;
        std::string term = a.word_terms(folded, "nb").term;
        if (term != a.snowball_term(folded, Analyzer::kNorwegian)) out[folded] = std::move(term);
    }
    return out;
}

namespace {

constexpr std::size_t kChunkBytes = 12000;  // target size of a term or lexicon chunk
// FTS5's varint (SQLite's): 7 bits a byte, high bit = more; a 9th byte holds 8 bits.
std::vector<long long> decode_sizes(const std::string& blob) {
    std::vector<long long> out;
    std::size_t i = 0;
    while (i < blob.size()) {
        unsigned long long v = 0;
        int n = 0;
        while (i < blob.size()) {
            auto b = static_cast<unsigned char>(blob[i++]);
            if (++n == 9) {
                v = (v << 8) | b;
                break;
            }
            v = (v << 7) | (b & 0x7F);
            if (!(b & 0x80)) break;
        }
        out.push_back(static_cast<long long>(v));
    }
    return out;
}

// A document as every export needs it; its title, summary and body are read only for the
// documents whose d/N.json is made.
struct Doc {
    long long rowid = 0;
    std::string id, kind, lang, source;
    long long dl = 0;
};

// Hashes string_views and strings alike, for lookups without a copy.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>>;

class Exporter {
public:
    Exporter(const std::string& path, const SearchExportOptions& o) : db_path_(path), opt_(o) {}

    SearchExportStats run() {
        // The state first: it does not need the index, which may still be being written.
        bool have_state = !opt_.state_file.empty() && load_export_state(opt_.state_file, st_);
        if (opt_.await_index) opt_.await_index();
        open_index();
        load_docs();
        std::string base = base_key();
        bool incremental = have_state && st_.base == base && same_documents();
        if (incremental) {
            try {
                update();  // writes nothing: on damage the export starts over
            } catch (const std::runtime_error&) {
                incremental = false;
                stats_ = SearchExportStats{};
            }
        }
        try {
            return write(incremental, base);
        } catch (const std::runtime_error&) {
            // A damaged state that only making a chunk again ran into: start over (what was
            // written so far is written again).
            if (!incremental) throw;
            stats_ = SearchExportStats{};
            return write(false, base);
        }
    }

private:
    void open_index() {
        db_.open(db_path_, Db::kReadOnly);
        register_tokenizer(db_.get(), &ctx_);
        // The index says which dictionaries it was analysed with; when they are the files
        // here, their hash is not computed again.
        analyzer_.adopt_version(get_meta(db_, "dictionaries"), get_meta(db_, "analysis"));
        if (get_meta(db_, "analysis") != analyzer_.version()) {
            throw std::runtime_error(db_path_ + " was built by another version of the analysis; rebuild it");
        }
        std::string fam = get_meta(db_, "families");
        families_ = fam.empty() ? Analyzer::kAll : static_cast<unsigned>(std::stoul(fam));
    }

    SearchExportStats write(bool incremental, const std::string& base) {
        if (!incremental) {
            st_ = ExportState{};
            st_.base = base;
            scan_terms();
            dirty_terms_.assign(st_.terms.size(), true);
        }
        stats_.incremental = incremental;
        auto chunks = write_terms(incremental);
        auto lex = write_lexicon();
        write_table();
        auto made = doc_keys();
        // The state holds every key now, so it is written while the document files are.
        bool same = incremental && stats_.changed == 0 && stats_.lexicon_reused;
        std::exception_ptr save_failed;
        std::thread saver;
        if (!opt_.state_file.empty() && !same) {
            saver = std::thread([&] {
                try {
                    save_export_state(opt_.state_file, st_);
                } catch (...) {
                    save_failed = std::current_exception();
                }
            });
        }
        struct Join {
            std::thread& t;
            ~Join() {
                if (t.joinable()) t.join();
            }
        } join{saver};
        write_docs(made);
        std::string m = "{\"format\":" + json_quote(kExportFormat) + ",\"analysis\":" + json_quote(analyzer_.version()) +
                        ",\"n\":" + std::to_string(docs_.size()) + ",\"tokens\":" + std::to_string(tokens_) +
                        ",\"weights\":[10,4,1,3],\"families\":" + std::to_string(families_);
        for (auto [name, fam] : {std::pair{"stop_no", Analyzer::kNorwegian}, {"stop_sv", Analyzer::kSwedish}}) {
            m += ",\"" + std::string(name) + "\":" + list(analyzer_.stopwords(fam));
        }
        m += ",\"terms\":" + list(chunks) + ",\"lex\":" + list(lex) + "}";
        put("meta.json", m);
        if (saver.joinable()) saver.join();
        if (save_failed) {
            // Only the next export's shortcut is lost: every file of this one is written.
            try {
                std::rethrow_exception(save_failed);
            } catch (const std::exception& e) {
                stats_.warning = std::string("the search export's state was not saved (the next build exports "
                                             "everything): ") + e.what();
            }
        }
        return stats_;
    }

    static std::string list(const std::vector<std::string>& v) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_quote(v[i]);
        return out + "]";
    }

    // A file whose bytes are at hand: linked from the previous export when they are the same.
    void put(const std::string& rel, const std::string& bytes) {
        std::string key = content_hash(bytes);
        if (!(opt_.reuse && opt_.reuse(rel, key))) opt_.write(rel, bytes, key);
        ++stats_.files;
        stats_.bytes += bytes.size();
    }
    // A file the state says is unchanged since it was written with `key`: linked when the
    // previous export still has it, else made again.
    std::string keep(const std::string& rel, const std::string& key, const std::function<std::string()>& make) {
        if (!key.empty() && opt_.reuse && opt_.reuse(rel, key)) {
            ++stats_.files;
            ++stats_.reused;
            return key;
        }
        std::string bytes = make();
        put(rel, bytes);
        return content_hash(bytes);
    }

    void load_docs() {
        Stmt st(db_,
                "SELECT e.rowid, e.id, e.kind, e.lang, e.path || char(9) || coalesce(f.hash, '') "
                "FROM entries e LEFT JOIN files f ON f.path = e.path ORDER BY e.id, e.rowid");
        while (st.step()) {
            Doc d{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), 0};
            num_[d.rowid] = static_cast<unsigned>(docs_.size());
            docs_.push_back(std::move(d));
        }
        Stmt sz(db_, "SELECT id, sz FROM docs_docsize");
        while (sz.step()) {
            auto it = num_.find(sz.integer(0));
            if (it == num_.end()) continue;
            long long dl = 0;
            for (long long c : decode_sizes(sz.text(1))) dl += c;
            docs_[it->second].dl = dl;
            tokens_ += dl;
        }
    }

    // What every exported file depends on besides the documents: the format, the analysis,
    // the taxonomy, the labels and the pages results link to.
    std::string base_key() const {
        std::string all = std::string(kExportFormat) + ";" + get_meta(db_, "schema") + ";" + analyzer_version() + ";" +
                          get_meta(db_, "taxonomy") + ";" + std::to_string(families_) + ";";
        for (const auto& [facet, m] : opt_.labels) {
            for (const auto& [k, v] : m) all += facet + "\t" + k + "\t" + v + "\n";
        }
        for (const auto& d : docs_) all += opt_.href ? opt_.href(d.id, d.kind) + "\n" : "\n";
        return content_hash(all);
    }
    std::string analyzer_version() const { return get_meta(db_, "analysis"); }

    bool same_documents() const {
        if (st_.ids.size() != docs_.size()) return false;
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            if (st_.ids[i] != docs_[i].id) return false;
        }
        return true;
    }

    // Every term's postings, from every document analysed again as FTS5 analysed it (the
    // words come from the index's vocabulary, so no dictionary is loaded): each thread
    // takes a run of documents in order and encodes its postings term by term, and the
    // runs are joined in document order. (tests/unit/test_search_export.cpp holds the
    // result equal to what fts5vocab reads out of the index.)
    void scan_terms() {
        std::size_t n = docs_.size();
        unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 8);
        threads = static_cast<unsigned>(std::min<std::size_t>(threads, n / 256 + 1));
        std::vector<Run> runs(threads);
        std::vector<std::thread> pool;
        struct JoinAll {
            std::vector<std::thread>& pool;
            ~JoinAll() {
                for (auto& t : pool) {
                    if (t.joinable()) t.join();
                }
            }
        } join_all{pool};
        std::exception_ptr failed;
        std::mutex mu;
        for (unsigned k = 0; k < threads; ++k) {
            pool.emplace_back([&, k] {
                try {
                    analyse_run(runs[k], n * k / threads, n * (k + 1) / threads);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(mu);
                    if (!failed) failed = std::current_exception();
                }
            });
        }
        for (auto& t : pool) t.join();
        if (failed) std::rethrow_exception(failed);
        st_.doc_terms.assign(n, {});
        IdMap ids;
        std::vector<unsigned> last;  // per term: the last document of its postings so far
        for (Run& run : runs) {
            std::vector<std::uint32_t> global(run.terms.size());
            for (std::size_t i = 0; i < run.terms.size(); ++i) {
                auto [it, added] = ids.emplace(run.terms[i], static_cast<std::uint32_t>(st_.terms.size()));
                std::uint32_t id = global[i] = it->second;
                if (added) {
                    st_.terms.push_back(std::move(run.terms[i]));
                    st_.t.emplace_back(std::move(run.t[i]));
                    st_.p.emplace_back(std::move(run.p[i]));
                    last.push_back(run.last[i]);
                    continue;
                }
                // The run's first document is coded from 0; code it from the term's last.
                std::size_t at = 0;
                unsigned long long first = 0;
                get_varint(run.t[i], at, first);
                put_varint(st_.t[id].own(), first - last[id]);
                st_.t[id].own().append(run.t[i], at);
                st_.p[id].own() += run.p[i];
                last[id] = run.last[i];
            }
            for (std::size_t d = 0; d < run.doc_terms.size(); ++d) {
                auto& mine = st_.doc_terms[run.from + d];
                for (auto local : run.doc_terms[d]) mine.push_back(global[local]);
                std::sort(mine.begin(), mine.end());
            }
        }
    }

    // One thread's documents and the postings it encoded, by its own term ids.
    struct Run {
        std::size_t from = 0;
        std::vector<std::string> terms, t, p;
        std::vector<unsigned> last;
        std::vector<std::vector<std::uint32_t>> doc_terms;
    };

    void analyse_run(Run& run, std::size_t from, std::size_t to) const {
        run.from = from;
        Db db(db_path_, Db::kReadOnly);
        Analyzer analyzer;
        VocabStore vocab(db, true, false);
        analyzer.set_store(&vocab);
        Stmt text(db, "SELECT c0, c1, c2, c3 FROM docs_content WHERE id = ?1");
        IdMap ids;
        std::map<std::string, Positions> mine;
        for (std::size_t d = from; d < to; ++d) {
            mine.clear();
            text.bind(1, docs_[d].rowid);
            if (text.step()) analyse_row(analyzer, text, docs_[d].lang, mine);
            text.reset();
            auto& terms = run.doc_terms.emplace_back();
            for (const auto& [term, pos] : mine) {
                auto [it, added] = ids.emplace(term, static_cast<std::uint32_t>(run.terms.size()));
                if (added) {
                    run.terms.push_back(term);
                    run.t.emplace_back();
                    run.p.emplace_back();
                    run.last.push_back(0);
                }
                std::uint32_t id = it->second;
                put_varint(run.t[id], d - run.last[id]);
                put_varint(run.t[id], weighted(pos));
                run.p[id] += encode_positions(pos);
                run.last[id] = static_cast<unsigned>(d);
                terms.push_back(id);
            }
        }
        analyzer.set_store(nullptr);
    }

    // A row's four columns as FTS5 tokenized them: per term, the positions in each column
    // (colocated compound parts share their word's position).
    static void analyse_row(Analyzer& analyzer, const Stmt& row, const std::string& lang,
                            std::map<std::string, Positions>& out) {
        for (int c = 0; c < 4; ++c) {
            long long pos = -1;
            analyzer.for_each_token(row.view(c), lang, [&](std::string_view term, std::size_t, std::size_t, bool colocated) {
                if (!colocated) ++pos;
                auto& at = out[std::string(term)][static_cast<std::size_t>(c)];
                if (at.empty() || at.back() != pos) at.push_back(pos);
                return 0;
            });
        }
    }

    // After an edit: the documents whose source file changed are analysed again (words the
    // index knows come from its vocabulary, as when it indexed them) and join the documents
    // changed since the state file was written; only the terms they held or hold are
    // spliced again. When none changed, t and p stay the state file's until a chunk must be
    // made (apply_changes).
    void update() {
        std::vector<unsigned> changed;
        for (unsigned i = 0; i < docs_.size(); ++i) {
            if (st_.sources[i] != docs_[i].source) changed.push_back(i);
        }
        dirty_terms_.assign(st_.terms.size(), false);
        stats_.changed = changed.size();
        if (changed.empty()) return;
        VocabStore vocab(db_, true, false);
        analyzer_.set_store(&vocab);
        struct Detach {
            Analyzer& a;
            ~Detach() { a.set_store(nullptr); }
        } detach{analyzer_};
        IdMap term_ids;
        for (std::uint32_t i = 0; i < st_.terms.size(); ++i) term_ids.emplace(st_.terms[i], i);
        Stmt text(db_, "SELECT c0, c1, c2, c3 FROM docs_content WHERE id = ?1");
        for (unsigned d : changed) {
            for (auto t : st_.doc_terms[d]) dirty_terms_[t] = true;
            std::map<std::string, Positions> mine;
            text.bind(1, docs_[d].rowid);
            if (text.step()) analyse_row(analyzer_, text, docs_[d].lang, mine);
            text.reset();
            std::vector<std::pair<std::uint32_t, const Positions*>> terms;
            for (auto& [term, pos] : mine) {
                std::uint32_t id;
                if (auto it = term_ids.find(term); it != term_ids.end()) {
                    id = it->second;
                } else {
                    id = static_cast<std::uint32_t>(st_.terms.size());
                    st_.terms.push_back(term);
                    st_.t.emplace_back();
                    st_.p.emplace_back();
                    dirty_terms_.push_back(true);
                    term_ids.emplace(term, id);
                }
                dirty_terms_[id] = true;
                terms.emplace_back(id, &pos);
            }
            std::sort(terms.begin(), terms.end());
            std::string f, positions;
            st_.doc_terms[d].clear();
            for (auto [id, pos] : terms) {
                st_.doc_terms[d].push_back(id);
                put_varint(f, weighted(*pos));
                positions += encode_positions(*pos);
            }
            st_.changed[d] = DocPostings{Encoded(std::move(f)), Encoded(std::move(positions))};
        }
        st_.applied = false;
        apply_changes();
    }

    // Splices the documents changed since the state file was written into the terms they
    // held there or hold now (t and p are the file's until then).
    void apply_changes() {
        if (st_.applied) return;
        st_.applied = true;
        std::vector<unsigned> gone;
        std::map<std::uint32_t, std::vector<Posting>> added;  // term → new postings, in document order
        std::vector<bool> touched(st_.terms.size());
        std::vector<std::uint32_t> held;
        for (const auto& [d, postings] : st_.changed) {
            gone.push_back(d);
            if (d < st_.file.doc_terms.size()) {
                binary::Reader r(st_.file.doc_terms[d]);
                r.ascending(held, st_.file.terms);
                for (auto id : held) touched[id] = true;
            }
            const auto& ids = st_.doc_terms[d];
            auto split = split_doc_postings(postings.f.get(), postings.pos.get(), ids.size());
            for (std::size_t k = 0; k < ids.size(); ++k) {
                touched[ids[k]] = true;
                added[ids[k]].push_back(Posting{d, split[k].first, split[k].second});
            }
        }
        static const std::vector<Posting> kNone;
        for (std::uint32_t id = 0; id < st_.terms.size(); ++id) {
            if (!touched[id]) continue;
            auto it = added.find(id);
            splice_postings(st_.t[id], st_.p[id], gone, it == added.end() ? kNone : it->second);
        }
    }

    void term_entry(std::string& out, std::uint32_t id, const std::vector<Encoded>& strings) const {
        std::string_view postings = strings[id].get();
        // The state is read without scanning it: what goes into a file is checked here.
        if (!base64_digits(postings)) throw std::runtime_error("the search export's state is damaged");
        out += json_quote(st_.terms[id]);
        out += ":\"";
        out += postings;
        out += '"';
    }

    std::size_t entry_size(std::uint32_t id) const {
        return st_.terms[id].size() + st_.t[id].size() + st_.p[id].size() / 4 + 6;
    }

    // The term chunks. A full export cuts terms in order into ~kChunkBytes pieces; after an
    // edit the previous cuts are kept, so only chunks that hold a changed term are written
    // again (one grown past twice the size is cut anew, an emptied one dropped). Returns the
    // first term of every chunk.
    std::vector<std::string> write_terms(bool incremental) {
        if (incremental && !st_.applied) return keep_terms();
        std::vector<std::uint32_t> order;
        for (std::uint32_t i = 0; i < st_.terms.size(); ++i) {
            if (!st_.t[i].empty()) order.push_back(i);
        }
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return st_.terms[a] < st_.terms[b]; });
        struct Chunk {
            std::vector<std::uint32_t> terms;
            bool dirty = true;
            std::size_t old = 0;  // index in the previous export (incremental only)
        };
        std::vector<Chunk> chunks;
        auto cut = [&](const std::vector<std::uint32_t>& terms, std::size_t old) {
            std::size_t size = 0;
            for (auto id : terms) {
                if (chunks.empty() || chunks.back().old != old || !chunks.back().dirty ||
                    (size > 0 && size + entry_size(id) > kChunkBytes)) {
                    chunks.push_back(Chunk{{}, true, old});
                    size = 0;
                }
                chunks.back().terms.push_back(id);
                size += entry_size(id);
            }
        };
        if (!incremental || st_.chunk_first.empty()) {
            cut(order, 0);
        } else {
            // Terms to the previous chunks by range (a term before the first goes to chunk 0).
            std::vector<Chunk> by_old(st_.chunk_first.size());
            for (std::size_t k = 0; k < by_old.size(); ++k) {
                by_old[k].old = k;
                by_old[k].dirty = false;
            }
            std::size_t k = 0;
            for (auto id : order) {
                while (k + 1 < st_.chunk_first.size() && st_.chunk_first[k + 1] <= st_.terms[id]) ++k;
                by_old[k].terms.push_back(id);
            }
            // A chunk is dirty when a term in it changed, or it lost its last or first term.
            for (std::uint32_t id = 0; id < st_.terms.size(); ++id) {
                if (!dirty_terms_[id]) continue;
                std::size_t at = static_cast<std::size_t>(
                    std::upper_bound(st_.chunk_first.begin(), st_.chunk_first.end(), st_.terms[id]) -
                    st_.chunk_first.begin());
                by_old[at == 0 ? 0 : at - 1].dirty = true;
            }
            for (auto& c : by_old) {
                if (c.terms.empty()) continue;
                std::size_t size = 0;
                for (auto id : c.terms) size += entry_size(id);
                if (c.dirty && size > 2 * kChunkBytes) {
                    cut(c.terms, c.old);
                } else {
                    chunks.push_back(std::move(c));
                }
            }
        }
        std::vector<std::string> firsts, tkeys, pkeys;
        for (std::size_t k = 0; k < chunks.size(); ++k) {
            const Chunk& c = chunks[k];
            std::string name = std::to_string(k) + ".json";
            auto make = [&](const std::vector<Encoded>& strings) {
                return [&c, &strings, this] { return chunk_json(c.terms, strings); };
            };
            bool same = !c.dirty && c.old < st_.chunk_tkey.size();
            tkeys.push_back(keep("t/" + name, same ? st_.chunk_tkey[c.old] : "", make(st_.t)));
            pkeys.push_back(keep("p/" + name, same ? st_.chunk_pkey[c.old] : "", make(st_.p)));
            firsts.push_back(st_.terms[c.terms.front()]);
        }
        stats_.terms = order.size();
        st_.chunk_first = firsts;
        st_.chunk_tkey = std::move(tkeys);
        st_.chunk_pkey = std::move(pkeys);
        return firsts;
    }

    std::string chunk_json(const std::vector<std::uint32_t>& terms, const std::vector<Encoded>& strings) const {
        std::string out = "{";
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (i) out += ',';
            term_entry(out, terms[i], strings);
        }
        return out + "}";
    }

    // No term changed since the previous export: its chunks are kept as they were. One its
    // site no longer has is made again, from the terms once the changes are applied.
    std::vector<std::string> keep_terms() {
        for (std::size_t k = 0; k < st_.chunk_first.size(); ++k) {
            std::string name = std::to_string(k) + ".json";
            auto make = [&](const std::vector<Encoded>& strings) {
                return [&, k] {
                    apply_changes();
                    std::vector<std::uint32_t> terms;
                    for (std::uint32_t id = 0; id < st_.terms.size(); ++id) {
                        const std::string& term = st_.terms[id];
                        if (st_.t[id].empty() || (k > 0 && term < st_.chunk_first[k]) ||
                            (k + 1 < st_.chunk_first.size() && term >= st_.chunk_first[k + 1])) {
                            continue;
                        }
                        terms.push_back(id);
                    }
                    std::sort(terms.begin(), terms.end(), [&](auto a, auto b) { return st_.terms[a] < st_.terms[b]; });
                    return chunk_json(terms, strings);
                };
            };
            st_.chunk_tkey[k] = keep("t/" + name, st_.chunk_tkey[k], make(st_.t));
            st_.chunk_pkey[k] = keep("p/" + name, st_.chunk_pkey[k], make(st_.p));
        }
        return st_.chunk_first;
    }

    // The index's lexicon (query_lexicon.hpp) as it is, cut into ~kChunkBytes pieces by
    // ranges of words. When the table's hash (the index's meta "lexicon") is the one the
    // previous export wrote, its chunks are kept and the table is not read.
    std::vector<std::string> write_lexicon() {
        std::string key = get_meta(db_, "lexicon");
        std::vector<std::string> firsts, files;
        auto read = [&]() -> const std::vector<std::string>& {
            if (firsts.empty()) read_lexicon(firsts, files);
            return files;
        };
        bool same = !key.empty() && key == st_.lexicon_key && st_.lexicon_keys.size() == st_.lexicon_first.size();
        if (!same) {
            read();
            st_.lexicon_key = key;
            st_.lexicon_first = firsts;
            st_.lexicon_keys.assign(firsts.size(), "");
        }
        stats_.lexicon_reused = same;
        for (std::size_t k = 0; k < st_.lexicon_first.size(); ++k) {
            st_.lexicon_keys[k] = keep("l/" + std::to_string(k) + ".json", st_.lexicon_keys[k], [&] { return read()[k]; });
        }
        return st_.lexicon_first;
    }

    void read_lexicon(std::vector<std::string>& firsts, std::vector<std::string>& files) {
        Stmt st(db_, "SELECT word, term FROM lexicon ORDER BY word");
        std::string chunk, first;
        auto flush = [&] {
            if (chunk.empty()) return;
            files.push_back("{" + chunk + "}");
            firsts.push_back(first);
            chunk.clear();
        };
        while (st.step()) {
            std::string e = json_quote(st.view(0)) + ":" + json_quote(st.view(1));
            if (!chunk.empty() && chunk.size() + e.size() > kChunkBytes) flush();
            if (chunk.empty()) first = st.text(0);
            chunk += (chunk.empty() ? "" : ",") + e;
            ++stats_.lexicon_words;
        }
        flush();
    }

    // dl as fixed-width base64 digits a document; one-valued facets as codes a document;
    // many-valued facets as Δ-coded document lists per value. The facets whose counts the
    // page shows (kind, theme, county) are in table.json; the others in f/NAME.json, loaded
    // when a query filters by them.
    void write_table() {
        std::map<std::string, std::map<std::string, std::vector<unsigned>>> facets;
        Stmt st(db_, "SELECT rowid, facet, value FROM facets");
        while (st.step()) {
            auto n = num_.find(st.integer(0));
            if (n != num_.end()) facets[st.text(1)][st.text(2)].push_back(n->second);
        }
        long long max_dl = 0;
        for (const auto& d : docs_) max_dl = std::max(max_dl, d.dl);
        int dlw = max_dl < 4096 ? 2 : 3;
        std::string dl;
        for (const auto& d : docs_) put_b64(dl, static_cast<unsigned>(std::min<long long>(d.dl, 262143)), dlw);
        std::string table = "{\"dl\":" + json_quote(dl) + ",\"dlw\":" + std::to_string(dlw) + ",\"facets\":{";
        bool first_shown = true;
        std::vector<std::string> others;
        for (auto& [facet, values] : facets) {
            std::string body = facet_json(facet, values);
            if (facet == "municipality" || facet == "county") {
                body.pop_back();
                body += ",\"names\":" + place_names(facet, values) + "}";
            }
            if (facet == "kind" || facet == "theme" || facet == "county") {
                table += (first_shown ? "" : ",") + json_quote(facet) + ":" + body;
                first_shown = false;
            } else {
                put("f/" + facet + ".json", body);
                others.push_back(facet);
            }
        }
        table += "},\"more\":" + list(others) + ",\"labels\":{";
        bool first = true;
        for (const auto& [facet, m] : opt_.labels) {
            table += (first ? "" : ",") + json_quote(facet) + ":{";
            bool f2 = true;
            for (const auto& [k, v] : m) {
                if (!facets.count(facet) || !facets[facet].count(k)) continue;
                table += (f2 ? "" : ",") + json_quote(k) + ":" + json_quote(v);
                f2 = false;
            }
            table += "}";
            first = false;
        }
        put("table.json", table + "}}");
    }

    // How a filter names a municipality or a county, so the client resolves it as
    // Index::search does (Register::find, Register::in_county): for a municipality, every
    // lower-cased form that finds exactly it → its code; for a county, the number and the
    // lower-cased full name of each (a filter matches by the number or any part of a name).
    static std::string place_names(const std::string& facet, const std::map<std::string, std::vector<unsigned>>& values) {
        const Register& reg = Register::builtin();
        std::map<std::string, std::set<std::string>> names;
        for (const auto& m : reg.all()) {
            if (facet == "municipality" && values.count(m.code)) {
                std::vector<std::string> forms = m.names;
                forms.push_back(m.code);
                forms.push_back(m.full_name);
                if (m.country == "NO") forms.push_back(m.number);
                for (const auto& f : forms) {
                    if (reg.find(f) == &m) names[utf8::to_lower(f)].insert(m.code);
                }
            } else if (facet == "county" && values.count(m.county)) {
                names[m.county].insert(m.county_number + "\t" + utf8::to_lower(m.county_full));
            }
        }
        std::string out = "{";
        bool first = true;
        for (const auto& [key, set] : names) {
            out += (first ? "" : ",") + json_quote(key) + ":";
            if (facet == "municipality") {
                out += json_quote(*set.begin());
            } else {
                out += "[";
                bool f2 = true;
                for (const auto& form : set) {
                    auto tab = form.find('\t');
                    out += std::string(f2 ? "" : ",") + "[" + json_quote(form.substr(0, tab)) + "," +
                           json_quote(form.substr(tab + 1)) + "]";
                    f2 = false;
                }
                out += "]";
            }
            first = false;
        }
        return out + "}";
    }

    // {"values": [...], "width": W, "codes": "..."} for one-valued facets, {"lists": {value:
    // [Δdoc, …]}} for the others.
    std::string facet_json(const std::string& facet, std::map<std::string, std::vector<unsigned>>& values) const {
        bool single = facet == "kind" || facet == "lang" || facet == "year";
        if (single) {
            int width = values.size() + 1 > 64 ? 2 : 1;
            std::string codes(docs_.size() * static_cast<std::size_t>(width), 'A');  // the digit 0
            std::vector<std::string> names;
            unsigned code = 0;
            for (auto& [value, docs] : values) {
                names.push_back(value);
                ++code;
                std::string digits;
                put_b64(digits, code, width);
                for (unsigned d : docs) codes.replace(d * static_cast<std::size_t>(width), static_cast<std::size_t>(width), digits);
            }
            return "{\"values\":" + list(names) + ",\"width\":" + std::to_string(width) + ",\"codes\":" + json_quote(codes) + "}";
        }
        std::string out = "{\"lists\":{";
        bool first = true;
        for (auto& [value, docs] : values) {
            std::sort(docs.begin(), docs.end());
            out += (first ? "" : ",") + json_quote(value) + ":[";
            unsigned prev = 0;
            for (std::size_t i = 0; i < docs.size(); ++i) {
                out += (i ? "," : "") + std::to_string(docs[i] - prev);
                prev = docs[i];
            }
            out += "]";
            first = false;
        }
        return out + "}}";
    }

    // d/N.json per document, as the client shows a result.
    std::string doc_file(const Doc& d, Stmt& text_of) const {
        std::string title, summary, body;
        text_of.bind(1, d.rowid);
        if (text_of.step()) {
            title = text_of.text(0);
            summary = text_of.text(1);
            body = text_of.text(2);
        }
        text_of.reset();
        if (body.size() > 700) {
            std::size_t cut = 700;
            while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
            body = body.substr(0, cut) + "…";
        }
        std::string href = opt_.href ? opt_.href(d.id, d.kind) : "";
        return "{\"id\":" + json_quote(d.id) + ",\"kind\":" + json_quote(d.kind) + ",\"title\":" + json_quote(title) +
               ",\"href\":" + json_quote(href) + ",\"lang\":" + json_quote(d.lang) +
               ",\"summary\":" + json_quote(summary) + ",\"body\":" + json_quote(body) + "}";
    }

    // Every document's key in the state: a document whose source did not change keeps its
    // key; the others' files are made now (returned by number) and keyed by their bytes.
    std::map<std::size_t, std::string> doc_keys() {
        Stmt body_of(db_, "SELECT e.title, e.summary, d.body FROM entries e JOIN docs d ON d.rowid = e.rowid WHERE e.rowid = ?1");
        std::map<std::size_t, std::string> made;
        st_.doc_keys.resize(docs_.size());
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            if (i < st_.sources.size() && st_.sources[i] == docs_[i].source && !st_.doc_keys[i].empty()) continue;
            std::string bytes = doc_file(docs_[i], body_of);
            st_.doc_keys[i] = content_hash(bytes);
            made.emplace(i, std::move(bytes));
        }
        st_.ids.clear();
        st_.sources.clear();
        for (const auto& d : docs_) {
            st_.ids.push_back(d.id);
            st_.sources.push_back(d.source);
        }
        return made;
    }

    // The document files: those made now written (or linked when their bytes are the
    // previous ones), the others linked from the previous export or made again.
    void write_docs(std::map<std::size_t, std::string>& made) {
        Stmt body_of(db_, "SELECT e.title, e.summary, d.body FROM entries e JOIN docs d ON d.rowid = e.rowid WHERE e.rowid = ?1");
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            std::string rel = "d/" + std::to_string(i) + ".json";
            if (auto it = made.find(i); it != made.end()) {
                put(rel, it->second);
            } else {
                keep(rel, st_.doc_keys[i], [&] { return doc_file(docs_[i], body_of); });
            }
        }
    }

    std::string db_path_;
    Db db_;
    const SearchExportOptions& opt_;
    Analyzer analyzer_;
    TokenizerContext ctx_{&analyzer_};
    unsigned families_ = Analyzer::kAll;
    std::vector<Doc> docs_;
    std::unordered_map<long long, unsigned> num_;
    long long tokens_ = 0;
    ExportState st_;
    std::vector<bool> dirty_terms_;
    SearchExportStats stats_;
};

}  // namespace

SearchExportStats export_search(const std::string& db, const SearchExportOptions& options) {
    return Exporter(db, options).run();
}

}  // namespace playmaker
