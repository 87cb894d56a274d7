// Names as APA writes them: "Stene, M." in the list, "A.-M. Berg" as editor of a book a
// chapter is in, "Stene" in text; and lists of names with "&", "et al." and "…".
#pragma once

#include <string>
#include <vector>

#include "cite/terms.hpp"
#include "playmaker/reference.hpp"

namespace playmaker::cite {

// Given names as initials: "Jean-Paul Ole" → "J.-P. O.", "T. M. B." stays, "A.B." → "A. B.".
std::string initials(std::string_view given);

// "Stene, M." (or the literal name).
std::string inverted_name(const Name& n);
// "M. Stene" (or the literal name).
std::string given_first_name(const Name& n);
// "Stene", or "M. Stene" when `with_initials`.
std::string short_name(const Name& n, bool with_initials);

// The reference list's author list: inverted names, ", " between, ", & " before the last;
// from 21 names the first 19, "…" and the last.
std::string bib_name_list(const std::vector<Name>& names);
// Editors of a container: "A.-M. Berg & O. Dahl", "P. Bo, K. Co, & L. Do".
std::string given_first_list(const std::vector<Name>& names);
// In text: `shown` names then "et al." when some are left out, else all with "&" (or the
// word "og" in narrative form). The first name gets initials when `initials`.
std::string in_text_name_list(const std::vector<Name>& names, std::size_t shown, bool initials,
                              bool narrative, const Terms& t);

// How many names APA shows in text before "et al.": all of one or two, else one.
inline std::size_t default_names_shown(std::size_t count) { return count >= 3 ? 1 : count; }

}  // namespace playmaker::cite
