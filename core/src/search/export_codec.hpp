// How the site's search export writes numbers and postings (search_export.hpp): base64
// digits, varints of five bits a digit, and a term's postings as two strings — "t"
// (Δdocument, weighted frequency …) and "p" (per posting and column, the count then
// Δpositions) — with the splice that an incremental export makes after an edit.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/export_state.hpp"

namespace playmaker::search {

// bm25's column weights (kBm25 in store.hpp): title, summary, body, labels.
inline constexpr std::size_t kWeights[4] = {10, 4, 1, 3};

// Whether `s` holds only base64 digits (postings are copied into chunk files as they are).
bool base64_digits(std::string_view s);

// Fixed-width base64 digits of n (most significant first).
void put_b64(std::string& out, unsigned n, int width);
// A number as base64 digits of five bits each, lowest first, 32 added to every digit but
// the last: 0–31 take one character, up to 1023 two.
void put_varint(std::string& out, unsigned long long n);
// Reads one number written by put_varint; false at the end of `s` or on a foreign digit.
bool get_varint(std::string_view s, std::size_t& i, unsigned long long& n);

// A term's positions in one document, per column (title, summary, body, labels).
using Positions = std::array<std::vector<long long>, 4>;
std::string encode_positions(const Positions& pos);
// bm25's tf of the term in the document: Σ column weight × instances.
unsigned long long weighted(const Positions& pos);

// A new posting of a term: the document, its weighted frequency and encoded positions
// (a view into the document's DocPostings).
struct Posting {
    unsigned doc = 0;
    unsigned long long f = 0;
    std::string_view pos;
};

// One document's postings as the state keeps them (DocPostings): `n` pairs of weighted
// frequency and encoded positions. Throws std::runtime_error when they do not parse.
std::vector<std::pair<unsigned long long, std::string_view>> split_doc_postings(std::string_view f, std::string_view pos,
                                                                                std::size_t n);

// A term's t and p strings with the postings of the documents `gone` lists (ascending)
// left out and `added` (in document order) put in, in one pass that reads only the
// postings from the first to the last document either names and copies the rest as it
// is. Throws std::runtime_error when what it reads does not parse.
void splice_postings(Encoded& t, Encoded& p, const std::vector<unsigned>& gone, const std::vector<Posting>& added);

}  // namespace playmaker::search
