// The note's outline: templates/note/outline.yaml, as data.
#pragma once

#include <string>
#include <vector>

#include "playmaker/item.hpp"

namespace playmaker {

struct OutlineSection {
    std::string id;
    std::string heading;  // i18n key
    std::string intro;    // i18n key, may be empty
    std::string generate;
    std::vector<Kind> kinds;
    bool drivers = false;
    bool linked = false;
    bool page_break = false;
    int max = 0;
    int min = 0;
};

// Reads the outline once; safe from any thread. Throws std::runtime_error on a bad file.
const std::vector<OutlineSection>& outline();

}  // namespace playmaker
