// The in-process ceiling for the server benchmark (bench_serve.py drives it): the same
// queries through Index::search on N threads, one Index per thread, for a fixed time.
//
//   bench_serve DB QUERIES THREADS SECONDS      prints one JSON line
// QUERIES holds one query a line (the text a client would send as q).
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "playmaker/index.hpp"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_serve DB QUERIES THREADS SECONDS\n");
        return 2;
    }
    std::string db = argv[1];
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) queries.push_back(line);
    }
    int threads = std::stoi(argv[3]);
    double seconds = std::stod(argv[4]);
    std::atomic<bool> go{false}, stop{false};
    std::vector<std::vector<double>> lat(static_cast<std::size_t>(threads));
    std::vector<std::thread> pool;
    std::atomic<int> ready{0};
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            auto index = playmaker::Index::open(db);
            // Warm up as the server is warmed up: every query once.
            for (const auto& text : queries) {
                playmaker::SearchQuery q;
                q.text = text;
                index->search(q);
            }
            ++ready;
            while (!go) std::this_thread::yield();
            std::size_t i = static_cast<std::size_t>(t) * queries.size() / static_cast<std::size_t>(threads);
            auto& mine = lat[static_cast<std::size_t>(t)];
            while (!stop) {
                playmaker::SearchQuery q;
                q.text = queries[i++ % queries.size()];
                auto t0 = Clock::now();
                index->search(q);
                mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
            }
        });
    }
    while (ready < threads) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    auto cpu = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
    };
    auto t0 = Clock::now();
    double cpu0 = cpu();
    go = true;
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& th : pool) th.join();
    double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu_s = cpu() - cpu0;
    std::vector<double> all;
    for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p * all.size()))]; };
    std::printf("{\"threads\": %d, \"seconds\": %.2f, \"cpu_s\": %.3f, \"queries\": %zu, \"qps\": %.1f, "
                "\"p50_us\": %.0f, \"p99_us\": %.0f}\n",
                threads, elapsed, cpu_s, all.size(), static_cast<double>(all.size()) / elapsed, pct(0.50), pct(0.99));
    return 0;
}
