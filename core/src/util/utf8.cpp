#include "util/utf8.hpp"

#include <Poco/Unicode.h>

namespace playmaker::utf8 {

int32_t decode(std::string_view s, std::size_t& pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    if (pos >= n) return -1;
    unsigned char c = p[pos];
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int len;
    int32_t cp;
    int32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (pos + len > n) return -1;
    for (int i = 1; i < len; ++i) {
        unsigned char cc = p[pos + i];
        if ((cc & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    pos += len;
    return cp;
}

std::size_t first_invalid(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (decode(s, pos) < 0) return pos;
    }
    return std::string_view::npos;
}

void append(std::string& out, int32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        auto c = static_cast<unsigned char>(s[pos]);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            ++pos;
            continue;
        }
        std::size_t start = pos;
        int32_t cp = decode(s, pos);
        if (cp < 0) {
            out += s[start];
            pos = start + 1;
            continue;
        }
        append(out, Poco::Unicode::toLower(cp));
    }
    return out;
}

bool to_latin1(std::string_view s, std::string& out) {
    out.clear();
    std::size_t pos = 0;
    while (pos < s.size()) {
        int32_t cp = decode(s, pos);
        if (cp < 0 || cp > 0xFF) return false;
        out += static_cast<char>(cp);
    }
    return true;
}

std::string from_latin1(std::string_view s) {
    std::string out;
    for (unsigned char c : s) append(out, c);
    return out;
}

void line_col(std::string_view s, std::size_t offset, int& line, int& col) {
    line = 1;
    col = 1;
    if (offset > s.size()) offset = s.size();
    for (std::size_t i = 0; i < offset; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++col;
        }
    }
}

}  // namespace playmaker::utf8
