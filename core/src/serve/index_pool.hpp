// Search and note work runs on a few slots (about one per core), each with an Index of
// its own (an Index is not thread-safe). Connection threads wait for a slot; the Indexes
// are opened once and reused, and dropped when a reload makes a new State.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "playmaker/index.hpp"
#include "serve/state.hpp"

namespace playmaker::serve {

class IndexPool {
public:
    explicit IndexPool(int slots);
    ~IndexPool();

    class Lease {
    public:
        Lease(Lease&& o) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Index& operator*() const { return *index_; }
        Index* operator->() const { return index_.get(); }

    private:
        friend class IndexPool;
        Lease(IndexPool* pool, std::uint64_t gen, std::unique_ptr<Index> index);
        IndexPool* pool_;
        std::uint64_t gen_;
        std::unique_ptr<Index> index_;
    };

    // A slot with an Index on `state`'s database, waiting up to `wait`; nullopt when no
    // slot came free in time (the caller answers 503). Throws what Index::open throws.
    std::optional<Lease> acquire(const State& state, std::chrono::milliseconds wait);

    int slots() const { return slots_; }

private:
    void release(std::uint64_t gen, std::unique_ptr<Index> index);

    const int slots_;
    std::mutex m_;
    std::condition_variable cv_;
    int free_;
    std::uint64_t newest_ = 0;
    std::vector<std::pair<std::uint64_t, std::unique_ptr<Index>>> idle_;
};

}  // namespace playmaker::serve
