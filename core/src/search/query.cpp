#include "search/query.hpp"

#include "playmaker/analysis.hpp"

namespace playmaker::search {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A term is kept only when the analysis finds a word in it: "…", "*" or "(" alone would
// give FTS5 an empty phrase.
bool has_words(std::string_view s) { return !split_words(s).empty(); }

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string term_expr(const QueryTerm& t) { return quote(t.text) + (t.prefix ? " *" : ""); }

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    ParsedQuery run() {
        bool pending_or = false;
        while (skip_space()) {
            bool negate = false;
            if (s_[pos_] == '-' && pos_ + 1 < s_.size() && !is_space(s_[pos_ + 1])) {
                negate = true;
                ++pos_;
            }
            QueryTerm t;
            if (s_[pos_] == '"') {
                std::size_t close = s_.find('"', pos_ + 1);
                if (close == std::string_view::npos) {
                    ++pos_;  // an unbalanced quote: the rest is plain words
                    continue;
                }
                t.text = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
                t.phrase = true;
                pos_ = close + 1;
                if (pos_ < s_.size() && s_[pos_] == '*') {
                    t.prefix = true;
                    while (pos_ < s_.size() && s_[pos_] == '*') ++pos_;
                }
            } else {
                std::size_t start = pos_;
                while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '"') ++pos_;
                std::string_view word = s_.substr(start, pos_ - start);
                if (!negate && word == "OR") {
                    pending_or = !out_.required.empty();
                    continue;
                }
                if (!negate && try_facet(word)) {
                    pending_or = false;
                    continue;
                }
                while (!word.empty() && word.back() == '*') {
                    word.remove_suffix(1);
                    t.prefix = true;
                }
                t.text = std::string(word);
            }
            if (!has_words(t.text) || terms_ >= kMaxTerms) {
                pending_or = false;
                continue;
            }
            ++terms_;
            if (negate) {
                out_.excluded.push_back(std::move(t));
            } else if (pending_or) {
                out_.required.back().push_back(std::move(t));
            } else {
                out_.required.push_back({std::move(t)});
            }
            pending_or = false;
        }
        return std::move(out_);
    }

private:
    bool skip_space() {
        while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
        return pos_ < s_.size();
    }

    // facet:value or facet:"a value"; `word` ends at a space or a quote.
    bool try_facet(std::string_view word) {
        std::size_t colon = word.find(':');
        if (colon == std::string_view::npos || colon == 0) return false;
        std::string facet = canonical_facet(word.substr(0, colon));
        if (facet.empty()) return false;
        std::string value(word.substr(colon + 1));
        if (value.empty() && pos_ < s_.size() && s_[pos_] == '"') {
            std::size_t close = s_.find('"', pos_ + 1);
            if (close == std::string_view::npos) return false;
            value = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
            pos_ = close + 1;
        }
        if (value.empty()) return false;
        out_.filters.emplace_back(facet, value);
        return true;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::size_t terms_ = 0;
    ParsedQuery out_;
};

}  // namespace

std::string canonical_facet(std::string_view name) {
    std::string n = fold_word(name);
    static const std::pair<const char*, const char*> kNames[] = {
        {"kind", "kind"},     {"theme", "theme"},   {"role", "role"},
        {"sector", "sector"}, {"lang", "lang"},     {"municipality", "municipality"},
        {"kommune", "municipality"}, {"county", "county"}, {"fylke", "county"},
        {"year", "year"}, {"tema", "theme"}, {"rolle", "role"}, {"sektor", "sector"},
        {"år", "year"}, {"språk", "lang"},
    };
    for (auto [from, to] : kNames) {
        if (n == from && name.size() == std::string_view(from).size()) return to;
    }
    return {};
}

ParsedQuery parse_query(std::string_view text) { return Parser(text).run(); }

std::string match_expression(const ParsedQuery& q) {
    std::string out;
    for (const auto& group : q.required) {
        if (!out.empty()) out += " AND ";
        if (group.size() == 1) {
            out += term_expr(group[0]);
            continue;
        }
        out += "(";
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (i) out += " OR ";
            out += term_expr(group[i]);
        }
        out += ")";
    }
    if (out.empty()) return out;
    std::string excl = exclusion_expression(q);
    if (!excl.empty()) out = "(" + out + ") NOT " + excl;
    return out;
}

std::string exclusion_expression(const ParsedQuery& q) {
    if (q.excluded.empty()) return {};
    std::string out = "(";
    for (std::size_t i = 0; i < q.excluded.size(); ++i) {
        if (i) out += " OR ";
        out += term_expr(q.excluded[i]);
    }
    return out + ")";
}

}  // namespace playmaker::search
