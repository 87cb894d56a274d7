#include "search/db.hpp"

namespace playmaker::search {

Db::Db(const std::string& path, Mode mode) { open(path, mode); }

void Db::open(const std::string& path, Mode mode) {
    if (db_) throw DbError("already open: " + path);
    // A reader opens the file for writing when it may, and promises not to write
    // (query_only): a build killed while committing in place leaves a hot journal that
    // only a connection that can write rolls back, and any reader should be able to.
    int flags = mode == kReadOnly ? SQLITE_OPEN_READWRITE
                                  : SQLITE_OPEN_READWRITE | (mode == kCreate ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK && mode == kReadOnly) {
        sqlite3_close(db_);
        db_ = nullptr;
        rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
    }
    if (rc != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw DbError("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    if (mode == kReadOnly) sqlite3_exec(db_, "PRAGMA query_only=ON", nullptr, nullptr, nullptr);
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(const std::string& what) const {
    throw DbError(what + ": " + sqlite3_errmsg(db_), sqlite3_errcode(db_) & 0xff);
}

void Db::exec(const char* sql) {
    char* err = nullptr;
    if (int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err); rc != SQLITE_OK) {
        std::string msg = err ? err : "error";
        sqlite3_free(err);
        throw DbError(std::string(sql).substr(0, 60) + ": " + msg, rc & 0xff);
    }
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.get(), sql, -1, &st_, nullptr) != SQLITE_OK) db.fail("prepare");
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bind(int i, long long v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    sqlite3_bind_double(st_, i, v);
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("step");
}

void Stmt::reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
}

std::string Stmt::text(int col) const {
    const unsigned char* p = sqlite3_column_text(st_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
             : std::string();
}

}  // namespace playmaker::search
