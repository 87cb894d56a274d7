// Notices changes in a content tree by polling: a signature of every file's path, size
// and modification time (hidden files and folders skipped, as the loader skips them).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace playmaker::serve {

std::uint64_t tree_signature(const std::string& root);

class Watcher {
public:
    // Calls `changed` on its own thread when the tree's signature differs from `baseline`
    // (taken before the content was loaded, so an edit made while loading or starting is
    // seen) and then stays the same for one more poll (an editor's save in several steps
    // gives one call).
    Watcher(std::string root, std::uint64_t baseline, std::function<void()> changed, int poll_ms = 300);
    ~Watcher();  // stops and joins

private:
    void loop();
    std::string root_;
    std::function<void()> changed_;
    std::uint64_t baseline_;
    int poll_ms_;
    std::mutex m_;
    std::condition_variable cv_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace playmaker::serve
