// Word splitting and folding: the first step of the analysis, independent of language.
#include <Poco/Unicode.h>

#include "playmaker/analysis.hpp"
#include "util/utf8.hpp"

namespace playmaker {
namespace {

bool is_word_char(int32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    Poco::Unicode::CharacterProperties props;
    Poco::Unicode::properties(cp, props);
    switch (props.category) {
        case Poco::Unicode::UCP_LETTER:
        case Poco::Unicode::UCP_MARK:
        case Poco::Unicode::UCP_NUMBER:
            return true;
        default:
            return false;
    }
}

// Accents that Norwegian and Swedish writers use interchangeably (idé/ide, kafé/kafe) fold
// away; letters that make another word (å, æ, ø, ä, ö) stay.
int32_t fold_accent(int32_t cp) {
    switch (cp) {
        case 0xE0: case 0xE1: case 0xE2: case 0xE3: return 'a';
        case 0xE7: return 'c';
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: return 'e';
        case 0xEC: case 0xED: case 0xEE: case 0xEF: return 'i';
        case 0xF1: return 'n';
        case 0xF2: case 0xF3: case 0xF4: case 0xF5: return 'o';
        case 0xF9: case 0xFA: case 0xFB: case 0xFC: return 'u';
        case 0xFD: case 0xFF: return 'y';
        default: return cp;
    }
}

// Appends a folded code point; combining marks from decomposed text are dropped or
// composed with the letter before (a + ring → å, a/o + diaeresis → ä/ö).
void append_folded(std::string& out, int32_t cp) {
    if (cp >= 0x300 && cp <= 0x36F) {
        char last = out.empty() ? 0 : out.back();
        if (cp == 0x30A && last == 'a') {
            out.pop_back();
            utf8::append(out, 0xE5);
        } else if (cp == 0x308 && (last == 'a' || last == 'o')) {
            out.pop_back();
            utf8::append(out, last == 'a' ? 0xE4 : 0xF6);
        }
        return;  // other marks (acute, grave, circumflex, …) fold away
    }
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return;
    }
    utf8::append(out, fold_accent(Poco::Unicode::toLower(cp)));
}

}  // namespace

std::string fold_word(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    std::size_t pos = 0;
    while (pos < word.size()) {
        int32_t cp = utf8::decode(word, pos);
        if (cp < 0) {
            ++pos;
            continue;
        }
        append_folded(out, cp);
    }
    return out;
}

bool WordReader::next() {
    folded_.clear();
    bool in_word = false;
    while (pos_ < text_.size()) {
        std::size_t at = pos_;
        auto c = static_cast<unsigned char>(text_[pos_]);
        int32_t cp;
        bool word_char;
        if (c < 0x80) {  // ASCII: no decoding, no Unicode tables
            cp = c;
            ++pos_;
            word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        } else {
            cp = utf8::decode(text_, pos_);
            if (cp < 0) {  // an invalid byte ends the word and gives nothing
                pos_ = at + 1;
                cp = ' ';
            }
            word_char = is_word_char(cp) && !(!in_word && cp >= 0x300 && cp <= 0x36F);
        }
        if (word_char) {
            if (!in_word) {
                start_ = at;
                in_word = true;
            }
            if (cp < 0x80) {
                folded_ += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            } else {
                append_folded(folded_, cp);
            }
            end_ = pos_;
        } else if (in_word) {
            if (!folded_.empty()) return true;
            in_word = false;
        }
    }
    return in_word && !folded_.empty();
}

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    WordReader r(text);
    while (r.next()) words.push_back(Word{std::string(r.folded()), r.start(), r.end()});
    return words;
}

}  // namespace playmaker
