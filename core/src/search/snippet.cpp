#include "search/snippet.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "playmaker/index.hpp"

namespace playmaker::search {

Highlight make_highlight(const ParsedQuery& q, Analyzer& analyzer, QueryLexicon* lexicon, unsigned families) {
    Highlight h;
    for (const auto& group : q.required) {
        for (const auto& t : group) {
            Highlight::Term term;
            term.group = h.groups;
            auto words = split_words(t.text);
            for (std::size_t i = 0; i < words.size(); ++i) {
                Highlight::Word w;
                w.alts = analyzer.query_terms(words[i].folded, lexicon, families);
                if (t.prefix && i + 1 == words.size()) {
                    w.prefix = true;
                    w.alts.push_back(words[i].folded);  // a prefix also matches as typed
                }
                if (!w.alts.empty()) term.words.push_back(std::move(w));
            }
            if (!term.words.empty()) h.terms.push_back(std::move(term));
        }
        ++h.groups;
    }
    return h;
}

namespace {

bool meets(const Highlight::Word& w, std::string_view token) {
    for (const auto& a : w.alts) {
        if (w.prefix ? token.starts_with(a) : token == a) return true;
    }
    return false;
}

struct Hit {
    std::size_t first, last;  // word positions
    int group;
};

}  // namespace

Snippet make_snippet(std::string_view text, std::string_view lang, const Highlight& h, Analyzer& analyzer,
                     std::size_t words) {
    Snippet out;
    if (h.empty() || words == 0) return out;
    // Every word of every term gets a bit; a word of the text carries the bits it meets.
    std::vector<std::pair<std::size_t, std::size_t>> bits_of;  // term → (first bit, words)
    std::size_t nbits = 0;
    for (const auto& t : h.terms) {
        bits_of.emplace_back(nbits, t.words.size());
        nbits += t.words.size();
    }
    std::size_t usable = std::min<std::size_t>(nbits, 64);

    std::vector<std::pair<std::size_t, std::size_t>> spans;  // byte offsets of each word read
    std::vector<std::uint64_t> masks;
    std::vector<Hit> hits;
    std::size_t stop_at = SIZE_MAX;
    bool complete = true;
    WordReader r(text);
    while (r.next()) {
        std::size_t i = spans.size();
        if (i >= stop_at) {
            complete = false;
            break;
        }
        spans.emplace_back(r.start(), r.end());
        std::uint64_t mask = 0;
        auto terms = analyzer.word_terms(r.folded(), lang);
        std::size_t bit = 0;
        for (const auto& t : h.terms) {
            for (const auto& w : t.words) {
                if (bit < usable && (meets(w, terms.term) ||
                                     std::any_of(terms.parts.begin(), terms.parts.end(),
                                                 [&](const std::string& p) { return meets(w, p); }))) {
                    mask |= std::uint64_t{1} << bit;
                }
                ++bit;
            }
        }
        masks.push_back(mask);
        if (!mask) continue;
        // A term occurs when its last word is here and its other words precede it.
        bool new_hit = false;
        for (std::size_t t = 0; t < h.terms.size(); ++t) {
            auto [b0, n] = bits_of[t];
            if (b0 + n > usable || n > i + 1) continue;
            std::size_t first = i + 1 - n;
            bool ok = true;
            for (std::size_t k = 0; k < n && ok; ++k) ok = (masks[first + k] >> (b0 + k)) & 1;
            if (ok) {
                hits.push_back({first, i, h.terms[t].group});
                new_hit = true;
            }
        }
        if (new_hit && stop_at == SIZE_MAX) {
            // Does a window ending here hold every group? Then no later window is better.
            std::uint64_t seen = 0;
            std::size_t from = i + 1 >= words ? i + 1 - words : 0;
            std::size_t earliest = i;
            for (auto it = hits.rbegin(); it != hits.rend() && it->first >= from; ++it) {
                if (it->group < 64) seen |= std::uint64_t{1} << it->group;
                earliest = it->first;
            }
            if (std::popcount(seen) >= std::min(h.groups, 64)) stop_at = earliest + words;
        }
    }
    if (hits.empty()) return out;
    std::size_t n = spans.size();
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.first != b.first ? a.first < b.first : a.last < b.last;
    });

    // The best window starts at a hit: most distinct groups, then most hits, then earliest.
    std::size_t best_first = 0, best_last = 0;
    int best = -1;
    for (std::size_t a = 0; a < hits.size(); ++a) {
        std::uint64_t seen = 0;
        int count = 0;
        std::size_t last = hits[a].last;
        for (std::size_t b = a; b < hits.size() && hits[b].first < hits[a].first + words; ++b) {
            if (hits[b].last >= hits[a].first + words) continue;
            if (hits[b].group < 64) seen |= std::uint64_t{1} << hits[b].group;
            ++count;
            last = std::max(last, hits[b].last);
        }
        int score = 1000 * std::popcount(seen) + count;
        if (score > best) {
            best = score;
            best_first = hits[a].first;
            best_last = last;
        }
    }
    // Centre the matches in the window.
    std::size_t span = best_last - best_first + 1;
    std::size_t pad = span < words ? (words - span) / 2 : 0;
    std::size_t start = best_first > pad ? best_first - pad : 0;
    if (start + words > n) start = n > words ? n - words : 0;
    start = std::min(start, best_first);
    std::size_t end = std::min(n, start + words);

    // Marked spans (merged where hits overlap or touch), then the escaped text.
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    for (const auto& hit : hits) {  // sorted by first word
        if (hit.first < start || hit.last >= end) continue;
        std::size_t s = spans[hit.first].first, e = spans[hit.last].second;
        if (!marks.empty() && s <= marks.back().second) {
            marks.back().second = std::max(marks.back().second, e);
        } else {
            marks.emplace_back(s, e);
        }
    }
    std::string& html = out.html;
    if (start > 0) html += "…";
    // A window at either end of the text keeps what lies before its first word or after its
    // last (punctuation, quotes).
    bool to_end = end == n && complete;
    std::size_t pos = start == 0 ? 0 : spans[start].first, stop = to_end ? text.size() : spans[end - 1].second;
    for (auto [s, e] : marks) {
        if (s < pos) continue;
        html += html_escape(text.substr(pos, s - pos));
        html += "<mark>";
        html += html_escape(text.substr(s, e - s));
        html += "</mark>";
        pos = e;
    }
    html += html_escape(text.substr(pos, stop - pos));
    if (!to_end) html += "…";
    out.score = best;
    return out;
}

}  // namespace playmaker::search
