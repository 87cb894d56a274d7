// Splitting an item file into YAML front matter and Markdown body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "playmaker/diagnostic.hpp"

namespace playmaker {

struct FrontMatter {
    std::string_view yaml;  // between the "---" lines
    int yaml_line = 2;      // file line of the YAML's first line
    std::string_view body;  // after the closing line
    int body_line = 1;      // file line of the body's first line
};

// A file must start with a "---" line and close the front matter with "---" or "...".
// Reports a missing or unclosed front matter at its line and returns nullopt.
std::optional<FrontMatter> split_front_matter(std::string_view bytes, const std::string& name,
                                              Diagnostics& diags);

}  // namespace playmaker
