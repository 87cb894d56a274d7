// UI strings in nb, nn, sv and en, from templates/i18n/<lang>.yaml: what the note's and the
// site's templates show around the content. Read once per language and kept; safe to call
// from any thread.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace playmaker {

// Every string of `lang` by key ("site.home", …). Throws std::runtime_error when the file
// is missing or malformed.
const std::map<std::string, std::string>& ui_strings(const std::string& lang);

// The string for `key` with each {name} replaced by its value; the key itself when missing,
// so a missing string shows instead of vanishing.
std::string ui_string(const std::string& lang, const std::string& key,
                      const std::vector<std::pair<std::string, std::string>>& values = {});

}  // namespace playmaker
