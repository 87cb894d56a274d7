// Selection: which items a profile's note holds, in which order, and why.
//
// Each candidate gets a score from (a) the profile's themes it shares (+2 each), (b) the
// roles the profile emphasises (+1.0, +0.7, +0.5, … by the order of emphasis), (c) bm25 of
// each profile keyword through the search index (up to +3 per keyword, the best match
// getting the most), and for cases (d) closeness: the same municipality +8, the same county
// +3, the same centrality class +1.5, the same population band +1. The profile's `include`
// items get +100 and always stay; `exclude` items never come in. The page budget then
// drops the lowest-scored items (never below a section's `min`, never an included item).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "notes/outline.hpp"
#include "notes/pages.hpp"
#include "notes/strings.hpp"
#include "playmaker/index.hpp"
#include "playmaker/note.hpp"
#include "util/text.hpp"

namespace playmaker {
KeywordCache::Hits keyword_hits(const std::string& keyword, Index& index);

namespace {

int population_band(long population) {
    if (population < 5000) return 0;
    if (population < 20000) return 1;
    if (population < 50000) return 2;
    return 3;
}

std::string today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string note_language(const Profile& p, const Municipality& m, const std::string& forced) {
    if (!forced.empty()) return forced;
    if (m.country == "SE") return "sv";
    if (p.malform == "nynorsk") return "nn";
    return "nb";
}

std::string label_list(const std::vector<std::string>& ids, const Corpus& corpus, const char* facet,
                       const std::string& lang) {
    std::vector<std::string> labels;
    for (const auto& id : ids) {
        const Term* t = corpus.taxonomy.find(facet, id);
        labels.push_back(t ? t->label(lang) : id);
    }
    return text::join(labels, ", ");
}

struct Scored {
    const Item* item;
    double score = 0;
    std::vector<std::string> reasons;
};

class Scorer {
public:
    Scorer(const Profile& p, const Municipality& m, const Corpus& corpus, Index* index,
           KeywordCache* cache, const Strings& s, const std::string& lang)
        : p_(p), m_(m), corpus_(corpus), s_(s), lang_(lang) {
        if (index) rank_keywords(*index, cache);
    }

    Scored score(const Item& item) const {
        Scored out{&item, 0, {}};
        if (std::find(p_.include.begin(), p_.include.end(), item.id) != p_.include.end()) {
            out.score += 100;
            out.reasons.push_back(s_.get("reason.include"));
        }
        std::vector<std::string> shared;
        for (const auto& t : item.themes) {
            if (std::find(p_.themes.begin(), p_.themes.end(), t) != p_.themes.end())
                shared.push_back(t);
        }
        if (!shared.empty()) {
            out.score += 2.0 * static_cast<double>(shared.size());
            out.reasons.push_back(
                s_.get("reason.themes", {{"list", label_list(shared, corpus_, "theme", lang_)}}));
        }
        std::vector<std::string> roles;
        for (std::size_t i = 0; i < p_.roles.size(); ++i) {
            if (std::find(item.roles.begin(), item.roles.end(), p_.roles[i]) == item.roles.end())
                continue;
            out.score += std::max(0.3, 1.0 - 0.3 * static_cast<double>(i));
            roles.push_back(p_.roles[i]);
        }
        if (!roles.empty()) {
            out.reasons.push_back(
                s_.get("reason.roles", {{"list", label_list(roles, corpus_, "role", lang_)}}));
        }
        if (auto it = keyword_hits_.find(item.id); it != keyword_hits_.end()) {
            std::vector<std::string> words;
            for (const auto& [kw, pts] : it->second) {
                out.score += pts;
                words.push_back(kw);
            }
            out.reasons.push_back(s_.get("reason.keywords", {{"list", text::join(words, ", ")}}));
        }
        if (item.kind == Kind::Case) closeness(item, out);
        if (out.reasons.empty()) out.reasons.push_back(s_.get("reason.relevance"));
        return out;
    }

private:
    const Profile& p_;
    const Municipality& m_;
    const Corpus& corpus_;
    const Strings& s_;
    const std::string& lang_;
    std::map<std::string, std::vector<std::pair<std::string, double>>> keyword_hits_;

    void rank_keywords(Index& index, KeywordCache* cache) {
        for (const auto& kw : p_.keywords) {
            KeywordCache::Hits hits = cache ? cache->hits(kw, index) : keyword_hits(kw, index);
            if (hits.empty()) continue;
            double best = hits.front().second;  // bm25: most negative is best
            if (best == 0) continue;
            for (const auto& [id, score] : hits) keyword_hits_[id].emplace_back(kw, 3.0 * score / best);
        }
    }

    void closeness(const Item& item, Scored& out) const {
        const Register& reg = Register::builtin();
        double best = 0;
        std::string why;
        for (const auto& code : item.municipalities) {
            const Municipality* other = reg.find(code);
            if (!other) continue;
            double pts = 0;
            std::vector<std::string> reasons;
            if (other->code == m_.code) {
                pts += 8;
                reasons.push_back(s_.get("reason.same_municipality", {{"municipality", m_.name}}));
            } else if (other->county_number == m_.county_number && other->country == m_.country) {
                pts += 3;
                reasons.push_back(s_.get("reason.same_county", {{"county", m_.county}}));
            }
            if (m_.centrality > 0 && other->centrality == m_.centrality) {
                pts += 1.5;
                reasons.push_back(s_.get("reason.same_centrality",
                                         {{"centrality", std::to_string(m_.centrality)}}));
            }
            if (m_.country == "NO" && other->country == "NO" &&
                population_band(other->population) == population_band(m_.population)) {
                pts += 1;
                reasons.push_back(s_.get("reason.same_population"));
            }
            if (pts > best) {
                best = pts;
                why = text::join(reasons, "; ");
            }
        }
        if (best > 0) {
            out.score += best;
            out.reasons.push_back(why);
        }
    }
};

}  // namespace

// The items a keyword finds, best first (bm25, negative), literature references left out.
KeywordCache::Hits keyword_hits(const std::string& keyword, Index& index) {
    SearchQuery q;
    q.text = keyword;
    q.limit = 50;
    q.snippets = false;
    q.facets = false;
    KeywordCache::Hits hits;
    try {
        for (const auto& r : index.search(q).results) {
            if (r.kind != "reference") hits.emplace_back(r.id, r.score);
        }
    } catch (const std::exception&) {
        // a keyword that is not valid text simply ranks nothing
    }
    return hits;
}

KeywordCache::Hits KeywordCache::hits(const std::string& keyword, Index& index) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (auto it = cache_.find(keyword); it != cache_.end()) return it->second;
    }
    Hits h = keyword_hits(keyword, index);
    std::lock_guard<std::mutex> lock(mu_);
    cache_.emplace(keyword, h);
    return h;
}

namespace {

bool by_score(const ChosenItem& a, const ChosenItem& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.item->id < b.item->id;
}

// Items that chosen items link to ([[id]]) or name as related.
std::set<std::string> linked_from(const std::vector<NoteSection>& sections) {
    std::set<std::string> ids;
    for (const auto& s : sections) {
        for (const auto& c : s.items) {
            for (const auto& l : c.item->links) ids.insert(l.target);
            for (const auto& r : c.item->related) ids.insert(r);
        }
    }
    return ids;
}

// Every work the chosen items cite (and the corpus holds), sorted.
void collect_keys(Note& note, const Corpus& corpus) {
    std::set<std::string> keys;
    for (const auto& sec : note.sections) {
        for (const auto& c : sec.items) {
            for (const auto& k : c.item->cited_keys()) {
                if (corpus.reference(k)) keys.insert(k);
            }
        }
    }
    note.cited_keys.assign(keys.begin(), keys.end());
}

// Drops the lowest-scored items until the estimate fits the budget: first down to each
// section's `min`, then, if it still does not fit, below it. Included items always stay.
void apply_budget(Note& note, const Corpus& corpus, int budget, const Profile& p,
                  const std::vector<OutlineSection>& outline) {
    for (int phase = 0; phase < 2; ++phase) {
        auto mins = [&](const std::string& id) {
            if (phase == 1) return 0;
            for (const auto& o : outline) {
                if (o.id == id) return o.min;
            }
            return 0;
        };
        while (estimate_pages(note) > budget) {
            NoteSection* victim_section = nullptr;
            std::size_t victim = 0;
            double lowest = 0;
            for (auto& s : note.sections) {
                if (static_cast<int>(s.items.size()) <= mins(s.id)) continue;
                for (std::size_t i = 0; i < s.items.size(); ++i) {
                    const Item* it = s.items[i].item;
                    if (std::find(p.include.begin(), p.include.end(), it->id) != p.include.end())
                        continue;
                    if (!victim_section || s.items[i].score < lowest ||
                        (s.items[i].score == lowest &&
                         it->id > victim_section->items[victim].item->id)) {
                        victim_section = &s;
                        victim = i;
                        lowest = s.items[i].score;
                    }
                }
            }
            if (!victim_section) break;  // nothing more may go
            note.dropped.push_back({victim_section->items[victim].item, lowest, victim_section->id,
                                    victim_section->items[victim].reasons});
            victim_section->items.erase(victim_section->items.begin() + static_cast<long>(victim));
            collect_keys(note, corpus);
            note.pages = estimate_pages(note);
        }
    }
}

// Dropping in whole steps can overshoot (the last item of a chapter takes its page break
// with it): give back the best dropped items that still fit.
void refill(Note& note, const Corpus& corpus, int budget) {
    std::vector<DroppedItem> order = note.dropped;
    std::sort(order.begin(), order.end(), [](const DroppedItem& a, const DroppedItem& b) {
        return a.score != b.score ? a.score > b.score : a.item->id < b.item->id;
    });
    for (const auto& d : order) {
        auto sec = std::find_if(note.sections.begin(), note.sections.end(),
                                [&](const NoteSection& x) { return x.id == d.section; });
        if (sec == note.sections.end()) continue;
        auto& items = sec->items;
        ChosenItem back{d.item, d.score, d.reasons};
        items.insert(std::upper_bound(items.begin(), items.end(), back, by_score), back);
        collect_keys(note, corpus);
        if (estimate_pages(note) <= budget) {
            note.dropped.erase(std::find_if(note.dropped.begin(), note.dropped.end(),
                                            [&](const DroppedItem& x) { return x.item == d.item; }));
        } else {
            items.erase(std::find_if(items.begin(), items.end(),
                                     [&](const ChosenItem& x) { return x.item == d.item; }));
            collect_keys(note, corpus);
        }
    }
}

}  // namespace

Note build_note(const Profile& profile, const Corpus& corpus, Index* index,
                const NoteOptions& options) {
    Note note;
    note.profile = profile;
    note.municipality = Register::builtin().find(profile.municipality);
    if (!note.municipality)
        throw std::runtime_error("municipality '" + profile.municipality +
                                 "' is not in the register");
    const Municipality& m = *note.municipality;
    if (note.profile.name.empty()) note.profile.name = m.name;
    note.lang = note_language(profile, m, options.lang);
    note.date = options.date.empty() ? today() : options.date;
    const Strings& s = Strings::of(note.lang);
    note.title = s.get("note.title", {{"municipality", note.profile.name}});

    Scorer scorer(profile, m, corpus, index, options.keyword_cache, s, note.lang);
    const auto& sections = outline();
    for (const auto& o : sections) {
        NoteSection sec;
        sec.id = o.id;
        sec.heading = s.get(o.heading);
        if (!o.intro.empty()) sec.intro = s.get(o.intro);
        sec.generate = o.generate;
        sec.page_break = o.page_break;
        if (auto it = profile.sections.find(o.id); it != profile.sections.end())
            sec.author_text = it->second;
        note.sections.push_back(std::move(sec));
    }
    // Items are chosen section by section; "linked" sections see what the others chose.
    for (int pass = 0; pass < 2; ++pass) {
        std::set<std::string> linked =
            pass == 1 ? linked_from(note.sections) : std::set<std::string>{};
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const OutlineSection& o = sections[i];
            if (o.kinds.empty() || o.linked != (pass == 1)) continue;
            std::vector<ChosenItem> candidates;
            for (const auto& item : corpus.items) {
                if (std::find(o.kinds.begin(), o.kinds.end(), item.kind) == o.kinds.end()) continue;
                if (std::find(profile.exclude.begin(), profile.exclude.end(), item.id) !=
                    profile.exclude.end())
                    continue;
                bool is_chosen_driver = std::find(profile.drivers.begin(), profile.drivers.end(),
                                                  item.id) != profile.drivers.end();
                if (o.drivers && !profile.drivers.empty() && !is_chosen_driver) continue;
                bool included = std::find(profile.include.begin(), profile.include.end(),
                                          item.id) != profile.include.end();
                if (o.linked && !linked.count(item.id) && !included) continue;
                Scored sc = scorer.score(item);
                if (o.drivers && is_chosen_driver) {
                    sc.score += 50;
                    std::string why = s.get("reason.driver");
                    if (!profile.drivers_rationale.empty())
                        why += " — " + profile.drivers_rationale;
                    sc.reasons.insert(sc.reasons.begin(), why);
                }
                if (o.linked && linked.count(item.id)) sc.reasons.push_back(s.get("reason.linked"));
                candidates.push_back({sc.item, sc.score, sc.reasons});
            }
            std::sort(candidates.begin(), candidates.end(), by_score);
            // Included items always stay, even past `max`.
            std::vector<ChosenItem> chosen;
            for (auto& c : candidates) {
                bool included = std::find(profile.include.begin(), profile.include.end(),
                                          c.item->id) != profile.include.end();
                if (included || static_cast<int>(chosen.size()) < o.max || o.max == 0)
                    chosen.push_back(std::move(c));
            }
            std::sort(chosen.begin(), chosen.end(), by_score);
            note.sections[i].items = std::move(chosen);
        }
    }
    int budget = options.pages > 0 ? options.pages : (profile.pages > 0 ? profile.pages : 10);
    note.pages = estimate_pages(note);
    collect_keys(note, corpus);
    apply_budget(note, corpus, budget, profile, sections);
    collect_keys(note, corpus);
    refill(note, corpus, budget);
    note.pages = estimate_pages(note);
    return note;
}

}  // namespace playmaker
