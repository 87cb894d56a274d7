// Building runs the way CSL groups build text: parts joined by a delimiter, wrapped in
// affixes, with punctuation merged where two meet ("Stene, M." + ". " → "Stene, M. ").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "playmaker/cite.hpp"

namespace playmaker::cite {

Runs text_run(std::string text);
Runs italic_run(std::string text);
Runs link_run(std::string url);

// Appends `more`, merging a run into the previous one when their style is the same.
void append(Runs& out, const Runs& more);
// Appends plain text (a delimiter or an affix). When `s` begins with punctuation that
// `out` already ends with — "." after ".", "?" or "!"; "," after ","; ";" after ";" — the
// repeated mark is dropped, as citeproc does.
void append_text(Runs& out, std::string_view s);

// The non-empty parts joined by `delim`; empty when every part is empty.
Runs join(const std::vector<Runs>& parts, std::string_view delim);
// `prefix` + inner + `suffix`, or empty when inner is empty.
Runs wrap(Runs inner, std::string_view prefix, std::string_view suffix);

bool empty(const Runs& runs);

}  // namespace playmaker::cite
