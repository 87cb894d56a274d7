// The nb_NO and nn_NO hunspell dictionaries, loaded once per process (about 0.3 s and
// 65 MB) and shared by every Lexicon and Paradigms in it: an index build that meets a new
// word analyses it, finds its related words and their lemmas with one load, not three.
// Hunspell is not thread-safe, so every use holds the pair's lock. The two are loaded at
// once on two threads (each only touches its own object; helgrind finds no race once the
// C++ locale is set up, which the process's start-up does).
#pragma once

#include <hunspell/hunspell.hxx>

#include <memory>
#include <mutex>
#include <string>

namespace playmaker::search {

// The four files' sizes and modification times (with the folder): what a loaded pair, or
// anything else read from them, is cached by.
std::string dictionary_signature(const std::string& dir);

class Dictionaries {
public:
    // The pair in `dir` (the four files must exist; Lexicon checks), loaded on the first
    // call for the files as they are now (their sizes and modification times).
    static std::shared_ptr<Dictionaries> shared(const std::string& dir);

    // Calls f(nb, nn) with the lock held, and returns what it returns.
    template <class F>
    auto with(F&& f) {
        std::lock_guard<std::mutex> lock(mu_);
        return f(*nb_, *nn_);
    }

    explicit Dictionaries(const std::string& dir);

private:
    std::mutex mu_;
    std::unique_ptr<Hunspell> nb_, nn_;
};

}  // namespace playmaker::search
