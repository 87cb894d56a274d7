#include "output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace playmaker::site {
namespace {

constexpr std::uint64_t kPrime = 0x100000001b3ULL;

// A new file: whatever was at `path` is unlinked first, never written through (in a recycled
// folder it may be a hard link to the previous site's file).
void write_all(const std::string& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST && ::unlink(path.c_str()) == 0) {
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    }
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot write " + path);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int saved = errno;
            ::close(fd);
            throw std::system_error(saved, std::generic_category(), "cannot write " + path);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw std::system_error(errno, std::generic_category(), "cannot write " + path);
}

}  // namespace

Hasher& Hasher::add(std::string_view s) {
    for (unsigned char c : s) {
        a_ = (a_ ^ c) * kPrime;
        b_ = (b_ ^ (c + 0x9eu)) * kPrime;
    }
    // A separator that no text holds, so ("ab","c") and ("a","bc") differ.
    a_ = (a_ ^ 0x1ff) * kPrime;
    b_ = (b_ ^ 0x2ff) * kPrime;
    return *this;
}

Hasher& Hasher::add_value(const Value& v) {
    if (v.is_string()) return add("s").add(v.as_string());
    if (v.is_bool()) return add(v.as_bool() ? "T" : "F");
    if (v.is_list()) {
        add("[");
        for (const auto& e : v.as_list()) add_value(e);
        return add("]");
    }
    if (v.is_map()) {
        add("{");
        for (const auto& [k, e] : v.as_map()) add(k).add_value(e);
        return add("}");
    }
    return add("n");
}

std::string Hasher::hex() const {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a_),
                  static_cast<unsigned long long>(b_));
    return buf;
}

Manifest::Manifest(const std::string& dir) {
    if (dir.empty()) return;
    std::ifstream in(dir + "/" + kManifestName, std::ios::binary);
    if (!in) return;
    std::stringstream ss;
    ss << in.rdbuf();
    text_ = ss.str();
    if (!text_.starts_with("playmaker-site-manifest 1\n")) return;
    std::string_view t(text_);
    std::size_t pos = t.find('\n') + 1;
    while (pos < t.size()) {
        std::size_t tab = t.find('\t', pos), nl = t.find('\n', pos);
        if (tab == std::string_view::npos || nl == std::string_view::npos || tab > nl) break;
        entries_.emplace_back(t.substr(pos, tab - pos), t.substr(tab + 1, nl - tab - 1));
        pos = nl + 1;
    }
    // Written sorted by path; sorted here when someone else wrote it.
    auto by_path = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(entries_.begin(), entries_.end(), by_path)) std::sort(entries_.begin(), entries_.end(), by_path);
}

const std::string_view* Manifest::find(std::string_view path) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), path,
                               [](const auto& e, std::string_view p) { return e.first < p; });
    return it != entries_.end() && it->first == path ? &it->second : nullptr;
}

Output::Output(std::string dir, const std::string& previous)
    : dir_(std::move(dir)), previous_(previous), old_(previous_), here_(dir_) {}

bool Output::reuse(const std::string& path, const std::string& key) {
    if (key.empty()) return false;
    const std::string_view* here = here_.find(path);
    if (here) {
        // Written or linked in this build already (an export that started over): the
        // recycled folder's manifest no longer says what the file holds.
        std::lock_guard<std::mutex> lock(mu_);
        if (replaced_.count(path)) here = nullptr;
    }
    if (!here || *here != key) {
        const std::string_view* it = old_.find(path);
        if (!it || *it != key) return false;
        std::string from = previous_ + "/" + path, to = dir_ + "/" + path;
        if (here) ::unlink(to.c_str());
        if (::link(from.c_str(), to.c_str()) != 0 &&
            (errno != EEXIST || ::unlink(to.c_str()) != 0 || ::link(from.c_str(), to.c_str()) != 0)) {
            return false;
        }
        std::lock_guard<std::mutex> lock(mu_);
        replaced_.insert(path);
        entries_.emplace_back(path, key);
        return true;
    }
    std::lock_guard<std::mutex> lock(mu_);
    entries_.emplace_back(path, key);
    return true;
}

void Output::write(const std::string& path, std::string_view bytes, const std::string& key) {
    write_all(dir_ + "/" + path, bytes);
    std::lock_guard<std::mutex> lock(mu_);
    replaced_.insert(path);
    entries_.emplace_back(path, key);
}

void Output::make_dir(const std::string& rel) {
    std::error_code ec;
    std::filesystem::create_directories(dir_ + "/" + rel, ec);
    if (ec) throw std::system_error(ec, "cannot create " + dir_ + "/" + rel);
}

// Whatever the folder holds that this build did not make — what an older build made and
// this one does not, or a file someone put into the site by hand (the recycled folder was
// the live site once) — is removed, and so are folders left empty. Read from the folders
// themselves (file types from readdir, no stat), not from the recycled manifest.
void Output::remove_unmade(const std::string& rel) {
    std::string path = rel.empty() ? dir_ : dir_ + "/" + rel;
    DIR* d = ::opendir(path.c_str());
    if (!d) return;
    std::vector<std::pair<std::string, bool>> children;  // name, is a folder
    while (const dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        bool folder = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN) {
            struct stat sb {};
            folder = ::lstat((path + "/" + name).c_str(), &sb) == 0 && S_ISDIR(sb.st_mode);
        }
        children.emplace_back(std::move(name), folder);
    }
    ::closedir(d);
    for (const auto& [name, folder] : children) {
        std::string child = rel.empty() ? name : rel + "/" + name;
        if (folder) {
            remove_unmade(child);
            ::rmdir((dir_ + "/" + child).c_str());  // only when empty
            continue;
        }
        if (child == kManifestName) continue;
        auto it = std::lower_bound(entries_.begin(), entries_.end(), child,
                                   [](const auto& e, const std::string& p) { return e.first < p; });
        if (it == entries_.end() || it->first != child) ::unlink((dir_ + "/" + child).c_str());
    }
}

void Output::write_manifest() {
    // By path; a file written twice (an export that started over) is listed as written last.
    std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<std::string, std::string>> last;
    last.reserve(entries_.size());
    for (auto& e : entries_) {
        if (!last.empty() && last.back().first == e.first) {
            last.back() = std::move(e);
        } else {
            last.push_back(std::move(e));
        }
    }
    entries_ = std::move(last);
    remove_unmade("");
    std::string text = "playmaker-site-manifest 1\n";
    for (const auto& [path, key] : entries_) text += path + "\t" + key + "\n";
    write_all(dir_ + "/" + kManifestName, text);
}

}  // namespace playmaker::site
