// The analysis: words → terms, per language family, with a cache per family so that a
// word is looked up in the dictionaries once per Analyzer, not once per occurrence.
#include <libstemmer.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "playmaker/analysis.hpp"
#include "playmaker/resources.hpp"
#include "search/lexicon.hpp"
#include "util/text.hpp"

namespace playmaker {
namespace {

// Bump when a change of the code changes any term: every index is then re-analysed.
constexpr const char* kAnalysisVersion = "analysis-2";

enum Family { kNo = 0, kSv = 1, kEn = 2 };

Family family_of(std::string_view lang) {
    if (lang == "sv") return kSv;
    if (lang == "en") return kEn;
    return kNo;
}

struct Stemmer {
    sb_stemmer* st = nullptr;
    explicit Stemmer(const char* algorithm) : st(sb_stemmer_new(algorithm, "UTF_8")) {
        if (!st) throw std::runtime_error(std::string("Snowball has no stemmer ") + algorithm);
    }
    ~Stemmer() { sb_stemmer_delete(st); }
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;
    std::string stem(const std::string& w) {
        const sb_symbol* r = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(w.data()),
                                             static_cast<int>(w.size()));
        if (!r) return w;
        return std::string(reinterpret_cast<const char*>(r), static_cast<std::size_t>(sb_stemmer_length(st)));
    }
};

// What one folded word becomes: the term, and compound parts (Norwegian only).
struct Entry {
    std::string term;
    std::vector<std::string> parts;
};

bool has_digit(const std::string& w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t count_cp(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

template <class Set>
void load_stopwords(const std::string& file, Set& out) {
    std::string bytes = text::read_file(resource_path("data/" + file));
    for (auto line : text::split_lines(bytes)) {
        line = text::trim(line);
        if (line.empty() || line[0] == '#') continue;
        out.insert(fold_word(line));
    }
}

// Hashes string_views and strings alike, so the cache is looked up without a copy.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct Analyzer::Impl {
    search::Lexicon lexicon;
    Stemmer no{"norwegian"}, sv{"swedish"}, en{"english"};
    std::unordered_set<std::string, ViewHash, std::equal_to<>> stop_no, stop_sv;
    std::unordered_map<std::string, Entry, ViewHash, std::equal_to<>> cache[3];
    std::string version;
    AnalysisStore* store = nullptr;
    std::vector<std::string>* seen = nullptr;  // collect_words

    explicit Impl(const std::string& dir) : lexicon(dir) {
        load_stopwords("stopwords-nb.txt", stop_no);
        load_stopwords("stopwords-nn.txt", stop_no);
        load_stopwords("stopwords-sv.txt", stop_sv);
    }

    // Snowball cuts some words to a short other word (demens → dem): keep those whole.
    static std::string guard(std::string term, const std::string& word) {
        return count_cp(term) < 4 && term != word ? word : term;
    }

    Entry compute(Family f, const std::string& w) {
        Entry e;
        if (has_digit(w)) {
            e.term = w;
        } else if (f == kSv) {
            e.term = stop_sv.count(w) ? w : guard(sv.stem(w), w);
        } else if (f == kEn) {
            e.term = guard(en.stem(w), w);
        } else if (stop_no.count(w)) {
            e.term = w;
        } else if (store && store->find(w, e.term, e.parts)) {
            // analysed by an earlier process with the same analysis version
        } else {
            std::string lemma = lexicon.lemma(w);
            if (lemma.empty()) lemma = w;
            e.term = guard(no.stem(lemma), lemma);
            if (count_cp(w) >= 8) {
                for (const auto& p : lexicon.split(w)) {
                    std::string t = no.stem(p);
                    if (count_cp(t) < 4) t = p;
                    if (t != e.term && std::find(e.parts.begin(), e.parts.end(), t) == e.parts.end()) {
                        e.parts.push_back(std::move(t));
                    }
                }
            }
            if (store) store->add(w, e.term, e.parts);
        }
        return e;
    }

    const Entry& entry(Family f, std::string_view w, bool from_text = false) {
        auto& c = cache[f];
        auto it = c.find(w);
        if (it != c.end()) return it->second;
        if (c.size() > 500000) c.clear();  // bounds memory on huge vocabularies
        std::string key(w);
        if (from_text && seen) seen->push_back(key);
        Entry e = compute(f, key);
        return c.emplace(std::move(key), std::move(e)).first->second;
    }
};

Analyzer::Analyzer(const std::string& dictionary_dir) : impl_(std::make_unique<Impl>(dictionary_dir)) {}
Analyzer::~Analyzer() = default;

const std::string& Analyzer::version() const {
    if (impl_->version.empty()) {
        impl_->version = std::string(kAnalysisVersion) + ";lexicon-" + impl_->lexicon.hash();
    }
    return impl_->version;
}

const std::string& Analyzer::dictionary_signature() const { return impl_->lexicon.signature(); }

void Analyzer::adopt_version(const std::string& signature, const std::string& version) {
    std::string prefix = std::string(kAnalysisVersion) + ";lexicon-";
    if (impl_->version.empty() && version.starts_with(prefix)) {
        impl_->lexicon.adopt_hash(signature, version.substr(prefix.size()));
    }
}

void Analyzer::set_store(AnalysisStore* store) { impl_->store = store; }

bool MapLexicon::find(std::string_view folded_word, std::string& term) {
    auto it = entries.find(folded_word);
    if (it == entries.end()) return false;
    term = it->second;
    return true;
}

void Analyzer::collect_words(std::vector<std::string>* words) { impl_->seen = words; }

bool Analyzer::dictionaries_loaded() const { return impl_->lexicon.loaded(); }

void Analyzer::analyze(std::string_view text, std::string_view lang, std::vector<Token>& out) {
    for_each_token(text, lang, [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
        out.push_back(Token{std::string(term), start, end, colocated});
        return 0;
    });
}

int Analyzer::for_each_token(std::string_view text, std::string_view lang, const Emit& emit) {
    Family f = family_of(lang);
    WordReader r(text);
    while (r.next()) {
        const Entry& e = impl_->entry(f, r.folded(), true);
        if (int rc = emit(e.term, r.start(), r.end(), false)) return rc;
        for (const auto& p : e.parts) {
            if (int rc = emit(p, r.start(), r.end(), true)) return rc;
        }
    }
    return 0;
}

Analyzer::WordTerms Analyzer::word_terms(std::string_view folded_word, std::string_view lang) {
    const Entry& e = impl_->entry(family_of(lang), folded_word);
    return WordTerms{e.term, e.parts};
}

std::vector<std::string> Analyzer::query_terms(std::string_view word, QueryLexicon* lexicon, unsigned families) {
    std::vector<std::string> out;
    WordReader r(word);
    if (!r.next()) return out;
    const unsigned bits[3] = {kNorwegian, kSwedish, kEnglish};
    std::string t;
    for (int f = 0; f < 3; ++f) {
        if (!(families & bits[f])) continue;
        if (f != kNo) {
            t = impl_->entry(static_cast<Family>(f), r.folded()).term;  // Snowball alone
        } else if (impl_->stop_no.count(r.folded()) || !lexicon || !lexicon->find(r.folded(), t)) {
            t = snowball_term(r.folded(), kNorwegian);
        }
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
}

std::string Analyzer::snowball_term(std::string_view folded_word, unsigned family) {
    std::string w(folded_word);
    Impl& im = *impl_;
    if (has_digit(w)) return w;
    if (family == kSwedish) return im.stop_sv.count(w) ? w : Impl::guard(im.sv.stem(w), w);
    if (family == kEnglish) return Impl::guard(im.en.stem(w), w);
    return im.stop_no.count(w) ? w : Impl::guard(im.no.stem(w), w);
}

std::vector<std::string> Analyzer::stopwords(unsigned family) const {
    const auto& set = family == kSwedish ? impl_->stop_sv : impl_->stop_no;
    std::vector<std::string> out(set.begin(), set.end());
    std::sort(out.begin(), out.end());
    return out;
}

bool Analyzer::is_stopword(std::string_view folded_word) const {
    return impl_->stop_no.count(folded_word) > 0 || impl_->stop_sv.count(folded_word) > 0;
}

}  // namespace playmaker
