// BibTeX and BibLaTeX (what Zotero and JabRef export) into CSL-JSON-shaped references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "playmaker/diagnostic.hpp"
#include "playmaker/reference.hpp"

namespace playmaker::bibtex {

// Parses a .bib file given as bytes and a name. Every entry becomes a Reference located at
// its '@'; a malformed entry is reported at its line and skipped, the rest still load.
// @string macros are expanded; @comment and @preamble are ignored.
void parse(std::string_view bytes, const std::string& name, std::vector<Reference>& out,
           Diagnostics& diags);

// LaTeX to UTF-8: {\o} → ø, {\aa} → å, \"o → ö, \'e → é, \& → &, "--" → "–", protective
// braces removed.
std::string latex_to_utf8(std::string_view s);

// "Stene, Morten and Stickler, Andreas" (or "Morten Stene and …", or "{Distriktssenteret}")
// into names.
std::vector<Name> parse_names(std::string_view s);

}  // namespace playmaker::bibtex
