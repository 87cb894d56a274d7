// Alphabetical order as the language's users expect it (CLDR collation, reduced to what a
// reference list meets): nb/nn put æ, ø, å after z and read "aa" as "å" (Aasen after
// Åsen); sv puts å, ä, ö after z (æ as ä, ø as ö); en ignores accents. Case, spaces and
// punctuation only break ties.
#pragma once

#include <string>
#include <string_view>

#include "playmaker/cite.hpp"

namespace playmaker::cite {

struct SortKey {
    std::u32string primary;    // letters and digits, folded to their base letter
    std::u32string secondary;  // accents, "aa" read as "å"
    std::u32string tertiary;   // case and punctuation
    auto operator<=>(const SortKey&) const = default;
};

SortKey sort_key(std::string_view s, CiteLang lang);

}  // namespace playmaker::cite
