// export_search: the FTS5 index as static files for the site's client. Postings come from
// fts5vocab's 'instance' table, i.e. exactly the tokens FTS5 holds (colocated compound parts
// included), and document lengths from the docsize table, so the client's bm25 sees the
// numbers FTS5's bm25 sees.
#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "playmaker/analysis.hpp"
#include "playmaker/search_export.hpp"
#include "search/fts_tokenizer.hpp"
#include "search/lexicon.hpp"
#include "search/paradigm.hpp"
#include "search/store.hpp"
#include "util/text.hpp"

namespace playmaker {

using namespace search;

// Bump when the files change shape (site/assets/search.js reads them): a site built with
// another format is exported again, never reused.
constexpr const char* kExportFormat = "search-export-2";

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
        auto terms = a.query_terms(w, Analyzer::kNorwegian);
        if (terms.empty()) continue;
        std::string folded = split_words(w).at(0).folded;
        if (terms[0] != a.snowball_term(folded, Analyzer::kNorwegian)) out[folded] = terms[0];
    }
    return out;
}

namespace {

constexpr std::size_t kChunkBytes = 12000;  // target size of a term or lexicon chunk
// bm25's column weights (kBm25 in store.hpp): title, summary, body, labels.
constexpr std::size_t kWeights[4] = {10, 4, 1, 3};
constexpr const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Fixed-width base64 digits of n (most significant first).
void put_b64(std::string& out, unsigned n, int width) {
    for (int i = width - 1; i >= 0; --i) out += kB64[(n >> (6 * i)) & 63];
}

// A number as base64 digits of five bits each, lowest first, 32 added to every digit but
// the last: 0–31 take one character, up to 1023 two.
void put_varint(std::string& out, unsigned long long n) {
    while (n >= 32) {
        out += kB64[32 | (n & 31)];
        n >>= 5;
    }
    out += kB64[n];
}

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

struct Doc {
    long long rowid = 0;
    std::string id, kind, title, summary, lang;
    long long dl = 0;
};

class Exporter {
public:
    Exporter(const std::string& path, const SearchExportOptions& o) : db_(path, Db::kReadOnly), opt_(o) {
        register_tokenizer(db_.get(), &ctx_);
        if (get_meta(db_, "analysis") != analyzer_.version()) {
            throw std::runtime_error(path + " was built by another version of the analysis; rebuild it");
        }
        std::string fam = get_meta(db_, "families");
        families_ = fam.empty() ? Analyzer::kAll : static_cast<unsigned>(std::stoul(fam));
    }

    SearchExportStats run() {
        load_docs();
        auto chunks = write_terms();
        auto lex = write_lexicon();
        write_table();
        write_docs();
        std::string m = "{\"format\":" + json_quote(kExportFormat) + ",\"analysis\":" + json_quote(analyzer_.version()) +
                        ",\"n\":" + std::to_string(docs_.size()) + ",\"tokens\":" + std::to_string(tokens_) +
                        ",\"weights\":[10,4,1,3],\"families\":" + std::to_string(families_);
        for (auto [name, fam] : {std::pair{"stop_no", Analyzer::kNorwegian}, {"stop_sv", Analyzer::kSwedish}}) {
            m += ",\"" + std::string(name) + "\":" + list(analyzer_.stopwords(fam));
        }
        m += ",\"terms\":" + list(chunks) + ",\"lex\":" + list(lex) + "}";
        put("meta.json", m);
        return stats_;
    }

private:
    static std::string list(const std::vector<std::string>& v) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_quote(v[i]);
        return out + "]";
    }

    void put(const std::string& rel, const std::string& bytes) {
        opt_.write(rel, bytes);
        ++stats_.files;
        stats_.bytes += bytes.size();
    }

    void load_docs() {
        Stmt st(db_, "SELECT rowid, id, kind, title, summary, lang FROM entries ORDER BY id, rowid");
        while (st.step()) {
            Doc d{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), 0};
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

    // Terms in order, chunked; returns the first term of every chunk.
    std::vector<std::string> write_terms() {
        db_.exec("CREATE VIRTUAL TABLE temp.pm_vocab USING fts5vocab(main, docs, instance)");
        Stmt st(db_, "SELECT term, doc, col, offset FROM temp.pm_vocab");
        static const std::unordered_map<std::string, int> kCol = {{"title", 0}, {"summary", 1}, {"body", 2}, {"labels", 3}};
        // Instances come by term, doc, column, offset; per term, postings are re-sorted by
        // document number (ids order), which is not rowid order.
        struct Posting {
            unsigned doc;
            std::vector<long long> pos[4];
        };
        std::vector<std::string> firsts;
        std::string tchunk, pchunk, first;
        auto flush = [&] {
            if (tchunk.empty()) return;
            std::string k = std::to_string(firsts.size());
            put("t/" + k + ".json", "{" + tchunk + "}");
            put("p/" + k + ".json", "{" + pchunk + "}");
            firsts.push_back(first);
            tchunk.clear();
            pchunk.clear();
        };
        std::string term;
        std::vector<Posting> postings;
        std::unordered_map<long long, std::size_t> at;  // rowid → index in postings
        auto emit = [&] {
            if (term.empty()) return;
            std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) { return a.doc < b.doc; });
            std::string t, p;
            unsigned prev = 0;
            for (const Posting& x : postings) {
                put_varint(t, x.doc - prev);
                prev = x.doc;
                std::size_t f = 0;
                for (int c = 0; c < 4; ++c) f += kWeights[c] * x.pos[c].size();
                put_varint(t, f);
                for (int c = 0; c < 4; ++c) {
                    put_varint(p, x.pos[c].size());
                    long long last = 0;
                    for (long long q : x.pos[c]) {
                        put_varint(p, static_cast<unsigned long long>(q - last));
                        last = q;
                    }
                }
            }
            t = json_quote(term) + ":\"" + t + "\"";
            p = json_quote(term) + ":\"" + p + "\"";
            if (!tchunk.empty() && tchunk.size() + pchunk.size() / 4 + t.size() > kChunkBytes) flush();
            if (tchunk.empty()) first = term;
            tchunk += (tchunk.empty() ? "" : ",") + t;
            pchunk += (pchunk.empty() ? "" : ",") + p;
            ++stats_.terms;
        };
        while (st.step()) {
            std::string tm = st.text(0);
            if (tm != term) {
                emit();
                term = std::move(tm);
                postings.clear();
                at.clear();
            }
            long long rowid = st.integer(1);
            auto n = num_.find(rowid);
            if (n == num_.end()) continue;
            auto [it, added] = at.emplace(rowid, postings.size());
            if (added) postings.push_back(Posting{n->second, {}});
            auto c = kCol.find(st.text(2));
            if (c == kCol.end()) continue;
            postings[it->second].pos[c->second].push_back(st.integer(3));
        }
        emit();
        flush();
        return firsts;
    }

    // Folded words of the corpus (and the extra words) where the lexicon decides.
    std::vector<std::string> write_lexicon() {
        std::vector<std::string> firsts;
        if (!(families_ & Analyzer::kNorwegian)) return firsts;
        std::set<std::string> words;
        Stmt st(db_, "SELECT title, summary, body, labels FROM docs");
        while (st.step()) {
            for (int c = 0; c < 4; ++c) {
                for (auto& w : split_words(st.text(c))) words.insert(std::move(w.folded));
            }
        }
        for (const auto& w : opt_.extra_words) {
            for (auto& x : split_words(w)) words.insert(std::move(x.folded));
        }
        add_paradigms(words);
        std::string chunk, first;
        auto flush = [&] {
            if (chunk.empty()) return;
            put("l/" + std::to_string(firsts.size()) + ".json", "{" + chunk + "}");
            firsts.push_back(first);
            chunk.clear();
        };
        for (const auto& w : words) {
            auto terms = analyzer_.query_terms(w, Analyzer::kNorwegian);
            if (terms.empty() || terms[0] == analyzer_.snowball_term(w, Analyzer::kNorwegian)) continue;
            std::string e = json_quote(w) + ":" + json_quote(terms[0]);
            if (!chunk.empty() && chunk.size() + e.size() > kChunkBytes) flush();
            if (chunk.empty()) first = w;
            chunk += (chunk.empty() ? "" : ",") + e;
            ++stats_.lexicon_words;
        }
        flush();
        return firsts;
    }

    // Every form of the words' lemmas, so that a query word absent from the content but
    // inflected from a word that is there meets it as on the server. The lemmas are
    // hunspell's stems, the core's lemma and the compound parts; a lemma that is no
    // headword (a compound hunspell builds, or the core's own split) is a prefix and the
    // longest headword that ends it: ressurslogikken exports ressurslogikkene,
    // ressursbøkene exports ressursbøker.
    static void add_paradigms(std::set<std::string>& words) {
        Paradigms para;
        Lexicon lex("");
        std::set<std::string> heads, more;
        for (const auto& w : words) {
            for (auto& l : para.lemmas(w)) heads.insert(std::move(l));
            heads.insert(lex.lemma(w));
            for (auto& p : lex.split(w)) heads.insert(std::move(p));
        }
        heads.erase("");
        for (const auto& h : heads) {
            if (lemma_forms(para, h, "", more)) continue;
            auto b = split_words(h).size() == 1 ? h : std::string();
            for (std::size_t i = 1; i + 3 <= b.size(); ++i) {
                if ((static_cast<unsigned char>(b[i]) & 0xC0) == 0x80) continue;
                if (lemma_forms(para, b.substr(i), b.substr(0, i), more)) break;
            }
        }
        words.merge(more);
    }

    // Adds `prefix` + every folded form of `lemma`: its forms in either dictionary and those
    // of its nynorsk or bokmål agent-noun twin (innbyggjar, innbyggar ↔ innbygger, as in the
    // lexicon's lemma). False when neither dictionary has the lemma.
    static bool lemma_forms(Paradigms& para, const std::string& lemma, const std::string& prefix,
                            std::set<std::string>& out) {
        auto own = para.forms(lemma);
        std::vector<std::string> twins;
        if (lemma.ends_with("er")) {
            twins = {lemma.substr(0, lemma.size() - 2) + "jar", lemma.substr(0, lemma.size() - 2) + "ar"};
        } else if (lemma.ends_with("ar")) {
            twins = {lemma.substr(0, lemma.size() - (lemma.ends_with("jar") ? 3 : 2)) + "er"};
        }
        for (const auto& t : twins) {
            for (auto& f : para.forms(t)) own.push_back(std::move(f));
        }
        if (own.empty()) return false;
        for (const auto& f : own) {
            auto ws = split_words(f);
            if (prefix.empty()) {
                for (auto& x : ws) out.insert(std::move(x.folded));
            } else if (ws.size() == 1) {
                out.insert(prefix + ws[0].folded);
            }
        }
        return true;
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

    // {"values": [...], "width": W, "codes": "..."} for one-valued facets, {"lists": {value:
    // [Δdoc, …]}} for the others.
    std::string facet_json(const std::string& facet, std::map<std::string, std::vector<unsigned>>& values) const {
        bool single = facet == "kind" || facet == "lang" || facet == "year";
        if (single) {
            int width = values.size() + 1 > 64 ? 2 : 1;
            std::string codes(docs_.size() * static_cast<std::size_t>(width), kB64[0]);
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

    void write_docs() {
        Stmt st(db_, "SELECT body FROM docs WHERE rowid = ?1");
        for (std::size_t i = 0; i < docs_.size(); ++i) {
            const Doc& d = docs_[i];
            std::string body;
            st.bind(1, d.rowid);
            if (st.step()) body = st.text(0);
            st.reset();
            if (body.size() > 700) {
                std::size_t cut = 700;
                while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
                body = body.substr(0, cut) + "…";
            }
            std::string href = opt_.href ? opt_.href(d.id, d.kind) : "";
            put("d/" + std::to_string(i) + ".json",
                "{\"id\":" + json_quote(d.id) + ",\"kind\":" + json_quote(d.kind) + ",\"title\":" + json_quote(d.title) +
                    ",\"href\":" + json_quote(href) + ",\"lang\":" + json_quote(d.lang) +
                    ",\"summary\":" + json_quote(d.summary) + ",\"body\":" + json_quote(body) + "}");
        }
    }

    Db db_;
    const SearchExportOptions& opt_;
    Analyzer analyzer_;
    TokenizerContext ctx_{&analyzer_};
    unsigned families_ = Analyzer::kAll;
    std::vector<Doc> docs_;
    std::unordered_map<long long, unsigned> num_;
    long long tokens_ = 0;
    SearchExportStats stats_;
};

}  // namespace

std::string search_export_key(const std::string& db) {
    Db d(db, Db::kReadOnly);
    std::string all = std::string(kExportFormat) + ";" + get_meta(d, "schema") + ";" + get_meta(d, "analysis") + ";" +
                      get_meta(d, "taxonomy") + ";";
    Stmt st(d, "SELECT path, hash FROM files ORDER BY path");
    while (st.step()) all += st.text(0) + "\t" + st.text(1) + "\n";
    return text::hash_hex(all);
}

SearchExportStats export_search(const std::string& db, const SearchExportOptions& options) {
    return Exporter(db, options).run();
}

}  // namespace playmaker
