// Reading YAML with every problem located in the file it came from.
//
// yaml-cpp reports 0-based marks relative to the parsed text and silently accepts
// duplicate keys and an unclosed double quote that swallows the following lines
// (STACK.md); this wrapper adds the text's offset in the file and reports both.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "playmaker/diagnostic.hpp"
#include "playmaker/item.hpp"

namespace playmaker::yamldoc {

// A YAML text inside a file: `first_line` is the file line its first line is on.
struct Source {
    std::string path;
    int first_line = 1;
    Diagnostics* diags = nullptr;
    std::string_view text;  // the YAML text, to count columns in characters, not bytes

    Position at(const YAML::Mark& m) const;
    void error(const YAML::Node& n, const std::string& msg) const;
    void warning(const YAML::Node& n, const std::string& msg) const;
};

// Parses `text`; on a syntax error adds it and returns nullopt. Also reports unclosed
// double quotes and duplicate mapping keys (at any depth) as errors.
std::optional<YAML::Node> parse(std::string_view text, const Source& src);

// Field readers: each reports a wrong type at the value and returns false.
bool read_string(const YAML::Node& map, const char* key, std::string& out, const Source& src);
bool read_list(const YAML::Node& map, const char* key, std::vector<std::string>& out,
               const Source& src, std::vector<Position>* positions = nullptr);
bool read_int(const YAML::Node& map, const char* key, long& out, const Source& src);

// Warns about keys of `map` that are not in `known`, with a "did you mean" when close.
void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const Source& src,
                const char* what);

}  // namespace playmaker::yamldoc
