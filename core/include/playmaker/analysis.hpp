// The text analysis behind search: text in a language → index terms with byte offsets.
//
// One deterministic function for the text of items (queries follow their own rule built on
// it, Analyzer::query_terms, which the static site's client computes alike): strict UTF-8
// decoding, case folding for all of Unicode, é/è/ê/ô-style
// accents folded (never å, æ, ø, ä, ö), Norwegian words brought to their lemma with the
// nb/nn hunspell dictionaries (Debian hunspell-no) and then stemmed with Snowball
// `norwegian`, Swedish and English words stemmed with Snowball, and Norwegian compounds
// split against the same dictionaries (linking -s-/-e-), the parts emitted beside the word.
//
// Positions do not depend on the language: every word gives exactly one primary token
// (stop words too, unstemmed), followed by its compound parts as colocated tokens. So the
// FTS5 position list — and the offsets snippet() maps back — are the same whatever
// language the text is analysed in.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker {

struct Token {
    std::string term;
    std::size_t start = 0;   // byte offset of the word in the original text
    std::size_t end = 0;     // one past its last byte
    bool colocated = false;  // a compound part at the same position as the token before
};

// A place that keeps the Norwegian analysis of words between processes (an index keeps
// the analysis of its own vocabulary): consulted before the dictionaries, and told of every
// word the dictionaries analysed, so that a process that meets only known words never
// loads the dictionaries (about 0.2 s).
class AnalysisStore {
public:
    virtual ~AnalysisStore() = default;
    virtual bool find(std::string_view word, std::string& term, std::vector<std::string>& parts) = 0;
    virtual void add(std::string_view word, const std::string& term, const std::vector<std::string>& parts) = 0;
};

// The Norwegian words whose query-time term is not Snowball's (Analyzer::query_terms): an
// index keeps one, computed when it is built, and the static site exports it.
class QueryLexicon {
public:
    virtual ~QueryLexicon() = default;
    // The term of a folded word when the lexicon holds it; false (term untouched) otherwise.
    virtual bool find(std::string_view folded_word, std::string& term) = 0;
};

// A QueryLexicon held in memory: folded word → term.
class MapLexicon : public QueryLexicon {
public:
    std::map<std::string, std::string, std::less<>> entries;
    bool find(std::string_view folded_word, std::string& term) override;
};

// The analysis version: changes whenever a change of code or data changes any term, so an
// index built with another version is re-analysed. Includes the lexicon's hash.
class Analyzer {
public:
    // Loads the stop-word lists from the resource folder and notes the hunspell
    // dictionaries in `dictionary_dir` (default /usr/share/hunspell); the dictionaries are
    // read only when a word needs them. Throws std::runtime_error when the stop words are
    // missing; a missing dictionary leaves Snowball alone (the version string says so, so
    // an index built without it is rebuilt once it appears).
    explicit Analyzer(const std::string& dictionary_dir = "");
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // The tokens of `text` in `lang` (nb, nn, sv, en; anything else is read as nb).
    // Invalid UTF-8 bytes separate words and give no token. Appends to `out`.
    void analyze(std::string_view text, std::string_view lang, std::vector<Token>& out);
    // The same tokens, handed one by one to `emit` (term, start, end, colocated) without
    // copying; a non-zero return from `emit` stops the walk and is returned.
    using Emit = std::function<int(std::string_view term, std::size_t start, std::size_t end, bool colocated)>;
    int for_each_token(std::string_view text, std::string_view lang, const Emit& emit);

    // The terms of one folded word (from WordReader or split_words) in `lang`, as the
    // analysis of a text gives them: the primary term and the compound parts. Valid until
    // the next call on this Analyzer.
    struct WordTerms {
        const std::string& term;
        const std::vector<std::string>& parts;
    };
    WordTerms word_terms(std::string_view folded_word, std::string_view lang);

    // The terms one query word may stand for, one per language family (Norwegian,
    // Swedish, English), without repeats (of the first word in `word`): a query carries no
    // language, so it meets items in every language where the stems agree. Empty when the
    // word gives no token. `families` limits the languages: a bit set of kNorwegian,
    // kSwedish, kEnglish.
    //
    // This is the query-time rule, not the analysis of a text: the Norwegian term is the
    // word itself for a stop word, else the word's entry in `lexicon` when it has one
    // (an index's lexicon, holding the terms the text analysis gives its content's words
    // and their forms wherever they differ from Snowball's), else snowball_term. It never
    // reads the dictionaries, and it is exactly what the static site's client computes
    // from the same lexicon. `lexicon` may be null: Snowball alone.
    std::vector<std::string> query_terms(std::string_view word, QueryLexicon* lexicon, unsigned families = kAll);
    static constexpr unsigned kNorwegian = 1, kSwedish = 2, kEnglish = 4, kAll = 7;

    // The term of a folded word in one family (kNorwegian, kSwedish or kEnglish) without
    // the lexicon: stop words and words with digits as they are, else Snowball with the
    // short-stem guard. The static site's client computes exactly this, and looks up the
    // words where the lexicon decides otherwise (search_export.hpp).
    std::string snowball_term(std::string_view folded_word, unsigned family);
    // The stop words of a family (kNorwegian: nb and nn; kSwedish), folded and sorted.
    std::vector<std::string> stopwords(unsigned family) const;

    // True when the folded word is a stop word in any of the lists (nb, nn, sv).
    bool is_stopword(std::string_view folded_word) const;

    // "analysis-N;lexicon-<hash>" — see the class comment. The hash reads the dictionaries
    // (8 MB) unless adopt_version() was given it.
    const std::string& version() const;
    // The dictionary files' sizes and modification times: cheap to take. An index records
    // it beside the version and hands both back through adopt_version(), which takes the
    // recorded hash when the files are still the same, so opening an index reads no
    // dictionary.
    const std::string& dictionary_signature() const;
    void adopt_version(const std::string& signature, const std::string& version);

    // Consulted before the dictionaries (may be null; must outlive its use here).
    void set_store(AnalysisStore* store);
    // From now on every folded word for_each_token analyses is appended to `words` (may be
    // null: no more), at least the first time this Analyzer meets it in a language family;
    // repeats are possible. An index learns so which words its documents hold.
    void collect_words(std::vector<std::string>* words);
    // True once the dictionaries were read (for tests and measurements).
    bool dictionaries_loaded() const;

    // Not thread-safe (it caches analysed words): give each thread its own Analyzer.
private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Case folding and accent folding of one word, as the analysis does it.
std::string fold_word(std::string_view word);

// Splits `text` into words (runs of letters, digits and combining marks) with byte offsets
// into `text`; each word folded. Invalid UTF-8 separates words.
struct Word {
    std::string folded;
    std::size_t start = 0, end = 0;
};
std::vector<Word> split_words(std::string_view text);

// The same words one at a time, folded into a buffer the reader reuses: no allocation per
// word. `folded()` is valid until the next call of next().
class WordReader {
public:
    explicit WordReader(std::string_view text) : text_(text) {}
    bool next();  // false when there is no word left
    std::string_view folded() const { return folded_; }
    std::size_t start() const { return start_; }
    std::size_t end() const { return end_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0, start_ = 0, end_ = 0;
    std::string folded_;
};

}  // namespace playmaker
