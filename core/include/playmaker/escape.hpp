// Escaping text for HTML: the one place Playmaker does it.
#pragma once

#include <string>
#include <string_view>

namespace playmaker {

// Escapes & < > " ' for HTML text and attribute values. Safe from any thread.
std::string html_escape(std::string_view s);

}  // namespace playmaker
