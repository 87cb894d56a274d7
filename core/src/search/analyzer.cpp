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
constexpr const char* kAnalysisVersion = "analysis-1";

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

void load_stopwords(const std::string& file, std::unordered_set<std::string>& out) {
    std::string bytes = text::read_file(resource_path("data/" + file));
    for (auto line : text::split_lines(bytes)) {
        line = text::trim(line);
        if (line.empty() || line[0] == '#') continue;
        out.insert(fold_word(line));
    }
}

}  // namespace

struct Analyzer::Impl {
    search::Lexicon lexicon;
    Stemmer no{"norwegian"}, sv{"swedish"}, en{"english"};
    std::unordered_set<std::string> stop_no, stop_sv;
    std::unordered_map<std::string, Entry> cache[3];
    std::string version;

    explicit Impl(const std::string& dir) : lexicon(dir) {
        load_stopwords("stopwords-nb.txt", stop_no);
        load_stopwords("stopwords-nn.txt", stop_no);
        load_stopwords("stopwords-sv.txt", stop_sv);
        version = std::string(kAnalysisVersion) + ";lexicon-" + lexicon.hash();
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
        }
        return e;
    }

    const Entry& entry(Family f, const std::string& w) {
        auto& c = cache[f];
        auto it = c.find(w);
        if (it != c.end()) return it->second;
        if (c.size() > 500000) c.clear();  // bounds memory on huge vocabularies
        return c.emplace(w, compute(f, w)).first->second;
    }
};

Analyzer::Analyzer(const std::string& dictionary_dir) : impl_(std::make_unique<Impl>(dictionary_dir)) {}
Analyzer::~Analyzer() = default;

const std::string& Analyzer::version() const { return impl_->version; }

void Analyzer::analyze(std::string_view text, std::string_view lang, std::vector<Token>& out) {
    for_each_token(text, lang, [&](std::string_view term, std::size_t start, std::size_t end, bool colocated) {
        out.push_back(Token{std::string(term), start, end, colocated});
        return 0;
    });
}

int Analyzer::for_each_token(std::string_view text, std::string_view lang, const Emit& emit) {
    Family f = family_of(lang);
    for (auto& w : split_words(text)) {
        const Entry& e = impl_->entry(f, w.folded);
        if (int rc = emit(e.term, w.start, w.end, false)) return rc;
        for (const auto& p : e.parts) {
            if (int rc = emit(p, w.start, w.end, true)) return rc;
        }
    }
    return 0;
}

std::vector<std::string> Analyzer::query_terms(std::string_view word, unsigned families) {
    std::vector<std::string> out;
    auto words = split_words(word);
    if (words.empty()) return out;
    const std::string& folded = words[0].folded;
    const unsigned bits[3] = {kNorwegian, kSwedish, kEnglish};
    for (int f = 0; f < 3; ++f) {
        if (!(families & bits[f])) continue;
        const std::string& t = impl_->entry(static_cast<Family>(f), folded).term;
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
    std::string w(folded_word);
    return impl_->stop_no.count(w) > 0 || impl_->stop_sv.count(w) > 0;
}

}  // namespace playmaker
