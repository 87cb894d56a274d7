#include "search/paradigm.hpp"

#include "search/dictionaries.hpp"


#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "util/binary.hpp"
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

// One dictionary, in Latin-1 as on disk: its suffix rules, and its entries ("word" or
// "word/flags") sorted by word, one after another in `blob`, entry i between offset(i) and
// offset(i + 1). Read from the .dic (parsed and sorted: ~25 ms a file) or from the cache
// file that reading it wrote (mapped: nothing to parse or sort).
struct Dict {
    std::map<char, std::vector<Rule>> sfx;
    std::shared_ptr<const void> keep;  // what `blob` and `offsets` point into
    std::string_view blob, offsets;    // offsets: n + 1 little u32s
    std::size_t n = 0;

    std::uint32_t offset(std::size_t i) const {
        std::uint32_t v;
        std::memcpy(&v, offsets.data() + 4 * i, 4);
        return v;
    }
    std::string_view entry(std::size_t i) const { return blob.substr(offset(i), offset(i + 1) - offset(i)); }
    static std::string_view word_of(std::string_view e) { return e.substr(0, e.find('/')); }

    void load_rules(const std::string& aff) {
        const std::string aff_text = text::read_file(aff);
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
    }

    void load(const std::string& aff, const std::string& dic) {
        load_rules(aff);
        const std::string dic_text = text::read_file(dic);
        std::string_view all(dic_text);
        std::vector<std::pair<std::string_view, std::string_view>> entries;  // word, flags
        std::size_t pos = all.find('\n');  // the first line is the entry count
        entries.reserve(all.size() / 12);
        while (pos != std::string_view::npos && pos < all.size()) {
            std::size_t start = pos + 1, end = all.find('\n', start);
            std::string_view line = all.substr(start, (end == std::string_view::npos ? all.size() : end) - start);
            pos = end;
            auto slash = line.find('/');
            std::string_view word = line.substr(0, slash);
            while (!word.empty() && (word.back() == ' ' || word.back() == '\t' || word.back() == '\r')) word.remove_suffix(1);
            if (word.empty()) continue;
            std::string_view fl = slash == std::string_view::npos ? std::string_view() : text::trim(line.substr(slash + 1));
            entries.emplace_back(word, fl);
        }
        if (!std::is_sorted(entries.begin(), entries.end())) sort_entries(entries);
        auto owned = std::make_shared<std::pair<std::string, std::string>>();  // blob, offsets
        std::string& b = owned->first;
        std::string& o = owned->second;
        b.reserve(dic_text.size());
        o.reserve(4 * (entries.size() + 1));
        auto put = [&o](std::size_t v) {
            auto u = static_cast<std::uint32_t>(v);
            o.append(reinterpret_cast<const char*>(&u), 4);
        };
        for (const auto& [word, fl] : entries) {
            put(b.size());
            b += word;
            if (!fl.empty()) (b += '/') += fl;
        }
        put(b.size());
        keep = owned;
        blob = b;
        offsets = o;
        n = entries.size();
    }

    // Sorts the entries as pairs of strings, most comparisons settled by the words' first
    // eight bytes read as one number (the files are sorted by another collation).
    static void sort_entries(std::vector<std::pair<std::string_view, std::string_view>>& entries) {
        struct Keyed {
            std::uint64_t prefix;
            std::pair<std::string_view, std::string_view> e;
        };
        std::vector<Keyed> keyed;
        keyed.reserve(entries.size());
        for (const auto& e : entries) {
            std::uint64_t k = 0;
            for (std::size_t i = 0; i < 8; ++i) {
                k = (k << 8) | (i < e.first.size() ? static_cast<unsigned char>(e.first[i]) : 0u);
            }
            keyed.push_back({k, e});
        }
        std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
            return a.prefix != b.prefix ? a.prefix < b.prefix : a.e < b.e;
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) entries[i] = keyed[i].e;
    }

    // The entries as the cache file holds them: n, offsets, blob size, blob.
    void write_to(binary::Writer& w) const {
        w.u32(static_cast<std::uint32_t>(n));
        w.out.append(offsets);
        w.u32(static_cast<std::uint32_t>(blob.size()));
        w.out.append(blob);
    }
    // The same, read as views into `bytes` (kept alive by `owner`): false when it does not
    // hold a dictionary (sizes out of bounds, offsets not ascending, words not sorted).
    bool read_from(binary::Reader& r, const std::shared_ptr<const void>& owner) {
        std::uint32_t count = r.u32();
        if (!r.ok || count > r.rest().size() / 4) return false;
        std::string_view offs = r.rest().substr(0, 4 * (static_cast<std::size_t>(count) + 1));
        if (offs.size() != 4 * (static_cast<std::size_t>(count) + 1)) return false;
        r.skip(offs.size());
        std::uint32_t size = r.u32();
        if (!r.ok || size > r.rest().size()) return false;
        std::string_view b = r.rest().substr(0, size);
        r.skip(size);
        keep = owner;
        blob = b;
        offsets = offs;
        n = count;
        std::string_view last;
        for (std::size_t i = 0; i < n; ++i) {
            if (offset(i) > offset(i + 1) || offset(i + 1) > blob.size()) return false;
            std::string_view w = word_of(entry(i));
            if (w.empty() || (i > 0 && w < last)) return false;
            last = w;
        }
        return offset(0) == 0 && offset(n) == blob.size();
    }

    void forms(const std::string& head, std::vector<std::string>& out) const {
        std::string_view h(head);
        std::size_t lo = 0, hi = n;  // the first entry whose word is not below the head
        while (lo < hi) {
            std::size_t mid = lo + (hi - lo) / 2;
            if (word_of(entry(mid)) < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == n || word_of(entry(lo)) != h) return;
        out.push_back(utf8::from_latin1(head));
        for (std::size_t i = lo; i < n && word_of(entry(i)) == h; ++i) {
            std::string_view e = entry(i);
            std::string_view flags = e.size() > h.size() ? e.substr(h.size() + 1) : std::string_view();
            for (char f : flags) {
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

constexpr std::string_view kCacheMagic = "playmaker-headwords 1\n";

std::mutex cache_mu;
std::string& cache_folder() {
    static auto* folder = new std::string;
    return *folder;
}

// The sorted entries of both dictionaries as the last reading of these files left them in
// `file`; false (and nothing read) when it is missing, of other files or damaged.
bool read_cache(const std::string& file, const std::string& signature, Headwords& h) {
    std::string_view bytes;
    auto mapping = binary::map_file(file, bytes);
    if (!mapping || !bytes.starts_with(kCacheMagic)) return false;
    binary::Reader r(bytes.substr(kCacheMagic.size()));
    std::string sig;
    r.str(sig);
    if (!r.ok || sig != signature) return false;
    return h.nb.read_from(r, mapping) && h.nn.read_from(r, mapping) && r.at_end();
}

void write_cache(const std::string& file, const std::string& signature, const Headwords& h) {
    binary::Writer w;
    w.out.append(kCacheMagic);
    w.str(signature);
    h.nb.write_to(w);
    h.nn.write_to(w);
    binary::write_cache_file(file, w.out);
}

HeadwordsFuture headwords(const std::string& dir) {
    static std::mutex mu;
    static auto* loading = new std::map<std::string, HeadwordsFuture>;
    std::string folder;
    {
        std::lock_guard<std::mutex> lock(cache_mu);
        folder = cache_folder();
    }
    std::string signature = dictionary_signature(dir);
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = (*loading)[signature + "\n" + folder];
    if (!slot.valid()) {
        slot = std::async(std::launch::async, [dir, folder, signature]() -> std::shared_ptr<const Headwords> {
                   auto h = std::make_shared<Headwords>();
                   std::string cache = folder.empty() ? "" : folder + "/headwords.cache";
                   try {
                       h->nb.load_rules(dir + "/nb_NO.aff");
                       h->nn.load_rules(dir + "/nn_NO.aff");
                       if (!cache.empty() && read_cache(cache, signature, *h)) return h;
                       // nb on a thread of its own, nn on this one; each reads and sorts its own.
                       h = std::make_shared<Headwords>();
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
                   if (!cache.empty()) {
                       try {
                           write_cache(cache, signature, *h);
                       } catch (const std::exception&) {
                           // only ever a shortcut
                       }
                   }
                   return h;
               }).share();
    }
    return slot;
}

void set_headword_cache(const std::string& folder) {
    std::lock_guard<std::mutex> lock(cache_mu);
    cache_folder() = folder;
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
