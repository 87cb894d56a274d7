#include "util/binary.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <system_error>

#include "playmaker/atomic.hpp"

namespace playmaker::binary {

std::shared_ptr<const void> map_file(const std::string& path, std::string_view& bytes) {
    bytes = {};
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat sb {};
    if (::fstat(fd, &sb) != 0 || sb.st_size <= 0) {
        ::close(fd);
        return nullptr;
    }
    auto size = static_cast<std::size_t>(sb.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    bytes = std::string_view(static_cast<const char*>(map), size);
    return std::shared_ptr<const void>(map, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
}

void write_cache_file(const std::string& path, std::string_view bytes) {
    write_cache_file(path, std::vector<std::string_view>{bytes});
}

void write_cache_file(const std::string& path, const std::vector<std::string_view>& pieces) {
    std::vector<iovec> iov;
    for (std::string_view p : pieces) {
        if (p.empty()) continue;
        if (!iov.empty() && static_cast<const char*>(iov.back().iov_base) + iov.back().iov_len == p.data()) {
            iov.back().iov_len += p.size();
        } else {
            iov.push_back(iovec{const_cast<char*>(p.data()), p.size()});
        }
    }
    std::filesystem::path p(path);
    std::error_code ec;
    if (!p.parent_path().empty()) std::filesystem::create_directories(p.parent_path(), ec);
    remove_dead_staging(path);  // what a killed writer of this cache left
    std::string tmp = staging_path_for(path);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot write " + path);
    std::size_t at = 0;  // the first piece not written out in full
    while (at < iov.size()) {
        int batch = static_cast<int>(std::min<std::size_t>(iov.size() - at, IOV_MAX));
        ssize_t n = ::writev(fd, iov.data() + at, batch);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw std::system_error(saved, std::generic_category(), "cannot write " + path);
        }
        auto left = static_cast<std::size_t>(n);
        while (at < iov.size() && left >= iov[at].iov_len) left -= iov[at++].iov_len;
        if (left > 0) {  // a piece written in part
            iov[at].iov_base = static_cast<char*>(iov[at].iov_base) + left;
            iov[at].iov_len -= left;
        }
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        throw std::system_error(saved, std::generic_category(), "cannot write " + path);
    }
}

}  // namespace playmaker::binary
