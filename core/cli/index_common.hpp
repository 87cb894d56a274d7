// What every command that reads the index shares: the --db option and "build or refresh
// the index first when it is missing, stale or from another tree".
#pragma once

#include <string>

#include "command.hpp"

namespace playmaker::cli {

Option db_option();
std::string db_path(const Args& args);
std::string content_path(const Args& args);

// Builds or refreshes the index when needed, saying why on stderr, or in `log` when given
// (for a caller that runs it beside other work and prints when both are done; no progress
// is drawn then). Returns kOk;
// throws std::system_error when the content folder is missing or the index cannot be
// written.
int ensure_index(const std::string& content, const std::string& db, std::string* log = nullptr);

}  // namespace playmaker::cli
