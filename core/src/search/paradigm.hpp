// The inflected forms of dictionary words: hunspell's suffix rules (SFX) applied to the
// .dic entries of nb_NO and nn_NO. The site export uses them so that a query word which
// is absent from the content, but is a form of a word that is there (innbyggere beside
// innbyggjarane), gets the dictionary's lemma in the browser as on the server.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace playmaker::search {

// Starts reading the headwords in `dir` on a thread of their own, so a Paradigms made
// later finds them ready: an index build that meets a new word calls it as it loads the
// hunspell pair, whose nb half takes twice as long as its nn half.
void prefetch_paradigms(const std::string& dir);

// Where the headwords, once parsed and sorted, are kept for the next process
// (`<folder>/headwords.cache`, checked against the dictionaries' sizes and times, a damaged
// one read as none); "" = nowhere. An index build sets its own folder.
void set_headword_cache(const std::string& folder);

class Paradigms {
public:
    // Reads {nb_NO,nn_NO}.{aff,dic} from `dir` ("" = /usr/share/hunspell); without them
    // every answer is empty.
    explicit Paradigms(std::string dir = "");
    ~Paradigms();

    // The headwords (lemmas, UTF-8) the dictionaries give for a folded word.
    std::vector<std::string> lemmas(const std::string& word);
    // Every form of the headword in either dictionary (UTF-8, as written there), the
    // headword included; empty when neither has it.
    std::vector<std::string> forms(const std::string& headword) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace playmaker::search
