// The fixed compound and lemma lexicon: Debian hunspell-no's nb_NO and nn_NO dictionaries,
// read through libhunspell. The dictionaries are Latin-1; words are converted at the edge.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace playmaker::search {

class Dictionaries;

class Lexicon {
public:
    // Looks for {nb_NO,nn_NO}.{aff,dic} in `dir` (a stat of each). The dictionaries are
    // loaded on first use (about 0.2 s), the hash on first call of hash().
    explicit Lexicon(std::string dir);
    ~Lexicon();

    bool available() const { return available_; }
    bool loaded() const { return dicts_ != nullptr; }
    // Hex digest of the four files, or "none" when they are missing.
    const std::string& hash();
    // Sizes and modification times of the four files ("none" when they are missing).
    const std::string& signature() const { return signature_; }
    // Takes `hash` as the hash when `signature` is still the files' signature.
    void adopt_hash(const std::string& signature, const std::string& hash);

    // The lemma of a folded word, nynorsk forms mapped to the bokmål lemma where bokmål has
    // it (innbyggjar → innbygger); empty when neither dictionary knows the word.
    std::string lemma(const std::string& word);
    // Compound parts (as lemmas), e.g. havbruksfondet → havbruk, fond; parts of parts
    // follow. Empty when the word does not split into parts of four letters or more.
    std::vector<std::string> split(const std::string& word);

    // The first way `word` splits (shortest head first): head + link + tail, where the
    // head is a lemma of its own, the link is "", "s" or "e", and the tail's lemma has four
    // letters or more. A compound hunspell builds itself has head + link + tail_lemma as
    // its lemma (ressurslogikken → ressurs + logikk).
    struct Compound {
        std::string head, link, tail_lemma;
    };
    bool first_split(const std::string& word, Compound& out);

private:
    void load();
    std::vector<std::string> stems(const std::string& word, bool& nynorsk, bool& compound);
    bool is_lemma(const std::string& word);
    void split_into(const std::string& word, int depth, std::vector<std::string>& out);

    std::string dir_;
    std::string hash_;  // empty until computed
    std::string signature_ = "none";
    bool available_ = false;
    bool loaded_ = false;
    std::shared_ptr<Dictionaries> dicts_;  // shared by the process, once loaded
    std::unordered_map<std::string, std::string> lemma_cache_;
    std::unordered_map<std::string, bool> lemma_known_;  // is_lemma, for compound heads
};

}  // namespace playmaker::search
