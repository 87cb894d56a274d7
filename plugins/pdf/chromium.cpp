#include "chromium.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "playmaker/escape.hpp"

extern char** environ;

namespace playmaker::pdf {
namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The last non-empty line of chromium's log that says something went wrong, for the
// error message (chromium logs harmless dbus complaints on every run).
std::string last_error_line(const std::string& log) {
    std::istringstream in(log);
    std::string line, last;
    while (std::getline(in, line)) {
        if (!line.empty() && line.find("dbus") == std::string::npos) last = line;
    }
    return last.size() > 300 ? last.substr(0, 300) + "…" : last;
}

// A path as a file:// URL: everything but unreserved characters and '/' percent-encoded.
std::string file_url(const std::string& path) { return "file://" + url_escape_path(path); }

}  // namespace

std::string find_chromium() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string dir = dirs.substr(start, end - start);
        if (!dir.empty()) {
            std::string candidate = dir + "/chromium";
            struct stat st {};
            if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
                return candidate;
            }
        }
        start = end + 1;
    }
    return "";
}

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "playmaker-pdf-XXXXXX").string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw std::runtime_error("cannot make a temporary folder in " + tmpl);
    path_ = buf.data();
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string print_to_pdf(const std::string& chromium, const std::string& html_file, const std::string& work_dir,
                         int timeout_seconds) {
    std::string pdf_file = work_dir + "/note.pdf";
    std::string log_file = work_dir + "/chromium.log";
    std::vector<std::string> args = {
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--mute-audio",
        // No network: every name fails to resolve. The note needs nothing from outside.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--user-data-dir=" + work_dir + "/profile",
        "--no-pdf-header-footer",
        "--export-tagged-pdf",
        "--generate-pdf-document-outline",
        "--print-to-pdf=" + pdf_file,
        file_url(html_file),
    };
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&files, 1, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group, so a hung chromium is killed with all its helper processes.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    int err = ::posix_spawn(&pid, chromium.c_str(), &files, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (err != 0) throw std::runtime_error("cannot start " + chromium + ": " + std::strerror(err));

    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
    int status = 0;
    for (;;) {
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) throw std::runtime_error("lost track of chromium: " + std::string(std::strerror(errno)));
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            throw std::runtime_error("chromium did not finish printing within " + std::to_string(timeout_seconds) +
                                     " seconds");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::string pdf = read_all(pdf_file);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || pdf.compare(0, 5, "%PDF-") != 0) {
        std::string why = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                            : "killed by signal " + std::to_string(WTERMSIG(status));
        std::string line = last_error_line(read_all(log_file));
        throw std::runtime_error("chromium printed no PDF (" + why + ")" + (line.empty() ? "" : ": " + line));
    }
    return pdf;
}

}  // namespace playmaker::pdf
