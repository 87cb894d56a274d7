#include "search/dictionaries.hpp"

#include <sys/stat.h>

#include <exception>
#include <map>
#include <thread>

namespace playmaker::search {

Dictionaries::Dictionaries(const std::string& dir) {
    auto load = [&dir](const char* name) {
        return std::make_unique<Hunspell>((dir + "/" + name + ".aff").c_str(), (dir + "/" + name + ".dic").c_str());
    };
    std::exception_ptr failed;
    std::thread other([&] {
        try {
            nb_ = load("nb_NO");
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        nn_ = load("nn_NO");
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failed) std::rethrow_exception(failed);
}

// Sizes and modification times of the four files: a long-running process (serve --watch)
// whose dictionaries are upgraded loads the new ones, as Lexicon::hash() then says.
std::string dictionary_signature(const std::string& dir) {
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

std::shared_ptr<Dictionaries> Dictionaries::shared(const std::string& dir) {
    static std::mutex mu;
    // Kept until the process ends and never destroyed: freeing hunspell's many small
    // allocations at exit takes a tenth of a second, for nothing.
    static auto* loaded = new std::map<std::string, std::shared_ptr<Dictionaries>>;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = (*loaded)[dictionary_signature(dir)];
    if (!slot) slot = std::make_shared<Dictionaries>(dir);
    return slot;
}

}  // namespace playmaker::search
