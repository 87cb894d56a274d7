#include "serve/watch.hpp"

#include <filesystem>

namespace playmaker::serve {

namespace fs = std::filesystem;

std::uint64_t tree_signature(const std::string& root) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over (path, size, mtime)
    auto mix = [&](const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (!name.empty() && name.front() == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        std::string s = p.string();
        mix(s.data(), s.size());
        auto size = it->file_size(ec);
        auto mtime = it->last_write_time(ec).time_since_epoch().count();
        mix(&size, sizeof size);
        mix(&mtime, sizeof mtime);
    }
    return h;
}

Watcher::Watcher(std::string root, std::uint64_t baseline, std::function<void()> changed, int poll_ms)
    : root_(std::move(root)),
      changed_(std::move(changed)),
      baseline_(baseline),
      poll_ms_(poll_ms),
      thread_([this] { loop(); }) {}

Watcher::~Watcher() {
    {
        std::lock_guard lock(m_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void Watcher::loop() {
    std::uint64_t seen = baseline_, pending = seen;
    std::unique_lock lock(m_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(poll_ms_), [&] { return stop_; })) {
        lock.unlock();
        std::uint64_t now = tree_signature(root_);
        if (now != seen && now == pending) {
            seen = now;
            changed_();
        }
        pending = now;
        lock.lock();
    }
}

}  // namespace playmaker::serve
