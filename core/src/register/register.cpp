#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "playmaker/municipality.hpp"
#include "playmaker/resources.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace playmaker {
namespace {

// SSB writes a parallel Sámi or Kven name with " - ", and not always after the Norwegian
// one (data/SOURCES.md). These are the rows whose Norwegian form is not first.
const std::map<std::string, std::string, std::less<>> kNorwegianName = {
    {"1826", "Hattfjelldal"}, {"1875", "Hamarøy"},  {"5041", "Snåsa"},
    {"5043", "Røyrvik"},      {"5512", "Tjeldsund"}, {"5518", "Lavangen"},
    {"5540", "Kåfjord"},      {"5610", "Karasjok"},  {"5612", "Kautokeino"},
    {"5628", "Tana"},         {"5636", "Nesseby"},
};

std::vector<std::vector<std::string>> parse_csv(std::string_view bytes, const char* name,
                                                std::size_t columns) {
    std::vector<std::vector<std::string>> rows;
    std::size_t line_no = 0;
    for (std::string_view line : text::split_lines(bytes)) {
        ++line_no;
        if (line_no == 1 || line.empty()) continue;  // header
        std::vector<std::string> fields;
        for (std::string_view f : text::split(line, ',')) fields.emplace_back(f);
        if (fields.size() != columns) {
            throw std::runtime_error(std::string(name) + ":" + std::to_string(line_no) +
                                     ": expected " + std::to_string(columns) + " fields");
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::vector<std::string> name_forms(const std::string& full) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t sep = full.find(" - ", start);
        out.push_back(full.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
        if (sep == std::string::npos) break;
        start = sep + 3;
    }
    return out;
}

std::string read_resource(const std::string& relative) {
    std::string path = resource_path(relative);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool county_matches(const Municipality& m, std::string_view folded_query) {
    if (folded_query == m.county_number) return true;
    return utf8::to_lower(m.county_full).find(folded_query) != std::string::npos;
}

// "Røyrvik" → "royrvik".
std::string slug(const std::string& name) {
    std::string low = utf8::to_lower(name), out;
    static const std::pair<const char*, const char*> map[] = {{"æ", "ae"}, {"ø", "o"}, {"å", "a"}, {"ä", "a"},
                                                               {"ö", "o"}, {"é", "e"}, {"á", "a"}, {"š", "s"},
                                                               {"č", "c"}, {"ï", "i"}, {"ŋ", "n"}, {"đ", "d"}};
    for (std::size_t i = 0; i < low.size();) {
        bool done = false;
        for (const auto& [from, to] : map) {
            std::size_t n = std::char_traits<char>::length(from);
            if (low.compare(i, n, from) == 0) {
                out += to;
                i += n;
                done = true;
                break;
            }
        }
        if (done) continue;
        char c = low[i++];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

std::string file_stem(const Municipality& m) {
    return (m.country == "SE" ? "se-" + m.number : m.code) + "-" + slug(m.name);
}

Register Register::parse(std::string_view norway_csv, std::string_view sweden_csv) {
    Register reg;
    for (auto& f : parse_csv(norway_csv, "municipalities-no.csv", 7)) {
        Municipality m;
        m.code = m.number = f[0];
        m.country = "NO";
        m.full_name = f[1];
        m.names = name_forms(f[1]);
        auto it = kNorwegianName.find(m.code);
        m.name = it != kNorwegianName.end() ? it->second : m.names.front();
        m.county_number = f[2];
        m.county_full = f[3];
        m.county = name_forms(f[3]).front();
        m.population = std::stol(f[4]);
        m.population_year = std::stoi(f[5]);
        m.centrality = std::stoi(f[6]);
        reg.all_.push_back(std::move(m));
    }
    for (auto& f : parse_csv(sweden_csv, "municipalities-se.csv", 5)) {
        Municipality m;
        m.number = f[0];
        m.code = "SE-" + f[0];
        m.country = "SE";
        m.name = m.full_name = f[1];
        m.names = {f[1], f[2]};
        m.county_number = f[3];
        m.county = m.county_full = f[4];
        reg.all_.push_back(std::move(m));
    }
    return reg;
}

const Register& Register::builtin() {
    static const Register reg = parse(read_resource("data/municipalities-no.csv"),
                                      read_resource("data/municipalities-se.csv"));
    return reg;
}

const Municipality* Register::find(std::string_view query) const {
    std::string q = utf8::to_lower(text::trim(query));
    if (q.empty()) return nullptr;
    for (const auto& m : all_) {
        if (q == utf8::to_lower(m.code) || (m.country == "NO" && q == m.number)) return &m;
    }
    const Municipality* found = nullptr;
    for (const auto& m : all_) {
        bool hit = utf8::to_lower(m.full_name) == q;
        for (const auto& n : m.names) hit = hit || utf8::to_lower(n) == q;
        if (!hit) continue;
        if (found) return nullptr;  // ambiguous
        found = &m;
    }
    return found;
}

std::vector<const Municipality*> Register::search(std::string_view query) const {
    std::string q = utf8::to_lower(text::trim(query));
    std::vector<const Municipality*> out;
    if (q.empty()) {
        for (const auto& m : all_) out.push_back(&m);
        return out;
    }
    if (const Municipality* exact = find(q)) {
        // A code or a full name names one municipality; a name shared by several
        // (Herøy, Våler) falls through to the substring search.
        if (std::isdigit(static_cast<unsigned char>(q[0])) || q.rfind("se-", 0) == 0) return {exact};
    }
    for (const auto& m : all_) {
        bool hit = utf8::to_lower(m.full_name).find(q) != std::string::npos ||
                   utf8::to_lower(m.code) == q || county_matches(m, q);
        for (const auto& n : m.names) hit = hit || utf8::to_lower(n).find(q) != std::string::npos;
        if (hit) out.push_back(&m);
    }
    return out;
}

std::vector<const Municipality*> Register::in_county(std::string_view query) const {
    std::string q = utf8::to_lower(text::trim(query));
    std::vector<const Municipality*> out;
    if (q.empty()) return out;
    for (const auto& m : all_) {
        if (county_matches(m, q)) out.push_back(&m);
    }
    return out;
}

bool Register::is_county(std::string_view query) const { return !in_county(query).empty(); }

}  // namespace playmaker
