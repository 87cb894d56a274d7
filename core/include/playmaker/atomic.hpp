// Atomic output: everything Playmaker writes is built beside its target and then swapped
// into place, so a crash or a bad input never leaves a half-written or missing file or folder.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace playmaker {

// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over
// `path`. Creates missing parent folders. Throws std::system_error on failure, leaving
// `path` as it was.
void write_file_atomic(const std::string& path, std::string_view bytes);

// A folder being built beside its target. Write into `path()`, then `commit()`: the new
// folder takes the target's place in one step (renameat2 RENAME_EXCHANGE, or a plain rename
// when there is no old folder), and the old one is removed afterwards. Without commit(),
// the destructor removes the half-built folder and the target is untouched. Staging folders
// of killed runs for the same target are removed when a new StagedDir starts.
//
// With `recycle` (a folder on the same file system, e.g. in a cache beside the target), the
// folder the commit replaces is moved there instead of removed, and the next StagedDir
// starts from it rather than from an empty folder: a writer that brings an older build up
// to date (rewriting only what changed, never writing through a file it did not create, as
// its files may be hard links) skips most of the work of a fresh folder. A recycled folder
// is in use until commit, so a killed run leaves none.
class StagedDir {
public:
    explicit StagedDir(std::string target, std::string recycle = "");
    ~StagedDir();
    StagedDir(const StagedDir&) = delete;
    StagedDir& operator=(const StagedDir&) = delete;

    const std::string& path() const { return staging_; }
    const std::string& target() const { return target_; }
    // Throws std::system_error when the swap fails; the target is then unchanged.
    void commit();

private:
    std::string target_;
    std::string staging_;
    std::string recycle_;
    bool committed_ = false;
};

// One writer at a time across processes: an advisory lock (flock) on the file `path`,
// created when missing, held while the object lives. `on_wait` is called once, before
// blocking, when another process holds it. Without the file (a read-only folder) nothing
// is locked and the writer goes on, to fail where it must write.
class WriterLock {
public:
    explicit WriterLock(const std::string& path, const std::function<void()>& on_wait = {});
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_ = -1;
};

// Removes what killed writers left beside `target`: staging files and folders named by
// staging_path_for whose process is gone. Writers still running are left alone.
void remove_dead_staging(const std::string& target);

// A temporary path beside `path` for a file that will be renamed over it: SQLite builds
// the index there, is closed out of WAL mode, and then `replace_file` moves it in.
std::string staging_path_for(const std::string& path);
// Renames `from` over `to` (same folder, so atomic). Throws std::system_error.
void replace_file(const std::string& from, const std::string& to);

}  // namespace playmaker
