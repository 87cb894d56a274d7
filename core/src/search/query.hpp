// The search query language, parsed by Playmaker and never handed raw to FTS5 MATCH.
//
//   words        all required            kommune rolle
//   "a phrase"   words in this order     "inn på tunet"
//   -word        exclusion               -demens, -"inn på tunet"
//   a OR b       either                  kommune OR fylke
//   word*        prefix (also stemmed)   sentralis*
//   facet:value  filter (DESIGN's table) kind:case theme:samskaping kommune:Steinkjer
//                                        fylke:trøndelag year:2019 kommune:"Nord-Fron"
//
// Anything else is read as plain words: an unbalanced quote, NEAR(, col:x, AND/NOT,
// a lone OR or -, punctuation. Only the first kMaxTerms terms count.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace playmaker::search {

inline constexpr std::size_t kMaxTerms = 32;

struct QueryTerm {
    std::string text;  // the user's words (a phrase may hold several)
    bool phrase = false;
    bool prefix = false;
};

struct ParsedQuery {
    // Each group is required; the terms inside a group are alternatives (OR).
    std::vector<std::vector<QueryTerm>> required;
    std::vector<QueryTerm> excluded;
    // Canonical facet name ("municipality", "county", "kind", …) and the value as written.
    std::vector<std::pair<std::string, std::string>> filters;
};

// Parses `text` (valid UTF-8; the caller checks). Never throws for any input.
ParsedQuery parse_query(std::string_view text);

// The canonical facet for a name as a user may write it ("kommune" → "municipality",
// "fylke" → "county", case-insensitive); empty when it names no facet.
std::string canonical_facet(std::string_view name);

// The FTS5 MATCH expression for the query: every term a quoted string (so FTS5 syntax in
// user text is inert), prefix terms marked with *, exclusions after NOT. Empty when the
// query has no required term. `exclusions_only` gives the OR of the excluded terms alone.
std::string match_expression(const ParsedQuery& q);
std::string exclusion_expression(const ParsedQuery& q);

}  // namespace playmaker::search
