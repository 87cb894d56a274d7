#include "playmaker/atomic.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <random>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace playmaker {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

std::string unique_suffix() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return std::to_string(::getpid()) + "-" + std::to_string(rng() % 1000000000);
}

// Makes a rename durable: the folder entry must reach the disk, not only the file.
void sync_parent(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) parent = ".";
    int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void make_parent(const std::string& path) {
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        if (ec) throw std::system_error(ec, "cannot create " + parent.string());
    }
}

}  // namespace

void remove_dead_staging(const std::string& target) {
    fs::path p(target);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::string prefix = "." + p.filename().string() + ".tmp-";
    std::error_code ec;
    std::vector<fs::path> dead;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        long pid = std::atol(name.c_str() + prefix.size());
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) dead.push_back(it->path());
    }
    for (const auto& d : dead) fs::remove_all(d, ec);
}

std::string staging_path_for(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + unique_suffix())).string();
}

void replace_file(const std::string& from, const std::string& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) fail("cannot move " + from + " to " + to);
    sync_parent(to);
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
    make_parent(path);
    std::string tmp = staging_path_for(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot write " + path);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = saved;
            fail("cannot write " + path);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail("cannot write " + path);
    }
    try {
        replace_file(tmp, path);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
}

WriterLock::WriterLock(const std::string& path, const std::function<void()>& on_wait)
    : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0) return;
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
    if (on_wait) on_wait();
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);
}

StagedDir::StagedDir(std::string target, std::string recycle)
    : target_(std::move(target)), recycle_(std::move(recycle)) {
    while (!target_.empty() && target_.size() > 1 && target_.back() == '/') target_.pop_back();
    make_parent(target_);
    remove_dead_staging(target_);
    staging_ = staging_path_for(target_);
    std::error_code ec;
    if (!recycle_.empty() && fs::is_directory(fs::symlink_status(recycle_, ec)) &&
        ::rename(recycle_.c_str(), staging_.c_str()) == 0) {
        return;
    }
    fs::create_directory(staging_, ec);
    if (ec) throw std::system_error(ec, "cannot create " + staging_);
}

StagedDir::~StagedDir() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedDir::commit() {
    std::error_code ec;
    bool exists = fs::exists(fs::symlink_status(target_, ec));
    if (!exists) {
        if (::rename(staging_.c_str(), target_.c_str()) != 0) fail("cannot move into " + target_);
        committed_ = true;
        sync_parent(target_);
        return;
    }
    // Exchange the two folders in one step; the old content ends up at staging_.
    if (::syscall(SYS_renameat2, AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(),
                  2 /* RENAME_EXCHANGE */) != 0) {
        fail("cannot swap " + staging_ + " into " + target_);
    }
    committed_ = true;
    sync_parent(target_);
    // The old folder: kept for the next build when asked (a folder left in the way is an
    // interrupted one's), else removed; failing either loses nothing.
    if (!recycle_.empty()) {
        fs::create_directories(fs::path(recycle_).parent_path(), ec);
        fs::remove_all(recycle_, ec);
        if (::rename(staging_.c_str(), recycle_.c_str()) == 0) return;
    }
    fs::remove_all(staging_, ec);
}

}  // namespace playmaker
