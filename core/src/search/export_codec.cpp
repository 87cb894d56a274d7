#include "search/export_codec.hpp"

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

// A term's t and p strings (Δdoc f … and per posting four columns of count and Δpositions)
// with the postings of the documents `gone` says left out and `added` (in document order)
// put in, in one pass that copies the positions it keeps. Throws std::runtime_error when
// the strings do not parse.
void splice_postings(Encoded& te, Encoded& pe, const std::vector<bool>& gone, const std::vector<Posting>& added) {
    std::string_view t = te.get(), p = pe.get();
    std::string nt, np;
    nt.reserve(t.size() + 16);
    np.reserve(p.size() + 64);
    auto next = [](std::string_view s, std::size_t& at) {
        unsigned long long n = 0;
        if (!get_varint(s, at, n)) throw std::runtime_error("the search export's state is damaged");
        return n;
    };
    unsigned prev = 0;
    auto emit = [&](unsigned doc, unsigned long long f, std::string_view pos) {
        put_varint(nt, doc - prev);
        prev = doc;
        put_varint(nt, f);
        np.append(pos);
    };
    std::size_t i = 0, j = 0, a = 0;
    unsigned doc = 0;
    while (i < t.size()) {
        doc += static_cast<unsigned>(next(t, i));
        unsigned long long f = next(t, i);
        std::size_t from = j;
        for (int c = 0; c < 4; ++c) {
            for (unsigned long long k = next(p, j); k > 0; --k) next(p, j);
        }
        for (; a < added.size() && added[a].doc < doc; ++a) emit(added[a].doc, added[a].f, added[a].pos);
        if (doc < gone.size() && gone[doc]) continue;
        emit(doc, f, p.substr(from, j - from));
    }
    for (; a < added.size(); ++a) emit(added[a].doc, added[a].f, added[a].pos);
    te = Encoded(std::move(nt));
    pe = Encoded(std::move(np));
}

}  // namespace playmaker::search
