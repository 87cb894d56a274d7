// Strict UTF-8 decoding and Unicode case folding, shared by the loader, the register,
// the query parser and the analysis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace playmaker::utf8 {

// Decodes one code point at `pos`. On success returns the code point and advances `pos`;
// on an invalid or overlong sequence, a surrogate or a value past U+10FFFF, returns -1 and
// leaves `pos` unchanged.
int32_t decode(std::string_view s, std::size_t& pos);

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
std::size_t first_invalid(std::string_view s);
inline bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }

void append(std::string& out, int32_t cp);

// Lower-cases every code point (Poco's Unicode tables); invalid bytes are kept as they are.
std::string to_lower(std::string_view s);

// UTF-8 to Latin-1 (the hunspell dictionaries' encoding); false when a code point does not
// fit, so the dictionaries cannot know the word.
bool to_latin1(std::string_view s, std::string& out);
std::string from_latin1(std::string_view s);

// 1-based line and column (in code points) of byte `offset` in `s`.
void line_col(std::string_view s, std::size_t offset, int& line, int& col);

}  // namespace playmaker::utf8
