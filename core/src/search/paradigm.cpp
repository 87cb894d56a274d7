#include "search/paradigm.hpp"

#include "search/dictionaries.hpp"


#include <algorithm>
#include <cstdint>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker::search {
namespace {

// One SFX rule: strip `strip` from the end, append `add`, when the end matches `cond`.
struct Rule {
    std::string strip, add;
    std::vector<std::pair<bool, std::string>> cond;  // per letter: (negated, letters); "" = any
};

bool matches(const Rule& r, std::string_view w) {
    if (w.size() < r.cond.size() || w.size() < r.strip.size()) return false;
    if (!r.strip.empty() && w.substr(w.size() - r.strip.size()) != r.strip) return false;
    std::size_t at = w.size() - r.cond.size();
    for (std::size_t i = 0; i < r.cond.size(); ++i) {
        const auto& [neg, set] = r.cond[i];
        if (set.empty()) continue;
        bool in = set.find(w[at + i]) != std::string::npos;
        if (in == neg) return false;
    }
    return true;
}

std::vector<std::pair<bool, std::string>> parse_cond(std::string_view c) {
    std::vector<std::pair<bool, std::string>> out;
    if (c == ".") return out;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (c[i] == '[') {
            std::size_t close = c.find(']', i);
            if (close == std::string_view::npos) break;
            bool neg = i + 1 < close && c[i + 1] == '^';
            out.emplace_back(neg, std::string(c.substr(i + (neg ? 2 : 1), close - i - (neg ? 2 : 1))));
            i = close;
        } else if (c[i] == '.') {
            out.emplace_back(false, "");
        } else {
            out.emplace_back(false, std::string(1, c[i]));
        }
    }
    return out;
}

// One dictionary, in Latin-1 as on disk. The headwords and their flags are views into the
// .dic text it keeps, sorted (the file nearly is), so loading copies no entry.
struct Dict {
    std::string dic_text;
    std::vector<std::pair<std::string_view, std::string_view>> flags;  // headword, flags
    std::map<char, std::vector<Rule>> sfx;

    void load(const std::string& aff, const std::string& dic) {
        const std::string aff_text = text::read_file(aff);
        dic_text = text::read_file(dic);
        for (auto raw : text::split_lines(aff_text)) {
            if (!raw.starts_with("SFX")) continue;
            std::string line(raw);
            for (auto& c : line) c = c == '\t' ? ' ' : c;
            auto f = text::split(line, ' ');
            std::vector<std::string_view> p;
            for (auto x : f) {
                if (!x.empty()) p.push_back(x);
            }
            if (p.size() >= 5 && p[0] == "SFX" && p[1].size() == 1) {
                Rule r;
                r.strip = p[2] == "0" ? "" : std::string(p[2]);
                std::string_view add = p[3];
                if (auto slash = add.find('/'); slash != std::string_view::npos) add = add.substr(0, slash);
                r.add = add == "0" ? "" : std::string(add);
                r.cond = parse_cond(p[4]);
                sfx[p[1][0]].push_back(std::move(r));
            }
        }
        std::string_view all(dic_text);
        std::size_t pos = all.find('\n');  // the first line is the entry count
        flags.reserve(all.size() / 12);
        while (pos != std::string_view::npos && pos < all.size()) {
            std::size_t start = pos + 1, end = all.find('\n', start);
            std::string_view line = all.substr(start, (end == std::string_view::npos ? all.size() : end) - start);
            pos = end;
            auto slash = line.find('/');
            std::string_view word = line.substr(0, slash);
            while (!word.empty() && (word.back() == ' ' || word.back() == '\t' || word.back() == '\r')) word.remove_suffix(1);
            if (word.empty()) continue;
            std::string_view fl = slash == std::string_view::npos ? std::string_view() : text::trim(line.substr(slash + 1));
            flags.emplace_back(word, fl);
        }
        if (!std::is_sorted(flags.begin(), flags.end())) sort_entries();
    }

    // Sorts the entries as pairs of strings, most comparisons settled by the words' first
    // eight bytes read as one number (the files are sorted by another collation).
    void sort_entries() {
        struct Keyed {
            std::uint64_t prefix;
            std::pair<std::string_view, std::string_view> e;
        };
        std::vector<Keyed> keyed;
        keyed.reserve(flags.size());
        for (const auto& e : flags) {
            std::uint64_t k = 0;
            for (std::size_t i = 0; i < 8; ++i) {
                k = (k << 8) | (i < e.first.size() ? static_cast<unsigned char>(e.first[i]) : 0u);
            }
            keyed.push_back({k, e});
        }
        std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
            return a.prefix != b.prefix ? a.prefix < b.prefix : a.e < b.e;
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) flags[i] = keyed[i].e;
    }

    void forms(const std::string& head, std::vector<std::string>& out) const {
        std::string_view h(head);
        auto [from, to] = std::equal_range(flags.begin(), flags.end(), std::pair<std::string_view, std::string_view>(h, {}),
                                           [](const auto& a, const auto& b) { return a.first < b.first; });
        if (from == to) return;
        out.push_back(utf8::from_latin1(head));
        for (auto e = from; e != to; ++e) {
            for (char f : e->second) {
                auto rs = sfx.find(f);
                if (rs == sfx.end()) continue;
                for (const auto& r : rs->second) {
                    if (matches(r, head)) out.push_back(utf8::from_latin1(head.substr(0, head.size() - r.strip.size()) + r.add));
                }
            }
        }
    }
};

}  // namespace

// The two dictionaries' headwords and rules, read once per process (like Dictionaries)
// and never freed; null when the files are missing.
struct Headwords {
    Dict nb, nn;
};
using HeadwordsFuture = std::shared_future<std::shared_ptr<const Headwords>>;

HeadwordsFuture headwords(const std::string& dir) {
    static std::mutex mu;
    static auto* loading = new std::map<std::string, HeadwordsFuture>;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = (*loading)[dictionary_signature(dir)];
    if (!slot.valid()) {
        slot = std::async(std::launch::async, [dir]() -> std::shared_ptr<const Headwords> {
                   auto h = std::make_shared<Headwords>();
                   try {
                       // nb on a thread of its own, nn on this one; each reads and sorts its own.
                       std::exception_ptr failed;
                       std::thread other([&] {
                           try {
                               h->nb.load(dir + "/nb_NO.aff", dir + "/nb_NO.dic");
                           } catch (...) {
                               failed = std::current_exception();
                           }
                       });
                       try {
                           h->nn.load(dir + "/nn_NO.aff", dir + "/nn_NO.dic");
                       } catch (...) {
                           other.join();
                           throw;
                       }
                       other.join();
                       if (failed) std::rethrow_exception(failed);
                   } catch (const std::exception&) {
                       return nullptr;  // no dictionaries: no paradigms
                   }
                   return h;
               }).share();
    }
    return slot;
}

void prefetch_paradigms(const std::string& dir) { headwords(dir.empty() ? "/usr/share/hunspell" : dir); }

struct Paradigms::Impl {
    std::shared_ptr<const Headwords> words;
    std::shared_ptr<Dictionaries> dicts;
};

Paradigms::Paradigms(std::string dir) : impl_(std::make_unique<Impl>()) {
    if (dir.empty()) dir = "/usr/share/hunspell";
    HeadwordsFuture words = headwords(dir);  // loads beside the hunspell pair, if not already
    try {
        impl_->dicts = Dictionaries::shared(dir);
    } catch (const std::exception&) {
        impl_->dicts.reset();
    }
    impl_->words = words.get();
    if (!impl_->words) impl_->dicts.reset();  // no dictionaries: no paradigms
}

Paradigms::~Paradigms() = default;

std::vector<std::string> Paradigms::lemmas(const std::string& word) {
    std::vector<std::string> out;
    std::string l1;
    if (!impl_->dicts || !utf8::to_latin1(word, l1)) return out;
    impl_->dicts->with([&](Hunspell& nb, Hunspell& nn) {
        for (Hunspell* h : {&nb, &nn}) {
            for (const auto& s : h->stem(l1)) out.push_back(utf8::from_latin1(s));
        }
    });
    return out;
}

std::vector<std::string> Paradigms::forms(const std::string& headword) const {
    std::vector<std::string> out;
    std::string l1;
    if (!impl_->words || !utf8::to_latin1(headword, l1)) return out;
    impl_->words->nb.forms(l1, out);
    impl_->words->nn.forms(l1, out);
    return out;
}

}  // namespace playmaker::search
