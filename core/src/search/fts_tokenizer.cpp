#include "search/fts_tokenizer.hpp"

#include <stdexcept>
#include <vector>

namespace playmaker::search {
namespace {

struct Tok {
    TokenizerContext* ctx;
};

int x_create(void* pCtx, const char**, int, Fts5Tokenizer** out) {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Tok{static_cast<TokenizerContext*>(pCtx)});
    return SQLITE_OK;
}

void x_delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tok*>(t); }

using XToken = int (*)(void*, int, const char*, int, int, int);

int x_tokenize(Fts5Tokenizer* t, void* pCtx, int flags, const char* pText, int nText, XToken xToken) {
    TokenizerContext* ctx = reinterpret_cast<Tok*>(t)->ctx;
    std::string_view text(pText ? pText : "", pText ? static_cast<std::size_t>(nText) : 0);
    try {
        if (flags & FTS5_TOKENIZE_QUERY) {
            WordReader w(text);
            while (w.next()) {
                std::vector<std::string> alts = ctx->analyzer->query_terms(w.folded(), ctx->query_families);
                if (flags & FTS5_TOKENIZE_PREFIX) {
                    // A prefix also matches as typed; a prefix that begins another adds nothing.
                    alts.emplace_back(w.folded());
                    std::vector<std::string> kept;
                    for (const auto& a : alts) {
                        bool covered = false;
                        for (const auto& b : alts) covered |= b != a && a.starts_with(b);
                        bool seen = false;
                        for (const auto& k : kept) seen |= k == a;
                        if (!covered && !seen) kept.push_back(a);
                    }
                    alts = std::move(kept);
                }
                for (std::size_t i = 0; i < alts.size(); ++i) {
                    int rc = xToken(pCtx, i ? FTS5_TOKEN_COLOCATED : 0, alts[i].data(),
                                    static_cast<int>(alts[i].size()), static_cast<int>(w.start()),
                                    static_cast<int>(w.end()));
                    if (rc != SQLITE_OK) return rc;
                }
            }
            return SQLITE_OK;
        }
        if (flags & FTS5_TOKENIZE_AUX) {
            // snippet() and highlight() need only where each position lies: one token per
            // word, no analysis (positions are the same in every language, see the header).
            WordReader w(text);
            while (w.next()) {
                int rc = xToken(pCtx, 0, w.folded().data(), static_cast<int>(w.folded().size()),
                                static_cast<int>(w.start()), static_cast<int>(w.end()));
                if (rc != SQLITE_OK) return rc;
            }
            return SQLITE_OK;
        }
        return ctx->analyzer->for_each_token(
            text, ctx->lang, [&](std::string_view term, std::size_t s, std::size_t e, bool colocated) {
                return xToken(pCtx, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                              static_cast<int>(term.size()), static_cast<int>(s), static_cast<int>(e));
            });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (const std::exception&) {
        return SQLITE_ERROR;
    }
}

}  // namespace

void register_tokenizer(sqlite3* db, TokenizerContext* ctx) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
        throw std::runtime_error("SQLite has no FTS5");
    }
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2) throw std::runtime_error("SQLite's FTS5 is too old");
    fts5_tokenizer tk{x_create, x_delete, x_tokenize};
    if (api->xCreateTokenizer(api, "playmaker", ctx, &tk, nullptr) != SQLITE_OK) {
        throw std::runtime_error("cannot register the playmaker tokenizer");
    }
}

}  // namespace playmaker::search
