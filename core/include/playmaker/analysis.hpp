// The text analysis behind search: text in a language → index terms with byte offsets.
//
// One deterministic function, used for items, for queries and (later) exported for the
// static site: strict UTF-8 decoding, case folding for all of Unicode, é/è/ê/ô-style
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

// The analysis version: changes whenever a change of code or data changes any term, so an
// index built with another version is re-analysed. Includes the lexicon's hash.
class Analyzer {
public:
    // Loads the stop-word lists from the resource folder and the hunspell dictionaries
    // from `dictionary_dir` (default /usr/share/hunspell). Throws std::runtime_error when
    // the stop words are missing; a missing dictionary leaves Snowball alone (the version
    // string says so, so an index built without it is rebuilt once it appears).
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

    // The terms one query word may stand for, one per language family (Norwegian,
    // Swedish, English), without repeats (of the first word in `word`): a query carries no language, so it meets items
    // in every language where the stems agree. Empty when the word gives no token.
    // `families` limits the languages: a bit set of kNorwegian, kSwedish, kEnglish.
    std::vector<std::string> query_terms(std::string_view word, unsigned families = kAll);
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

    // "analysis-N;lexicon-<hash>" — see the class comment.
    const std::string& version() const;

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

}  // namespace playmaker
