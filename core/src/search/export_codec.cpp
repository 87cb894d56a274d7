#include "search/export_codec.hpp"

#include <algorithm>
#include <stdexcept>

namespace playmaker::search {
namespace {

constexpr const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The value of each base64 digit, or -1.
const std::array<signed char, 256>& b64_values() {
    static const std::array<signed char, 256> table = [] {
        std::array<signed char, 256> t{};
        t.fill(-1);
        for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kB64[i])] = static_cast<signed char>(i);
        return t;
    }();
    return table;
}

}  // namespace

bool base64_digits(std::string_view s) {
    bool ok = true;
    for (unsigned char c : s) ok &= b64_values()[c] >= 0;
    return ok;
}

// Fixed-width base64 digits of n (most significant first).
void put_b64(std::string& out, unsigned n, int width) {
    for (int i = width - 1; i >= 0; --i) out += kB64[(n >> (6 * i)) & 63];
}

// A number as base64 digits of five bits each, lowest first, 32 added to every digit but
// the last: 0–31 take one character, up to 1023 two.
void put_varint(std::string& out, unsigned long long n) {
    while (n >= 32) {
        out += kB64[32 | (n & 31)];
        n >>= 5;
    }
    out += kB64[n];
}

// Reads one number written by put_varint; false at the end of `s` or on a foreign digit.
bool get_varint(std::string_view s, std::size_t& i, unsigned long long& n) {
    n = 0;
    for (int shift = 0; i < s.size() && shift < 64; shift += 5) {
        int d = b64_values()[static_cast<unsigned char>(s[i++])];
        if (d < 0) return false;
        n |= static_cast<unsigned long long>(d & 31) << shift;
        if (!(d & 32)) return true;
    }
    return false;
}

std::string encode_positions(const Positions& pos) {
    std::string p;
    for (int c = 0; c < 4; ++c) {
        put_varint(p, pos[c].size());
        long long last = 0;
        for (long long q : pos[c]) {
            put_varint(p, static_cast<unsigned long long>(q - last));
            last = q;
        }
    }
    return p;
}

unsigned long long weighted(const Positions& pos) {
    unsigned long long f = 0;
    for (int c = 0; c < 4; ++c) f += kWeights[c] * pos[c].size();
    return f;
}

namespace {

unsigned long long next_varint(std::string_view s, std::size_t& at) {
    unsigned long long n = 0;
    if (!get_varint(s, at, n)) throw std::runtime_error("the search export's state is damaged");
    return n;
}

// Moves `at` past one posting's positions (four columns of a count and Δpositions): a
// position is passed by finding its last digit (one below 32), not by decoding it.
void skip_positions(std::string_view p, std::size_t& at) {
    const auto& value = b64_values();
    for (int c = 0; c < 4; ++c) {
        for (unsigned long long k = next_varint(p, at); k > 0; --k) {
            int d = 32;
            while (d >= 32 && at < p.size()) d = value[static_cast<unsigned char>(p[at++])];
            if (d < 0 || d >= 32) throw std::runtime_error("the search export's state is damaged");
        }
    }
}

}  // namespace

std::vector<std::pair<unsigned long long, std::string_view>> split_doc_postings(std::string_view f, std::string_view pos,
                                                                                std::size_t n) {
    std::vector<std::pair<unsigned long long, std::string_view>> out;
    out.reserve(n);
    std::size_t i = 0, j = 0;
    while (out.size() < n) {
        unsigned long long w = next_varint(f, i);
        std::size_t from = j;
        skip_positions(pos, j);
        out.emplace_back(w, pos.substr(from, j - from));
    }
    if (i != f.size() || j != pos.size()) throw std::runtime_error("the search export's state is damaged");
    return out;
}

// A term's t and p strings (Δdoc f … and per posting four columns of count and Δpositions)
// with the postings of the documents `gone` lists (ascending) left out and `added` (in
// document order) put in. What lies before the first document either names is copied in
// one piece, what lies after the last too (its first Δdoc coded anew), so only the
// postings between are read. Throws std::runtime_error when those do not parse.
void splice_postings(Encoded& te, Encoded& pe, const std::vector<unsigned>& gone, const std::vector<Posting>& added) {
    if (gone.empty() && added.empty()) return;
    unsigned first = ~0U, last = 0;
    if (!gone.empty()) first = gone.front(), last = gone.back();
    if (!added.empty()) first = std::min(first, added.front().doc), last = std::max(last, added.back().doc);
    std::string_view t = te.get(), p = pe.get();
    std::size_t i = 0, j = 0;
    unsigned doc = 0;  // the document of the last posting read
    while (i < t.size()) {
        std::size_t at = i;
        unsigned d = doc + static_cast<unsigned>(next_varint(t, i));
        if (d >= first) {
            i = at;
            break;
        }
        next_varint(t, i);
        skip_positions(p, j);
        doc = d;
    }
    std::string nt, np;
    nt.reserve(t.size() + 16);
    np.reserve(p.size() + 64);
    nt.append(t.substr(0, i));
    np.append(p.substr(0, j));
    unsigned prev = doc;
    auto emit = [&](unsigned d, unsigned long long f, std::string_view pos) {
        put_varint(nt, d - prev);
        prev = d;
        put_varint(nt, f);
        np.append(pos);
    };
    std::size_t a = 0, g = 0;
    while (i < t.size()) {
        std::size_t at = i;
        unsigned d = doc + static_cast<unsigned>(next_varint(t, i));
        if (d > last) {
            i = at;
            break;
        }
        unsigned long long f = next_varint(t, i);
        std::size_t from = j;
        skip_positions(p, j);
        doc = d;
        for (; a < added.size() && added[a].doc < d; ++a) emit(added[a].doc, added[a].f, added[a].pos);
        while (g < gone.size() && gone[g] < d) ++g;
        if (g < gone.size() && gone[g] == d) continue;
        emit(d, f, p.substr(from, j - from));
    }
    for (; a < added.size(); ++a) emit(added[a].doc, added[a].f, added[a].pos);
    if (i < t.size()) {
        unsigned d = doc + static_cast<unsigned>(next_varint(t, i));
        put_varint(nt, d - prev);
        nt.append(t.substr(i));
        np.append(p.substr(j));
    }
    te = Encoded(std::move(nt));
    pe = Encoded(std::move(np));
}

}  // namespace playmaker::search
