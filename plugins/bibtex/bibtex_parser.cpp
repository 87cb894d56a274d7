#include "bibtex_parser.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace playmaker::bibtex {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Field {
    std::string value;  // raw (LaTeX) text, macros expanded
    bool braced = false;
    std::size_t offset = 0;
};

class Parser {
public:
    Parser(std::string_view s, const std::string& name, std::vector<Reference>& out, Diagnostics& diags)
        : s_(s), name_(name), out_(out), diags_(diags) {
        for (const char* m : {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
            macros_[m] = std::to_string(macros_.size() + 1);
        }
    }

    void run() {
        while (true) {
            std::size_t at = s_.find('@', pos_);
            if (at == std::string_view::npos) return;
            pos_ = at + 1;
            if (!entry(at)) skip_to_next_entry();
        }
    }

private:
    std::string_view s_;
    const std::string& name_;
    std::vector<Reference>& out_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    std::map<std::string, std::string> macros_;

    Position at(std::size_t offset) const {
        Position p{1, 1};
        for (std::size_t i = 0; i < offset && i < s_.size(); ++i) {
            if (s_[i] == '\n') {
                ++p.line;
                p.col = 1;
            } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
                ++p.col;
            }
        }
        return p;
    }

    bool fail(std::size_t offset, const std::string& msg) {
        Position p = at(offset);
        diags_.error(name_, p.line, p.col, msg);
        return false;
    }

    void skip_ws() {
        while (pos_ < s_.size()) {
            char c = s_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++pos_;
            } else if (c == '%') {  // a comment to the end of the line
                while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
            } else {
                break;
            }
        }
    }

    // After a malformed entry: go on at the next '@' that starts a line.
    void skip_to_next_entry() {
        if (pos_ < s_.size() && s_[pos_] == '@' && (pos_ == 0 || s_[pos_ - 1] == '\n')) return;
        while (pos_ < s_.size()) {
            std::size_t nl = s_.find('\n', pos_);
            if (nl == std::string_view::npos) {
                pos_ = s_.size();
                return;
            }
            pos_ = nl + 1;
            std::size_t j = pos_;
            while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
            if (j < s_.size() && s_[j] == '@') {
                pos_ = j;
                return;
            }
        }
    }

    std::string identifier() {
        std::size_t b = pos_;
        while (pos_ < s_.size()) {
            char c = s_[pos_];
            if (std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-:./+'").find(c) != std::string_view::npos ||
                static_cast<unsigned char>(c) >= 0x80) {
                ++pos_;
            } else {
                break;
            }
        }
        return std::string(s_.substr(b, pos_ - b));
    }

    // A {…} value with nested braces; pos_ is at the '{'.
    bool braced(std::string& out) {
        std::size_t start = pos_;
        int depth = 0;
        for (; pos_ < s_.size(); ++pos_) {
            char c = s_[pos_];
            if (c == '\\' && pos_ + 1 < s_.size()) {
                out += c;
                out += s_[++pos_];
                continue;
            }
            if (c == '\n') {
                // A line starting with '@' inside a value: the brace was never closed.
                std::size_t j = pos_ + 1;
                while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
                if (j < s_.size() && s_[j] == '@') return fail(start, "unbalanced braces: '{' never closes before the next entry");
            }
            if (c == '{') {
                if (depth++ > 0) out += c;
            } else if (c == '}') {
                if (--depth == 0) {
                    ++pos_;
                    return true;
                }
                out += c;
            } else {
                out += c;
            }
            if (depth > 64) return fail(start, "braces nested too deeply");
        }
        return fail(start, "unbalanced braces: '{' never closes");
    }

    bool quoted(std::string& out) {
        std::size_t start = pos_++;
        int depth = 0;
        for (; pos_ < s_.size(); ++pos_) {
            char c = s_[pos_];
            if (c == '{') ++depth;
            if (c == '}') --depth;
            if (c == '"' && depth == 0) {
                ++pos_;
                return true;
            }
            out += c;
        }
        return fail(start, "unclosed '\"' in a value");
    }

    // value = part { '#' part }
    bool value(Field& f) {
        skip_ws();
        f.offset = pos_;
        while (true) {
            skip_ws();
            if (pos_ >= s_.size()) return fail(f.offset, "entry never closes");
            char c = s_[pos_];
            if (c == '{') {
                f.braced = true;
                if (!braced(f.value)) return false;
            } else if (c == '"') {
                if (!quoted(f.value)) return false;
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) f.value += s_[pos_++];
            } else {
                std::size_t b = pos_;
                std::string macro = lower(identifier());
                if (macro.empty()) return fail(b, "expected a value in braces, quotes, a number or a @string name");
                auto m = macros_.find(macro);
                if (m == macros_.end()) return fail(b, "unknown @string '" + macro + "'");
                f.value += m->second;
            }
            skip_ws();
            if (pos_ < s_.size() && s_[pos_] == '#') {
                ++pos_;
                continue;
            }
            return true;
        }
    }

    bool entry(std::size_t at_offset) {
        std::string type = lower(identifier());
        if (type.empty()) return fail(at_offset, "expected an entry type after '@'");
        skip_ws();
        if (pos_ >= s_.size() || (s_[pos_] != '{' && s_[pos_] != '(')) {
            return fail(pos_, "expected '{' after @" + type);
        }
        char close = s_[pos_] == '{' ? '}' : ')';
        if (type == "comment" || type == "preamble") {
            std::string ignored;
            if (s_[pos_] == '{') return braced(ignored);
            std::size_t end = s_.find(')', pos_);
            pos_ = end == std::string_view::npos ? s_.size() : end + 1;
            return true;
        }
        ++pos_;
        skip_ws();
        std::map<std::string, Field> fields;
        std::string key;
        if (type != "string") {
            std::size_t key_at = pos_;
            key = identifier();
            skip_ws();
            if (key.empty() || pos_ >= s_.size() || s_[pos_] != ',') {
                if (pos_ < s_.size() && s_[pos_] == '=') return fail(key_at, "entry @" + type + " has no citation key");
                return fail(key_at, "expected the citation key and ',' after @" + type + "{");
            }
            ++pos_;
        }
        while (true) {
            skip_ws();
            if (pos_ >= s_.size()) return fail(at_offset, "entry never closes: '" + std::string(1, close) + "' missing");
            if (s_[pos_] == close) {
                ++pos_;
                break;
            }
            std::size_t field_at = pos_;
            std::string fname = lower(identifier());
            if (fname.empty()) return fail(field_at, "expected a field name");
            skip_ws();
            if (pos_ >= s_.size() || s_[pos_] != '=') return fail(pos_, "expected '=' after field '" + fname + "'");
            ++pos_;
            Field f;
            if (!value(f)) return false;
            if (fields.count(fname)) {
                Position p = at(field_at);
                diags_.warning(name_, p.line, p.col, "field '" + fname + "' given twice; the first is kept");
            } else {
                fields[fname] = std::move(f);
            }
            skip_ws();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == close) continue;
            if (pos_ < s_.size() && s_[pos_] == '@' && s_[pos_ - 1] == '\n') {
                return fail(f.offset, "unbalanced braces: the value of '" + fname + "' runs on to the next entry");
            }
            return fail(pos_, "expected ',' or '" + std::string(1, close) + "' after field '" + fname + "'");
        }
        if (type == "string") {
            for (auto& [k, v] : fields) macros_[k] = v.value;
            return true;
        }
        make_reference(type, key, fields, at_offset);
        return true;
    }

    static std::string csl_type(const std::string& t, const std::map<std::string, Field>& f) {
        if (t == "article") return "article-journal";
        if (t == "book" || t == "mvbook") return "book";
        if (t == "incollection" || t == "inbook") return "chapter";
        if (t == "inproceedings" || t == "conference") return "paper-conference";
        if (t == "techreport" || t == "report") return "report";
        if (t == "phdthesis" || t == "mastersthesis" || t == "thesis") return "thesis";
        if (t == "online" || t == "electronic" || t == "www") return "webpage";
        if (t == "misc") return f.count("url") ? "webpage" : "document";
        return "document";
    }

    void make_reference(const std::string& type, const std::string& key,
                        const std::map<std::string, Field>& f, std::size_t at_offset) {
        Reference r;
        r.id = key;
        r.type = csl_type(type, f);
        r.path = name_;
        Position p = at(at_offset);
        r.line = p.line;
        r.col = p.col;
        auto get = [&](const char* k) -> std::string {
            auto it = f.find(k);
            return it == f.end() ? std::string() : latex_to_utf8(it->second.value);
        };
        auto first = [&](std::initializer_list<const char*> keys) {
            for (const char* k : keys) {
                if (std::string v = get(k); !v.empty()) return v;
            }
            return std::string();
        };
        if (auto it = f.find("author"); it != f.end()) r.authors = parse_names(it->second.value);
        if (auto it = f.find("editor"); it != f.end()) r.editors = parse_names(it->second.value);
        r.title = get("title");
        r.container_title = first({"journaltitle", "journal", "booktitle"});
        r.collection_title = get("series");
        r.publisher = first({"publisher", "institution", "school", "organization"});
        r.publisher_place = first({"location", "address"});
        r.volume = get("volume");
        if (r.type == "article-journal") {
            r.issue = first({"number", "issue"});
        } else {
            r.number = get("number");
            r.issue = get("issue");
        }
        r.page = get("pages");
        r.edition = get("edition");
        r.genre = get("type");
        r.doi = get("doi");
        r.url = get("url");
        r.note = get("note");
        r.language = get("langid");
        std::string date = first({"date", "year"});
        if (!date.empty()) {
            bool ok = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, ::isdigit);
            if (ok) {
                r.issued.year = std::stoi(date.substr(0, 4));
                if (date.size() >= 7 && date[4] == '-' && std::isdigit(static_cast<unsigned char>(date[5])) &&
                    std::isdigit(static_cast<unsigned char>(date[6]))) {
                    r.issued.month = std::stoi(date.substr(5, 2));
                }
                if (std::string m = get("month"); !m.empty() && r.issued.month == 0 && std::all_of(m.begin(), m.end(), ::isdigit) && m.size() <= 2) {
                    r.issued.month = std::stoi(m);
                }
                if (r.issued.month > 12) ok = false;
            }
            if (!ok) {
                const Field& df = f.count("date") ? f.at("date") : f.at("year");
                fail(df.offset, "malformed year or date '" + date + "' in entry '" + key + "'");
                return;
            }
        }
        if (std::string u = get("urldate"); u.size() >= 4 && std::all_of(u.begin(), u.begin() + 4, ::isdigit)) {
            r.accessed.year = std::stoi(u.substr(0, 4));
            if (u.size() >= 7) r.accessed.month = std::atoi(u.substr(5, 2).c_str());
            if (u.size() >= 10) r.accessed.day = std::atoi(u.substr(8, 2).c_str());
        }
        if (r.authors.empty() && r.editors.empty() && r.title.empty()) {
            fail(at_offset, "entry '" + key + "' has neither author nor title");
            return;
        }
        out_.push_back(std::move(r));
    }
};

// Splits on " and " outside braces.
std::vector<std::string> split_and(std::string_view s) {
    std::vector<std::string> parts;
    std::string cur;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '{') ++depth;
        if (c == '}') --depth;
        if (depth == 0 && (c == ' ' || c == '\n' || c == '\t') && i + 5 <= s.size() &&
            lower(s.substr(i + 1, 3)) == "and" && i + 4 < s.size() &&
            (s[i + 4] == ' ' || s[i + 4] == '\n' || s[i + 4] == '\t')) {
            parts.push_back(cur);
            cur.clear();
            i += 4;
            continue;
        }
        cur += c;
    }
    parts.push_back(cur);
    return parts;
}

}  // namespace

std::vector<Name> parse_names(std::string_view s) {
    std::vector<Name> out;
    for (const std::string& raw : split_and(s)) {
        std::string t = raw;
        while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
        while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
        if (t.empty()) continue;
        Name n;
        if (t.front() == '{' && t.back() == '}' && t.find('}') == t.size() - 1) {
            n.literal = latex_to_utf8(t);  // {Distriktssenteret}: an organisation
            out.push_back(n);
            continue;
        }
        // "Family, Given" (comma outside braces) or "Given Family".
        int depth = 0;
        std::size_t comma = std::string::npos, last_space = std::string::npos;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '{') ++depth;
            if (t[i] == '}') --depth;
            if (depth == 0 && t[i] == ',' && comma == std::string::npos) comma = i;
            if (depth == 0 && t[i] == ' ') last_space = i;
        }
        if (comma != std::string::npos) {
            n.family = latex_to_utf8(t.substr(0, comma));
            n.given = latex_to_utf8(t.substr(comma + 1));
        } else if (last_space != std::string::npos) {
            n.given = latex_to_utf8(t.substr(0, last_space));
            n.family = latex_to_utf8(t.substr(last_space + 1));
        } else {
            n.family = latex_to_utf8(t);
        }
        if (!n.empty()) out.push_back(n);
    }
    return out;
}

void parse(std::string_view bytes, const std::string& name, std::vector<Reference>& out,
           Diagnostics& diags) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    Parser(bytes, name, out, diags).run();
}

}  // namespace playmaker::bibtex
