// Small string helpers used across the core.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace playmaker::text {

std::string_view trim(std::string_view s);
// Splits on '\n', dropping a trailing '\r' from each line; an empty last line is dropped.
std::vector<std::string_view> split_lines(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with(std::string_view s, std::string_view prefix);
// Words in a text: runs of bytes other than space, tab, CR and LF.
int count_words(std::string_view text);
// Reads a whole file; throws std::system_error when it cannot.
std::string read_file(const std::string& path);
// Hex SHA-1 of the bytes (content hashes for incremental work, not security).
std::string hash_hex(std::string_view bytes);

}  // namespace playmaker::text
