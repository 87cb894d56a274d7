// playmaker: the command line. Parses the command and its options, then runs it.
#include <iostream>
#include <stdexcept>
#include <string>

#include "command.hpp"
#include "parser.hpp"
#include "playmaker/version.hpp"

using namespace playmaker::cli;

namespace {

void print_overview() {
    std::cout << "playmaker " << playmaker::version()
              << " — knowledge base and briefing notes for municipal business development\n\n"
                 "Usage: playmaker <command> [options] [--] [arguments]\n\nCommands:\n";
    for (const auto& [name, cmd] : commands()) {
        std::string pad(name.size() < 16 ? 16 - name.size() : 1, ' ');
        std::cout << "  " << name << pad << cmd.summary << "\n";
    }
    std::cout << "\nEvery command takes --help. Exit codes: 0 done, 1 content errors, 2 usage,\n"
                 "3 an external tool is missing, 4 input/output failed.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.size() >= 2 && args[0] == "help") {
            auto it = commands().find(args[1]);
            if (it != commands().end()) {
                print_help(it->second);
                return kOk;
            }
        }
        print_overview();
        return args.empty() ? kUsage : kOk;
    }
    if (args[0] == "--version" || args[0] == "-V") {
        std::cout << "playmaker " << playmaker::version() << "\n";
        return kOk;
    }
    auto it = commands().find(args[0]);
    if (it == commands().end()) {
        std::cerr << "playmaker: unknown command '" << args[0] << "'\nTry 'playmaker --help'.\n";
        return kUsage;
    }
    const Command& cmd = it->second;
    Args parsed;
    bool help = false;
    if (int rc = parse_args(cmd, {args.begin() + 1, args.end()}, parsed, help); rc != kOk) return rc;
    if (help) {
        print_help(cmd);
        return kOk;
    }
    try {
        return cmd.run(parsed);
    } catch (const std::system_error& e) {
        std::cerr << "playmaker " << cmd.name << ": " << e.what() << "\n";
        return kIoError;
    } catch (const std::exception& e) {
        std::cerr << "playmaker " << cmd.name << ": internal error: " << e.what() << "\n";
        return 70;
    }
}
