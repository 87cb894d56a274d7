#include <cstring>
#include <map>

#include "bibtex_parser.hpp"

namespace playmaker::bibtex {
namespace {

// Control words that stand for one letter: {\o}, \aa, \ss …
const std::map<std::string, std::string, std::less<>> kWords = {
    {"o", "ø"}, {"O", "Ø"}, {"aa", "å"}, {"AA", "Å"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"},
    {"OE", "Œ"}, {"ss", "ß"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"}, {"textendash", "–"},
    {"textemdash", "—"}, {"S", "§"}, {"P", "¶"},
};

// Accent commands: \"o → ö and so on, as combined precomposed letters where they exist.
const std::map<char, std::map<char, std::string>> kAccents = {
    {'"', {{'a', "ä"}, {'o', "ö"}, {'u', "ü"}, {'e', "ë"}, {'i', "ï"}, {'A', "Ä"}, {'O', "Ö"}, {'U', "Ü"}, {'E', "Ë"}, {'y', "ÿ"}}},
    {'\'', {{'a', "á"}, {'e', "é"}, {'i', "í"}, {'o', "ó"}, {'u', "ú"}, {'y', "ý"}, {'A', "Á"}, {'E', "É"}, {'I', "Í"}, {'O', "Ó"}, {'U', "Ú"}, {'c', "ć"}, {'n', "ń"}, {'s', "ś"}, {'z', "ź"}}},
    {'`', {{'a', "à"}, {'e', "è"}, {'i', "ì"}, {'o', "ò"}, {'u', "ù"}, {'A', "À"}, {'E', "È"}, {'O', "Ò"}}},
    {'^', {{'a', "â"}, {'e', "ê"}, {'i', "î"}, {'o', "ô"}, {'u', "û"}, {'A', "Â"}, {'E', "Ê"}, {'O', "Ô"}}},
    {'~', {{'a', "ã"}, {'o', "õ"}, {'n', "ñ"}, {'A', "Ã"}, {'O', "Õ"}, {'N', "Ñ"}}},
    {'c', {{'c', "ç"}, {'C', "Ç"}, {'s', "ş"}}},
    {'v', {{'c', "č"}, {'s', "š"}, {'z', "ž"}, {'r', "ř"}, {'C', "Č"}, {'S', "Š"}, {'Z', "Ž"}}},
    {'r', {{'a', "å"}, {'A', "Å"}}},
};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string latex_to_utf8(std::string_view s) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '{' || c == '}') {
            ++i;
            continue;
        }
        if (c == '~') {
            out += ' ';
            ++i;
            continue;
        }
        if (c == '-' && s.substr(i, 3) == "---") {
            out += "—";
            i += 3;
            continue;
        }
        if (c == '-' && s.substr(i, 2) == "--") {
            out += "–";
            i += 2;
            continue;
        }
        if (c == '\n' || c == '\r' || c == '\t') {
            if (out.empty() || out.back() != ' ') out += ' ';
            ++i;
            continue;
        }
        if (c != '\\' || i + 1 >= s.size()) {
            out += c;
            ++i;
            continue;
        }
        char n = s[i + 1];
        if (std::strchr("&%$#_{}", n)) {
            out += n;
            i += 2;
            continue;
        }
        auto acc = kAccents.find(n);
        if (acc != kAccents.end() && (!is_alpha(n) || (i + 2 < s.size() && (s[i + 2] == '{' || s[i + 2] == ' ')))) {
            // \"o, \"{o}, \c{c}, \v s
            std::size_t j = i + 2;
            while (j < s.size() && (s[j] == '{' || s[j] == ' ')) ++j;
            if (j < s.size()) {
                auto letter = acc->second.find(s[j]);
                if (letter != acc->second.end()) {
                    out += letter->second;
                    i = j + 1;
                    if (i < s.size() && s[i] == '}') ++i;
                    continue;
                }
            }
        }
        if (is_alpha(n)) {
            std::size_t j = i + 1;
            while (j < s.size() && is_alpha(s[j])) ++j;
            std::string_view word = s.substr(i + 1, j - i - 1);
            auto w = kWords.find(word);
            if (w != kWords.end()) {
                out += w->second;
                i = j;
                if (i < s.size() && s[i] == ' ') ++i;  // "\o " ends the control word
                continue;
            }
            // An unknown command (\emph, \textit): drop the command, keep its argument.
            i = j;
            continue;
        }
        ++i;  // a lone backslash
    }
    // Collapse runs of spaces.
    std::string collapsed;
    for (char c : out) {
        if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
        collapsed += c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    std::size_t b = collapsed.find_first_not_of(' ');
    return b == std::string::npos ? std::string() : collapsed.substr(b);
}

}  // namespace playmaker::bibtex
