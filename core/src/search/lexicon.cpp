#include "search/lexicon.hpp"

#include "search/dictionaries.hpp"
#include "search/paradigm.hpp"


#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker::search {
namespace {

constexpr std::size_t kMinPart = 4;  // shorter parts are mostly junk (sek, torg, mun, ane)

// Code-point boundaries of a UTF-8 string (byte offsets, including 0 and size()).
std::vector<std::size_t> boundaries(const std::string& s) {
    std::vector<std::size_t> b;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) b.push_back(i);
    }
    b.push_back(s.size());
    return b;
}

std::size_t length_cp(const std::string& s) { return boundaries(s).size() - 1; }

// Derivational endings that hunspell also knows as words (hete, skap): never a part.
bool is_suffix_word(const std::string& lemma) {
    static const char* const k[] = {"hete", "heit", "skap", "else", "ning", "sjon", "aktig",
                                    "messig", "dømme"};
    return std::any_of(std::begin(k), std::end(k), [&](const char* s) { return lemma == s; });
}

}  // namespace

Lexicon::Lexicon(std::string dir) : dir_(std::move(dir)) {
    if (dir_.empty()) dir_ = "/usr/share/hunspell";
    std::string sig;
    for (const char* f : {"nb_NO.aff", "nb_NO.dic", "nn_NO.aff", "nn_NO.dic"}) {
        struct stat sb {};
        if (::stat((dir_ + "/" + f).c_str(), &sb) != 0 || !S_ISREG(sb.st_mode)) {
            hash_ = "none";
            return;  // no lexicon: Snowball alone
        }
        sig += std::to_string(sb.st_size) + ":" + std::to_string(sb.st_mtim.tv_sec) + "." +
               std::to_string(sb.st_mtim.tv_nsec) + ";";
    }
    signature_ = sig;
    available_ = true;
}

const std::string& Lexicon::hash() {
    if (!hash_.empty()) return hash_;
    std::string all;
    for (const char* f : {"nb_NO.aff", "nb_NO.dic", "nn_NO.aff", "nn_NO.dic"}) {
        try {
            all += text::hash_hex(text::read_file(dir_ + "/" + f));
        } catch (const std::exception&) {
            available_ = false;
            hash_ = "none";
            return hash_;
        }
    }
    hash_ = text::hash_hex(all).substr(0, 16);
    return hash_;
}

void Lexicon::adopt_hash(const std::string& signature, const std::string& hash) {
    if (available_ && hash_.empty() && signature == signature_ && !hash.empty()) hash_ = hash;
}

Lexicon::~Lexicon() = default;

void Lexicon::load() {
    if (loaded_) return;
    loaded_ = true;
    if (!available_) return;
    prefetch_paradigms(dir_);  // the related words of a new word need them next
    dicts_ = Dictionaries::shared(dir_);
}

// Stems from the readings of `l1` in one dictionary, leaving out readings made by a
// derivational prefix (hunspell's PFX rules: u-, sam-, om-, over- …; such a reading shows
// the prefix or its flag before the stem, "u st:sikres", " fl:a st:sikker"): ulovlig is not
// lovlig, samspill not spill.
static std::vector<std::string> stems_in(Hunspell& h, const std::string& l1, bool& compound) {
    std::vector<std::string> readings;
    for (auto& a : h.analyze(l1)) {
        std::string_view before = std::string_view(a).substr(0, a.find("st:"));
        if (!before.empty() && (before[0] != ' ' || before.find("fl:") != std::string_view::npos)) continue;
        readings.push_back(std::move(a));
    }
    // Every reading has parts ("pa:"): the dictionary knows the word only as a compound it
    // builds by its compounding rules.
    compound = !readings.empty() && std::all_of(readings.begin(), readings.end(), [](const std::string& a) {
        return a.find("pa:") != std::string::npos;
    });
    return readings.empty() ? std::vector<std::string>{} : h.stem(readings);
}

std::vector<std::string> Lexicon::stems(const std::string& word, bool& nynorsk, bool& compound) {
    nynorsk = compound = false;
    load();
    std::string l1;
    if (!dicts_ || !utf8::to_latin1(word, l1)) return {};
    auto s = dicts_->with([&](Hunspell& nb, Hunspell& nn) {
        auto found = stems_in(nb, l1, compound);
        if (found.empty()) {
            found = stems_in(nn, l1, compound);
            nynorsk = true;
        }
        return found;
    });
    for (auto& x : s) x = utf8::from_latin1(x);
    return s;
}

bool Lexicon::is_lemma(const std::string& word) {
    auto it = lemma_known_.find(word);
    if (it != lemma_known_.end()) return it->second;
    bool nn, compound;
    auto s = stems(word, nn, compound);
    bool known = std::find(s.begin(), s.end(), word) != s.end();
    if (lemma_known_.size() > 200000) lemma_known_.clear();
    lemma_known_.emplace(word, known);
    return known;
}

// Inflectional endings of bokmål and nynorsk nouns, verbs and adjectives.
bool is_inflection(std::string_view suffix) {
    static const char* const k[] = {"", "e", "en", "et", "a", "er", "ere", "erne", "ene", "ne", "r", "s",
                                    "es", "t", "te", "de", "ede", "ar", "ane", "ast", "i", "est", "ste",
                                    "re", "ene", "ens", "ets", "as", "ers", "nes"};
    return std::any_of(std::begin(k), std::end(k), [&](const char* x) { return suffix == x; });
}

// A stem that only begins the word, followed by a compound's tail rather than an ending:
// hunspell stems a compound it builds itself, when the last part is uninflected, to its
// first part (ressurslogikk → ressurs).
static bool is_compound_head(const std::string& word, const std::string& stem) {
    if (stem.size() >= word.size() || !word.starts_with(stem)) return false;
    std::string rest = word.substr(stem.size());
    return !is_inflection(rest) && length_cp(rest) >= kMinPart;
}

// Picks one lemma, so that every form of a word meets the others and a word never falls in
// with an unrelated one (år is not å, gård is not gåre, grenser is not gren): the shortest
// stem of four letters or more (or the word itself) that the word extends by an
// inflectional ending; when none does (kommunane → kommunar, kommune), the shortest stem.
// A compound the dictionary builds by its compounding rules gets the core's own split as
// its lemma, head + link + the tail's lemma (ressurslogikken → ressurslogikk): hunspell's
// stem of such a word is a prefix + the last part's lemma wherever its compounding cut it,
// or only the first part. Otherwise (and for a compound the core does not split) a stem
// that is only the word's first part is never the lemma; when it is all hunspell gives, the
// lemma is the core's split or the word itself.
std::string Lexicon::lemma(const std::string& word) {
    auto it = lemma_cache_.find(word);
    if (it != lemma_cache_.end()) return it->second;
    bool nynorsk = false, compound = false;
    auto all = stems(word, nynorsk, compound);
    std::string best;
    bool best_inflected = false, head_only = false;
    Compound c;
    if (compound && first_split(word, c)) {
        best = c.head + c.link + c.tail_lemma;
        all.clear();
        nynorsk = false;  // the tail's lemma is mapped already
    }
    for (const auto& s : all) {
        if (s != word && length_cp(s) < kMinPart) continue;
        if (is_compound_head(word, s)) {
            head_only = true;
            continue;
        }
        bool inflected = word.starts_with(s) && is_inflection(std::string_view(word).substr(s.size()));
        if (best.empty() || (inflected && !best_inflected) ||
            (inflected == best_inflected && (s.size() < best.size() || (s.size() == best.size() && s < best)))) {
            best = s;
            best_inflected = inflected;
        }
    }
    if (best.empty() && head_only) {
        best = first_split(word, c) ? c.head + c.link + c.tail_lemma : word;
    } else if (nynorsk && !best.empty()) {
        // Nynorsk agent nouns and the like: innbyggjar → innbygger, arbeidar → arbeider.
        std::string l1;
        static const std::pair<const char*, const char*> kMap[] = {{"jar", "er"}, {"ar", "er"}};
        for (auto [from, to] : kMap) {
            if (best.ends_with(from)) {
                std::string cand = best.substr(0, best.size() - std::string_view(from).size()) + to;
                if (utf8::to_latin1(cand, l1) && dicts_->with([&](Hunspell& nb, Hunspell&) { return nb.spell(l1); })) {
                    best = cand;
                    break;
                }
            }
        }
    }
    if (lemma_cache_.size() > 200000) lemma_cache_.clear();
    lemma_cache_.emplace(word, best);
    return best;
}

std::vector<std::string> Lexicon::split(const std::string& word) {
    std::vector<std::string> out;
    split_into(word, 0, out);
    return out;
}

// Shortest head first: the head (without a linking -s- or -e-) must be a lemma of its own,
// the tail a word form; both at least four letters.
bool Lexicon::first_split(const std::string& word, Compound& out) {
    if (!available_) return false;
    auto b = boundaries(word);
    std::size_t n = b.size() - 1;
    if (n < 2 * kMinPart) return false;
    for (std::size_t i = kMinPart; i + kMinPart <= n; ++i) {
        std::string head = word.substr(0, b[i]);
        bool head_ok = false, head_checked = false;
        for (char link : {'\0', 's', 'e'}) {
            std::size_t tail_cp = i;
            if (link) {
                if (word[b[i]] != link) continue;
                ++tail_cp;
            }
            if (n - tail_cp < kMinPart) continue;
            if (!head_checked) {
                head_ok = is_lemma(head);
                head_checked = true;
            }
            if (!head_ok) break;
            // A four-letter head needs a linking letter: kont|roll, part|nere are not compounds.
            if (i == kMinPart && !link) continue;
            std::string tail = word.substr(b[tail_cp]);
            if (tail.starts_with("het") || tail.starts_with("heit")) continue;  // virksom|heten
            std::string tail_lemma = lemma(tail);
            if (tail_lemma.empty() || is_suffix_word(tail_lemma) || length_cp(tail_lemma) < kMinPart) continue;
            out = Compound{head, link ? std::string(1, link) : std::string(), tail_lemma};
            return true;
        }
    }
    return false;
}

// The first split, then parts of the parts.
void Lexicon::split_into(const std::string& word, int depth, std::vector<std::string>& out) {
    if (depth > 2) return;
    Compound c;
    if (!first_split(word, c)) return;
    out.push_back(c.head);
    out.push_back(c.tail_lemma);
    split_into(c.head, depth + 1, out);
    split_into(c.tail_lemma, depth + 1, out);
}

}  // namespace playmaker::search
