// URL decoding and query strings, strictly: a malformed escape, an encoded NUL or invalid
// UTF-8 is an error (the caller answers 400), never guessed at.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace playmaker::serve {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). nullopt for a '%' not
// followed by two hex digits, a decoded NUL, or bytes that are not valid UTF-8.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// Encodes everything but unreserved characters (RFC 3986), for URLs the server writes.
std::string percent_encode(std::string_view s);

// Query parameters in the order given; a name may repeat.
using Params = std::multimap<std::string, std::string>;

// Parses "a=1&b=x+y&a=2". nullopt when a name or value does not decode, or there are more
// than kMaxParams parameters. Empty pieces ("a=1&&b") are skipped.
std::optional<Params> parse_query(std::string_view query);

// The first value of `name`, if any.
std::optional<std::string> first(const Params& p, const std::string& name);
std::vector<std::string> all(const Params& p, const std::string& name);

// "a=1&b=2" from pairs, encoded.
std::string build_query(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace playmaker::serve
