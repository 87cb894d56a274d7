#include "content/validate_util.hpp"

#include <cctype>

#include "util/utf8.hpp"

namespace playmaker {

bool check_utf8(std::string_view bytes, const std::string& name, Diagnostics& diags) {
    std::size_t bad = utf8::first_invalid(bytes);
    if (bad == std::string_view::npos) return true;
    int line, col;
    utf8::line_col(bytes, bad, line, col);
    diags.error(name, line, col, "not valid UTF-8 (save the file as UTF-8)");
    return false;
}

bool is_valid_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        }
        return true;
    };
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
    if (!digits(0, 4)) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(5, 2)) return false;
    int month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(8, 2)) return false;
    int year = std::stoi(std::string(s.substr(0, 4)));
    int day = std::stoi(std::string(s.substr(8, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day >= 1 && day <= max;
}

bool is_language(std::string_view s) { return s == "nb" || s == "nn" || s == "sv" || s == "en"; }

}  // namespace playmaker
