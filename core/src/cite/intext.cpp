// In-text citations: apa.csl's citation layout — "(Author, year, locator; …)" — and the
// narrative form "Author (year)" that APA uses in running text.
#include <algorithm>
#include <tuple>

#include "cite/collate.hpp"
#include "cite/entry.hpp"
#include "cite/names.hpp"
#include "cite/runs.hpp"
#include "cite/terms.hpp"
#include "cite/text.hpp"
#include "playmaker/cite.hpp"

namespace playmaker {
namespace {

const std::vector<Name>& lead_names(const Reference& r) {
    return r.authors.empty() ? r.editors : r.authors;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

// "s. 12-14" → "s. 12–14"; a bare number is a page; "kap. 3" → "Kapittel 3". Labels are
// recognised in all four languages and written in the citation's language; anything
// else is kept as the author wrote it.
std::string format_locator(std::string_view loc, const cite::Terms& t) {
    std::string_view s = loc;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.empty()) return {};
    if (s.front() >= '0' && s.front() <= '9') {
        std::string range = cite::page_range(s);
        return std::string(range.find("–") != std::string::npos || range.find(',') != std::string::npos
                               ? t.pages : t.page) + " " + range;
    }
    std::size_t sp = s.find(' ');
    if (sp == std::string_view::npos) return std::string(s);
    std::string label = lower_ascii(s.substr(0, sp));
    std::string_view rest = s.substr(sp + 1);
    static const char* kPage[] = {"s.", "s", "ss.", "side", "sider", "sida", "sidor", "p.", "pp.",
                                  "page", "pages"};
    static const char* kChapter[] = {"kap.", "kap", "kapittel", "kapitel", "chap.", "chapter"};
    for (const char* p : kPage) {
        if (label == p) {
            std::string range = cite::page_range(rest);
            bool plural = range.find("–") != std::string::npos || range.find(',') != std::string::npos;
            return std::string(plural ? t.pages : t.page) + " " + range;
        }
    }
    for (const char* c : kChapter) {
        if (label == c) return std::string(t.chapter) + " " + std::string(rest);
    }
    return std::string(s);
}

}  // namespace

Runs Bibliography::author_in_text(const Reference& r, const InText& how, bool narrative) const {
    const auto& names = lead_names(r);
    if (names.empty()) return cite::title_as_author(r, lang_, true);
    return cite::text_run(cite::in_text_name_list(names, static_cast<std::size_t>(how.names_shown),
                                                  how.initials, narrative, cite::terms(lang_)));
}

std::string Bibliography::year_in_text(const Reference& r, const InText& how) const {
    if (r.issued.year == 0) {
        return std::string(cite::terms(lang_).no_date) + (how.suffix.empty() ? "" : "-" + how.suffix);
    }
    return std::to_string(r.issued.year) + how.suffix;
}

Runs Bibliography::cite(const std::vector<CiteRef>& refs, bool narrative) const {
    const cite::Terms& t = cite::terms(lang_);
    struct Item {
        std::size_t index;  // into works_, or npos for an unknown key
        const CiteRef* ref;
        Runs author;
        std::string when;  // "2015a, s. 12"
    };
    std::vector<Item> items;
    for (const auto& ref : refs) {
        auto it = by_key_.find(ref.key);
        if (it == by_key_.end()) {
            items.push_back({std::string::npos, &ref, cite::text_run(ref.key + "?"), {}});
            continue;
        }
        std::size_t i = it->second;
        std::string when = year_in_text(works_[i], in_text_[i]);
        std::string loc = format_locator(ref.locator, t);
        if (!loc.empty()) when += ", " + loc;
        items.push_back({i, &ref, author_in_text(works_[i], in_text_[i], narrative), when});
    }
    if (!narrative) {
        // apa.csl's citation sort: first author (all names of two), date; then, as APA
        // wants and apa.csl leaves to input order, the year suffix.
        using Key = std::tuple<int, std::vector<cite::SortKey>, int, int, std::string>;
        auto key = [&](const Item& a) {
            std::vector<cite::SortKey> k;
            if (a.index == std::string::npos) return Key(1, k, 0, 0, std::string());
            const Reference& r = works_[a.index];
            const auto& names = lead_names(r);
            std::size_t use = names.size() >= 3 ? 1 : names.size();
            for (std::size_t n = 0; n < use; ++n) {
                const Name& nm = names[n];
                k.push_back(cite::sort_key(nm.family.empty() ? nm.literal : nm.family, lang_));
                k.push_back(cite::sort_key(cite::initials(nm.given), lang_));
            }
            if (names.empty()) k.push_back(cite::sort_key(r.title, lang_));
            return Key(0, std::move(k), r.issued.year != 0 ? 1 : 0, r.issued.year,
                       in_text_[a.index].suffix);
        };
        if (items.size() > 1) {
            std::vector<std::pair<Key, std::size_t>> keyed;
            for (std::size_t i = 0; i < items.size(); ++i) keyed.emplace_back(key(items[i]), i);
            std::stable_sort(keyed.begin(), keyed.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            std::vector<Item> sorted;
            for (const auto& [k, i] : keyed) sorted.push_back(std::move(items[i]));
            items = std::move(sorted);
        }
    }
    // Works whose author part reads the same are merged: "Stene, 2015a, 2015b".
    std::vector<Runs> groups;
    for (std::size_t i = 0; i < items.size();) {
        std::size_t j = i + 1;
        std::vector<std::string> whens;
        if (!items[i].when.empty()) whens.push_back(items[i].when);
        while (j < items.size() && items[i].index != std::string::npos &&
               items[j].index != std::string::npos && items[j].author == items[i].author) {
            whens.push_back(items[j].when);
            ++j;
        }
        std::string when;
        for (const auto& w : whens) when += (when.empty() ? "" : ", ") + w;
        Runs g = items[i].author;
        if (narrative) {
            if (!when.empty()) cite::append_text(g, " (" + when + ")");
        } else if (!when.empty()) {
            cite::append_text(g, ", " + when);
        }
        groups.push_back(std::move(g));
        i = j;
    }
    Runs out = cite::join(groups, "; ");
    return narrative ? out : cite::wrap(std::move(out), "(", ")");
}

}  // namespace playmaker
