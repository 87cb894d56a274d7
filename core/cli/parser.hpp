// Option parsing shared by every command: GNU-style long options, "--opt=value" or
// "--opt value", "--" ending the options, arguments checked for valid UTF-8.
#pragma once

#include <string>
#include <vector>

#include "command.hpp"

namespace playmaker::cli {

// Returns kOk, or kUsage after printing the problem. Sets `help` for --help / -h.
int parse_args(const Command& cmd, const std::vector<std::string>& argv, Args& out, bool& help);
void print_help(const Command& cmd);

}  // namespace playmaker::cli
