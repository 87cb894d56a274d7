#include "playmaker/resources.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace fs = std::filesystem;

namespace playmaker {

std::string executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return ".";
    return exe.parent_path().string();
}

const std::string& resource_root() {
    static const std::string root = [] {
        if (const char* env = std::getenv("PLAYMAKER_SHARE"); env && *env) return std::string(env);
        std::vector<fs::path> candidates = {fs::path(executable_dir()) / ".." / "share" / "playmaker"};
        for (const auto& c : candidates) {
            std::error_code ec;
            if (fs::is_directory(c / "data", ec)) return fs::weakly_canonical(c, ec).string();
        }
        throw std::runtime_error("cannot find Playmaker's resources (share/playmaker beside " +
                                 executable_dir() + "); set PLAYMAKER_SHARE");
    }();
    return root;
}

std::string resource_path(const std::string& relative) { return resource_root() + "/" + relative; }

}  // namespace playmaker
