// The content watcher of `playmaker serve --watch`.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "serve/watch.hpp"

namespace fs = std::filesystem;
using namespace playmaker::serve;

TEST_CASE("an edit made after the baseline but before the watcher starts is seen", "[watch]") {
    fs::path dir = fs::temp_directory_path() / ("pm-watch-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "cases");
    { std::ofstream(dir / "cases" / "a.md") << "one"; }
    std::uint64_t baseline = tree_signature(dir.string());
    { std::ofstream(dir / "cases" / "a.md") << "two, longer"; }  // while the server loads
    std::atomic<int> calls{0};
    {
        Watcher w(dir.string(), baseline, [&] { ++calls; }, 10);
        for (int i = 0; i < 300 && calls == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK(calls == 1);
    fs::remove_all(dir);
}

TEST_CASE("an unchanged tree gives no call", "[watch]") {
    fs::path dir = fs::temp_directory_path() / ("pm-watch-still-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    { std::ofstream(dir / "a.md") << "one"; }
    std::atomic<int> calls{0};
    {
        Watcher w(dir.string(), tree_signature(dir.string()), [&] { ++calls; }, 10);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(calls == 0);
    fs::remove_all(dir);
}
