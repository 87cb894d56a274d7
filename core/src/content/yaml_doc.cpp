#include "content/yaml_doc.hpp"

#include <set>

#include "playmaker/taxonomy.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker::yamldoc {
namespace {

// Flow and block nesting beyond this is not front matter; refusing it keeps yaml-cpp's
// recursion (and its destructor's) far from the stack's end, under sanitizers too.
constexpr int kMaxNesting = 64;

std::string describe(const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Null: return "nothing";
        default: return "a single value";
    }
}

// Reports a line whose double quotes do not balance: yaml-cpp would read on into the
// next lines and take them as part of the string.
bool check_quotes(std::string_view text, const Source& src) {
    int line_no = 0;
    bool ok = true;
    int block_indent = -1;  // inside a block scalar (| or >) opened on a line of this indent
    for (std::string_view line : text::split_lines(text)) {
        ++line_no;
        std::string_view t = text::trim(line);
        if (t.empty() || t[0] == '#') continue;
        int indent = static_cast<int>(line.find_first_not_of(' '));
        if (block_indent >= 0 && indent > block_indent) continue;
        block_indent = -1;
        std::string_view tail = t.substr(t.size() > 3 ? t.size() - 3 : 0);
        if (tail.find('|') != std::string_view::npos || tail.find('>') != std::string_view::npos) {
            std::size_t bar = t.find_last_of("|>");
            if (bar > 0 && (t[bar - 1] == ' ') ) block_indent = indent;
        }
        bool in_double = false, in_single = false;
        std::size_t open_at = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            if (in_double) {
                if (c == '\\') ++i;
                else if (c == '"') in_double = false;
            } else if (in_single) {
                if (c == '\'') in_single = false;
            } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
                break;
            } else if (c == '"' && (i == 0 || std::string_view(" \t[{,:-").find(line[i - 1]) != std::string_view::npos)) {
                in_double = true;
                open_at = i;
            } else if (c == '\'' && (i == 0 || std::string_view(" \t[{,:-").find(line[i - 1]) != std::string_view::npos)) {
                in_single = true;
                open_at = i;
            }
        }
        if (in_double || in_single) {
            int l, col;
            utf8::line_col(line, open_at, l, col);
            src.diags->error(src.path, src.first_line + line_no - 1, col,
                             std::string("unclosed ") + (in_double ? "double" : "single") +
                                 " quote: close it on the same line");
            ok = false;
        }
    }
    return ok;
}

bool check_nesting(std::string_view text, const Source& src) {
    int depth = 0, line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') ++line;
        if (c == '[' || c == '{') {
            if (++depth > kMaxNesting) {
                src.diags->error(src.path, src.first_line + line - 1, 0,
                                 "YAML nested more than " + std::to_string(kMaxNesting) + " levels deep");
                return false;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    // Block nesting: each level costs at least one column of indentation or one "- ".
    line = 0;
    for (std::string_view l : text::split_lines(text)) {
        ++line;
        int levels = 0;
        std::size_t i = 0;
        while (i < l.size() && (l[i] == ' ' || l[i] == '-' || l[i] == '?')) {
            if (l[i] != ' ') ++levels;
            ++i;
        }
        if (levels > kMaxNesting || i > 4 * kMaxNesting) {
            src.diags->error(src.path, src.first_line + line - 1, 0,
                             "YAML nested more than " + std::to_string(kMaxNesting) + " levels deep");
            return false;
        }
    }
    return true;
}

void check_duplicates(const YAML::Node& n, const Source& src, int depth) {
    if (depth > kMaxNesting) return;
    if (n.IsMap()) {
        std::set<std::string> seen;
        for (const auto& kv : n) {
            if (kv.first.IsScalar()) {
                const std::string& k = kv.first.Scalar();
                if (!seen.insert(k).second) src.error(kv.first, "duplicate key '" + k + "'");
            }
            check_duplicates(kv.second, src, depth + 1);
        }
    } else if (n.IsSequence()) {
        for (const auto& child : n) check_duplicates(child, src, depth + 1);
    }
}

}  // namespace

Position Source::at(const YAML::Mark& m) const {
    if (m.line < 0) return {first_line, 0};
    if (m.pos >= 0 && static_cast<std::size_t>(m.pos) <= text.size()) {
        int line, col;
        utf8::line_col(text, static_cast<std::size_t>(m.pos), line, col);
        return {first_line + line - 1, col};
    }
    return {first_line + m.line, m.column + 1};
}

void Source::error(const YAML::Node& n, const std::string& msg) const {
    Position p = at(n.Mark());
    diags->error(path, p.line, p.col, msg);
}

void Source::warning(const YAML::Node& n, const std::string& msg) const {
    Position p = at(n.Mark());
    diags->warning(path, p.line, p.col, msg);
}

std::optional<YAML::Node> parse(std::string_view text, const Source& src) {
    if (!check_nesting(text, src)) return std::nullopt;
    bool quotes_ok = check_quotes(text, src);
    try {
        YAML::Node root = YAML::Load(std::string(text));
        check_duplicates(root, src, 0);
        if (!quotes_ok) return std::nullopt;
        return root;
    } catch (const YAML::Exception& e) {
        if (quotes_ok) {
            Position p = src.at(e.mark);
            src.diags->error(src.path, p.line, p.col, "malformed YAML: " + e.msg);
        }
        return std::nullopt;
    }
}

bool read_string(const YAML::Node& map, const char* key, std::string& out, const Source& src) {
    YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return false;
    if (!v.IsScalar()) {
        src.error(v, std::string("'") + key + "' must be a single value, not " + describe(v));
        return false;
    }
    out = v.Scalar();
    return true;
}

bool read_list(const YAML::Node& map, const char* key, std::vector<std::string>& out,
               const Source& src, std::vector<Position>* positions) {
    YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return false;
    if (!v.IsSequence()) {
        src.error(v, std::string("'") + key + "' must be a list such as [a, b], not " + describe(v));
        return false;
    }
    bool ok = true;
    for (const auto& e : v) {
        if (!e.IsScalar()) {
            src.error(e, std::string("each entry of '") + key + "' must be a single value, not " + describe(e));
            ok = false;
            continue;
        }
        out.push_back(e.Scalar());
        if (positions) positions->push_back(src.at(e.Mark()));
    }
    return ok;
}

bool read_int(const YAML::Node& map, const char* key, long& out, const Source& src) {
    YAML::Node v = map[key];
    if (!v.IsDefined() || v.IsNull()) return false;
    if (v.IsScalar()) {
        const std::string& s = v.Scalar();
        char* end = nullptr;
        errno = 0;
        long value = std::strtol(s.c_str(), &end, 10);
        if (!s.empty() && end && *end == '\0' && errno == 0) {
            out = value;
            return true;
        }
    }
    src.error(v, std::string("'") + key + "' must be a whole number");
    return false;
}

void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const Source& src,
                const char* what) {
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) {
            src.error(kv.first, std::string("keys of ") + what + " must be plain words");
            continue;
        }
        const std::string& k = kv.first.Scalar();
        bool found = false;
        for (const auto& n : known) found = found || n == k;
        if (found) continue;
        std::string hint = closest_match(k, known);
        src.warning(kv.first, "unknown field '" + k + "' in " + what +
                                  (hint.empty() ? std::string() : " (did you mean '" + hint + "'?)"));
    }
}

}  // namespace playmaker::yamldoc
