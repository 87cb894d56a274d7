// A thin RAII layer over the SQLite C API for the index: errors become exceptions inside
// the search code and are turned into values at its edge.
#pragma once

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace playmaker::search {

struct DbError : std::runtime_error {
    explicit DbError(const std::string& what, int code = 0) : std::runtime_error(what), code(code) {}
    int code;  // SQLite's primary result code, 0 when unknown
};

class Db {
public:
    Db() = default;
    // Opens the file; throws DbError.
    enum Mode { kReadOnly, kReadWrite, kCreate };
    Db(const std::string& path, Mode mode);
    // Opens the file into a Db made empty; throws DbError.
    void open(const std::string& path, Mode mode);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    sqlite3* get() const { return db_; }
    void exec(const char* sql);
    [[noreturn]] void fail(const std::string& what) const;

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(const Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, long long v);
    Stmt& bind(int i, double v);
    // True when a row is ready; false when done. Throws DbError.
    bool step();
    void reset();
    void run() {
        step();
        reset();
    }
    std::string text(int col) const;
    // The column's text without a copy: valid until the next step, reset or column call.
    std::string_view view(int col) const {
        const unsigned char* p = sqlite3_column_text(st_, col);
        return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)))
                 : std::string_view();
    }
    long long integer(int col) const { return sqlite3_column_int64(st_, col); }
    double real(int col) const { return sqlite3_column_double(st_, col); }

private:
    const Db& db_;
    sqlite3_stmt* st_ = nullptr;
};

}  // namespace playmaker::search
