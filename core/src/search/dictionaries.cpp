#include "search/dictionaries.hpp"

#include <map>

namespace playmaker::search {

Dictionaries::Dictionaries(const std::string& dir)
    : nb_((dir + "/nb_NO.aff").c_str(), (dir + "/nb_NO.dic").c_str()),
      nn_((dir + "/nn_NO.aff").c_str(), (dir + "/nn_NO.dic").c_str()) {}

std::shared_ptr<Dictionaries> Dictionaries::shared(const std::string& dir) {
    static std::mutex mu;
    // Kept until the process ends and never destroyed: freeing hunspell's many small
    // allocations at exit takes a tenth of a second, for nothing.
    static auto* loaded = new std::map<std::string, std::shared_ptr<Dictionaries>>;
    std::lock_guard<std::mutex> lock(mu);
    auto& slot = (*loaded)[dir];
    if (!slot) slot = std::make_shared<Dictionaries>(dir);
    return slot;
}

}  // namespace playmaker::search
