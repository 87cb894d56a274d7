#include "serve/index_pool.hpp"

#include <algorithm>

namespace playmaker::serve {

IndexPool::IndexPool(int slots) : slots_(std::max(1, slots)), free_(slots_) {}
IndexPool::~IndexPool() = default;

IndexPool::Lease::Lease(IndexPool* pool, std::uint64_t gen, std::unique_ptr<Index> index)
    : pool_(pool), gen_(gen), index_(std::move(index)) {}

IndexPool::Lease::Lease(Lease&& o) noexcept : pool_(o.pool_), gen_(o.gen_), index_(std::move(o.index_)) {
    o.pool_ = nullptr;
}

IndexPool::Lease::~Lease() {
    if (pool_) pool_->release(gen_, std::move(index_));
}

std::optional<IndexPool::Lease> IndexPool::acquire(const State& state, std::chrono::milliseconds wait) {
    std::unique_ptr<Index> index;
    {
        std::unique_lock lock(m_);
        if (!cv_.wait_for(lock, wait, [&] { return free_ > 0; })) return std::nullopt;
        --free_;
        if (state.generation > newest_) {
            newest_ = state.generation;
            std::erase_if(idle_, [&](const auto& p) { return p.first != newest_; });
        }
        for (auto it = idle_.begin(); it != idle_.end(); ++it) {
            if (it->first == state.generation) {
                index = std::move(it->second);
                idle_.erase(it);
                break;
            }
        }
    }
    // An index brought up to date in place since this connection read it: its cached rows
    // no longer match (a build without --watch, from another process).
    if (index && index->stale()) index.reset();
    if (!index) {
        try {
            index = Index::open(state.db);
        } catch (...) {
            release(state.generation, nullptr);
            throw;
        }
    }
    return Lease(this, state.generation, std::move(index));
}

void IndexPool::release(std::uint64_t gen, std::unique_ptr<Index> index) {
    std::unique_ptr<Index> drop;  // closed outside the lock
    {
        std::lock_guard lock(m_);
        ++free_;
        if (index && gen == newest_) idle_.emplace_back(gen, std::move(index));
        else drop = std::move(index);
    }
    cv_.notify_one();
}

}  // namespace playmaker::serve
