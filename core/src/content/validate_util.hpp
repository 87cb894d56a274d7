// Checks shared by the parsers.
#pragma once

#include <string>
#include <string_view>

#include "playmaker/diagnostic.hpp"

namespace playmaker {

// Reports the first invalid UTF-8 sequence at its line and column; false when there is one.
bool check_utf8(std::string_view bytes, const std::string& name, Diagnostics& diags);
// YYYY-MM-DD, YYYY-MM or YYYY, and a real calendar date.
bool is_valid_date(std::string_view s);
// nb, nn, sv or en.
bool is_language(std::string_view s);

}  // namespace playmaker
