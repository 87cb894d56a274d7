// The municipality register: all Norwegian kommuner (SSB) and Swedish kommuner (SCB).
//
// Loaded once from core/data/; read-only afterwards, so one Register may be shared by
// any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace playmaker {

struct Municipality {
    std::string code;        // "5006" for Norway, "SE-2380" for Sweden
    std::string number;      // the bare national code: "5006", "2380"
    std::string country;     // "NO" or "SE"
    std::string name;        // the Norwegian (or Swedish) short name: "Røyrvik"
    std::string full_name;   // as SSB writes it: "Raarvihke - Røyrvik"
    std::vector<std::string> names;  // every form: "Raarvihke", "Røyrvik"
    std::string county_number;       // "50", or the Swedish länskod "23"
    std::string county;              // Norwegian short form first: "Trøndelag"
    std::string county_full;         // "Trøndelag - Trööndelage", "Jämtlands län"
    long population = 0;             // Norway only: 1 January of population_year
    int population_year = 0;
    int centrality = 0;              // SSB sentralitetsklasse 1–6; 0 for Sweden
};

// A file-name stem for a municipality that works on every file system and in URLs:
// "5006-steinkjer", "5043-royrvik", "se-2380-ostersund".
std::string file_stem(const Municipality& m);

// Credit line for data from SSB, shown wherever register figures appear.
inline constexpr const char* kSsbCredit = "Kilde: Statistisk sentralbyrå";

class Register {
public:
    // Parses the two CSV files (bytes, with names for messages). Throws std::runtime_error
    // on a malformed file: the register ships with the program, so that is a defect.
    static Register parse(std::string_view norway_csv, std::string_view sweden_csv);
    // Loads core/data/municipalities-{no,se}.csv from the resource folder.
    static const Register& builtin();

    const std::vector<Municipality>& all() const { return all_; }

    // Exactly one municipality for "5006", "SE-2380", "se-2380" or a unique name in any
    // form ("Røyrvik", "raarvihke"), case-insensitive; nullptr when none or several match.
    // Bare four digits are always Norwegian.
    const Municipality* find(std::string_view query) const;
    // Every municipality whose code, any name or county matches `query` (substring of a
    // name, case-insensitive); all of them for an empty query. In register order.
    std::vector<const Municipality*> search(std::string_view query) const;
    // Municipalities of a county named by number ("50") or any part of its name
    // ("Trøndelag", "trööndelage", "jämtland").
    std::vector<const Municipality*> in_county(std::string_view query) const;
    // True when `query` names a county (as in_county understands it).
    bool is_county(std::string_view query) const;

private:
    std::vector<Municipality> all_;
};

}  // namespace playmaker
