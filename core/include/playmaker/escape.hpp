// Escaping text for HTML, Markdown and URL paths: the one place Playmaker does each.
#pragma once

#include <string>
#include <string_view>

namespace playmaker {

// Escapes & < > " ' for HTML text and attribute values. Safe from any thread.
std::string html_escape(std::string_view s);
// Backslash-escapes what Markdown would read as markup (\ ` * _ { } [ ] < > # | !), so the
// text shows as written.
std::string markdown_escape(std::string_view s);
// Percent-encodes every byte of a path but ASCII letters, digits, - . _ ~ and '/'.
std::string url_escape_path(std::string_view path);

}  // namespace playmaker
