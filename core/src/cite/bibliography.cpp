// The works in play: their reference-list order, and the disambiguation that depends on
// which works are together (APA 7 §8.18–8.20, apa.csl's disambiguate-add-names,
// -add-givenname with primary-name-with-initials, and -add-year-suffix).
#include <algorithm>
#include <map>
#include <set>

#include "cite/collate.hpp"
#include "cite/entry.hpp"
#include "cite/names.hpp"
#include "cite/terms.hpp"
#include "playmaker/cite.hpp"

namespace playmaker {
namespace {

using cite::SortKey;

// The names that stand first in text and in the list: authors, else editors.
const std::vector<Name>& lead_names(const Reference& r) {
    return r.authors.empty() ? r.editors : r.authors;
}

struct ListKey {
    std::vector<SortKey> lead;  // family and initials of each name, or the title
    int dated = 0;              // undated works first (apa.csl date-sort-group)
    int y = 0, m = 0, d = 0;
    SortKey title;
    auto operator<=>(const ListKey&) const = default;
};

// pandoc's citeproc compares the first family name alone, then the rest of the rendered
// names ("M., & Stickler, K.") as one string: so "Berg, Z." precedes "Bergan, A.", and
// "Berg, A.-M." falls between "Berg, A., & Dahl, C." and "Berg, A., & Ås, C.". Dates
// compare as numbers.
ListKey list_key(const Reference& r, CiteLang lang) {
    ListKey k;
    const auto& names = lead_names(r);
    if (!names.empty()) {
        const Name& first = names[0];
        k.lead.push_back(cite::sort_key(first.family.empty() ? first.literal : first.family, lang));
        std::string rest = cite::initials(first.given);
        for (std::size_t i = 1; i < names.size(); ++i) rest += " " + cite::inverted_name(names[i]);
        if (r.authors.empty()) rest += " Red";
        k.lead.push_back(cite::sort_key(rest, lang));
    } else {
        k.lead.push_back(cite::sort_key(r.title + " " + r.number, lang));
    }
    k.dated = r.issued.year != 0;
    k.y = r.issued.year;
    k.m = r.issued.month;
    k.d = r.issued.day;
    k.title = cite::sort_key(r.title, lang);
    return k;
}

bool same_person(const Name& a, const Name& b) {
    return a.family == b.family && a.literal == b.literal &&
           cite::initials(a.given) == cite::initials(b.given);
}

bool same_names(const std::vector<Name>& a, const std::vector<Name>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!same_person(a[i], b[i])) return false;
    }
    return true;
}

std::string suffix_letters(std::size_t i) {
    std::string s;
    do {
        s.insert(s.begin(), static_cast<char>('a' + i % 26));
        i = i / 26;
    } while (i-- > 0);
    return s;
}

}  // namespace

Bibliography::Bibliography(std::vector<Reference> works, CiteLang lang) : lang_(lang) {
    std::set<std::string> seen;
    std::vector<std::pair<ListKey, std::size_t>> order;
    for (std::size_t i = 0; i < works.size(); ++i) {
        if (!seen.insert(works[i].id).second) continue;
        order.emplace_back(list_key(works[i], lang), i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    works_.reserve(order.size());
    for (const auto& [key, i] : order) works_.push_back(std::move(works[i]));
    for (std::size_t i = 0; i < works_.size(); ++i) by_key_.emplace(works_[i].id, i);
    disambiguate();
}

void Bibliography::disambiguate() {
    const cite::Terms& t = cite::terms(lang_);
    in_text_.assign(works_.size(), {});
    // Initials: first authors who share a surname but are different people (APA 7 §8.20).
    std::map<std::string, std::set<std::string>> given_by_family;
    for (const auto& r : works_) {
        const auto& names = lead_names(r);
        if (!names.empty() && !names[0].family.empty()) {
            given_by_family[names[0].family].insert(cite::initials(names[0].given));
        }
    }
    for (std::size_t i = 0; i < works_.size(); ++i) {
        const auto& names = lead_names(works_[i]);
        in_text_[i].names_shown = static_cast<int>(cite::default_names_shown(names.size()));
        in_text_[i].initials = !names.empty() && !names[0].family.empty() &&
                               given_by_family[names[0].family].size() > 1;
    }
    auto rendered = [&](std::size_t i) {
        const Reference& r = works_[i];
        const auto& names = lead_names(r);
        std::string who = names.empty()
                              ? "\x01" + r.title
                              : cite::in_text_name_list(names, in_text_[i].names_shown,
                                                        in_text_[i].initials, false, t);
        return who + "\x02" + std::to_string(r.issued.year);
    };
    // Names: show more of them until works that "et al." merges are told apart (§8.18).
    for (bool changed = true; changed;) {
        changed = false;
        std::map<std::string, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < works_.size(); ++i) groups[rendered(i)].push_back(i);
        for (const auto& [text, members] : groups) {
            if (members.size() < 2) continue;
            bool differ = false;
            for (std::size_t m : members) {
                if (!same_names(lead_names(works_[m]), lead_names(works_[members[0]]))) differ = true;
            }
            if (!differ) continue;
            for (std::size_t m : members) {
                int count = static_cast<int>(lead_names(works_[m]).size());
                if (in_text_[m].names_shown < count) {
                    ++in_text_[m].names_shown;
                    changed = true;
                }
            }
        }
    }
    // Year suffixes for what is still the same in text, in reference-list order (§8.19).
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < works_.size(); ++i) groups[rendered(i)].push_back(i);
    for (const auto& [text, members] : groups) {
        if (members.size() < 2) continue;
        for (std::size_t k = 0; k < members.size(); ++k) {
            in_text_[members[k]].suffix = suffix_letters(k);
        }
    }
}

const Reference* Bibliography::find(std::string_view key) const {
    auto it = by_key_.find(std::string(key));
    return it == by_key_.end() ? nullptr : &works_[it->second];
}

std::vector<BibEntry> Bibliography::entries() const {
    std::vector<BibEntry> out;
    out.reserve(works_.size());
    for (std::size_t i = 0; i < works_.size(); ++i) {
        out.push_back({&works_[i], cite::format_entry(works_[i], lang_, in_text_[i].suffix)});
    }
    return out;
}

Runs Bibliography::entry(std::string_view key) const {
    auto it = by_key_.find(std::string(key));
    if (it == by_key_.end()) return {};
    return cite::format_entry(works_[it->second], lang_, in_text_[it->second].suffix);
}

std::vector<Reference> select_works(const std::vector<Reference>& all,
                                    const std::vector<std::string>& keys,
                                    std::vector<std::string>* missing) {
    std::set<std::string_view> wanted(keys.begin(), keys.end());
    std::set<std::string_view> found;
    std::vector<Reference> out;
    for (const auto& r : all) {
        if (wanted.count(r.id) && found.insert(r.id).second) out.push_back(r);
    }
    if (missing) {
        for (const auto& k : keys) {
            if (!found.count(k) && std::find(missing->begin(), missing->end(), k) == missing->end())
                missing->push_back(k);
        }
    }
    return out;
}

std::optional<CiteLang> parse_cite_lang(std::string_view code) {
    std::string c;
    for (char ch : code.substr(0, 2)) c += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    if (code.size() > 2 && code[2] != '-' && code[2] != '_') return std::nullopt;
    if (c == "nb" || c == "no") return CiteLang::nb;
    if (c == "nn") return CiteLang::nn;
    if (c == "sv") return CiteLang::sv;
    if (c == "en") return CiteLang::en;
    return std::nullopt;
}

const char* cite_lang_code(CiteLang lang) {
    switch (lang) {
        case CiteLang::nn: return "nn";
        case CiteLang::sv: return "sv";
        case CiteLang::en: return "en";
        case CiteLang::nb: break;
    }
    return "nb";
}

}  // namespace playmaker
