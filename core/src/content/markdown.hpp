// The Markdown body of an item: HTML and plain text through cmark (safe mode), and the
// citations and [[links]] written in it, each with its position in the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "playmaker/item.hpp"

namespace playmaker::markdown {

// cmark's HTML; raw HTML and javascript: links are not passed through.
std::string to_html(std::string_view md);
// The text a reader sees, blocks separated by newlines; for search and snippets.
std::string to_text(std::string_view md);

// Finds "[@a; @b, s. 12]", narrative "@a" and "[[id]]" in `body`, skipping code spans,
// fenced code and escaped characters. Positions are file positions: `body` starts on
// file line `first_line`.
void scan(std::string_view body, int first_line, std::vector<Citation>& citations,
          std::vector<Link>& links);

}  // namespace playmaker::markdown
