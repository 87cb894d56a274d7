#include "search/dictionaries.hpp"

#include <sys/stat.h>

#include <map>

namespace playmaker::search {

Dictionaries::Dictionaries(const std::string& dir)
    : nb_((dir + "/nb_NO.aff").c_str(), (dir + "/nb_NO.dic").c_str()),
      nn_((dir + "/nn_NO.aff").c_str(), (dir + "/nn_NO.dic").c_str()) {}

namespace {

// Sizes and modification times of the four files: a long-running process (serve --watch)
// whose dictionaries are upgraded loads the new ones, as Lexicon::hash() then says.
std::string signature(const std::string& dir) {
    std::string sig = dir;
    for (const char* f : {"nb_NO.aff", "nb_NO.dic", "nn_NO.aff", "nn_NO.dic"}) {
        struct stat sb {};
        if (::stat((dir + "/" + f).c_str(), &sb) == 0) {
            sig += ";" + std::to_string(sb.st_size) + ":" + std::to_string(sb.st_mtim.tv_sec) + "." +
                   std::to_string(sb.st_mtim.tv_nsec);
        }
    }
    return sig;
}

}  // namespace

std::shared_ptr<Dictionaries> Dictionaries::shared(const std::string& dir) {
    static std::mutex mu;
    // Kept until the process ends and never destroyed: freeing hunspell's many small
    // allocations at exit takes a tenth of a second, for nothing.
    static auto* loaded = new std::map<std::string, std::shared_ptr<Dictionaries>>;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = (*loaded)[signature(dir)];
    if (!slot) slot = std::make_shared<Dictionaries>(dir);
    return slot;
}

}  // namespace playmaker::search
