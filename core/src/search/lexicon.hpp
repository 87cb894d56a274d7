// The fixed compound and lemma lexicon: Debian hunspell-no's nb_NO and nn_NO dictionaries,
// read through libhunspell. The dictionaries are Latin-1; words are converted at the edge.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace playmaker::search {

class Lexicon {
public:
    // Looks for {nb_NO,nn_NO}.{aff,dic} in `dir`. The dictionaries are loaded on first use
    // (about 0.2 s); the hash is computed at once from the files' bytes.
    explicit Lexicon(std::string dir);
    ~Lexicon();

    bool available() const { return available_; }
    // Hex digest of the four files, or "none" when they are missing.
    const std::string& hash() const { return hash_; }

    // The lemma of a folded word, nynorsk forms mapped to the bokmål lemma where bokmål has
    // it (innbyggjar → innbygger); empty when neither dictionary knows the word.
    std::string lemma(const std::string& word);
    // Compound parts (as lemmas), e.g. havbruksfondet → havbruk, fond; parts of parts
    // follow. Empty when the word does not split into parts of four letters or more.
    std::vector<std::string> split(const std::string& word);

private:
    void load();
    std::vector<std::string> stems(const std::string& word, bool& nynorsk);
    bool is_lemma(const std::string& word);
    void split_into(const std::string& word, int depth, std::vector<std::string>& out);

    std::string dir_;
    std::string hash_ = "none";
    bool available_ = false;
    bool loaded_ = false;
    std::unique_ptr<Hunspell> nb_, nn_;
    std::unordered_map<std::string, std::string> lemma_cache_;
};

}  // namespace playmaker::search
