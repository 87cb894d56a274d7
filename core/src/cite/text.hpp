// Text transformations CSL applies to field values: quotation marks, page ranges,
// numeric tests and capitalisation.
#pragma once

#include <string>
#include <string_view>

#include "cite/terms.hpp"

namespace playmaker::cite {

// Straight quotes in a field become the locale's: 'x' and "x" → «x» (nb) at depth 0,
// ‘x’ inside, flip-flopping with depth; an apostrophe (don't) becomes ’. `depth` is 1 when
// the whole text will itself stand in quotation marks.
std::string localize_quotes(std::string_view s, const Terms& t, int depth = 0);

// A page range in APA form: hyphens between numbers become an en dash, and abbreviated
// ends are expanded ("321-28" → "321–328").
std::string page_range(std::string_view s);

// CSL's is-numeric: every word is a number, possibly with letters ("12a", "A12"), and
// numbers may be joined by - – , / : . & ("2017:7", "3/2016"); "Rapport 1-2016" is not.
bool is_numeric(std::string_view s);

// The first letter upper-cased.
std::string capitalize_first(std::string_view s);
// English title case as CSL applies it: words that are all lower case are capitalised,
// except short function words that are not first or after a colon.
std::string title_case(std::string_view s);

}  // namespace playmaker::cite
