#include "search/fts_tokenizer.hpp"

#include <cmath>
#include <memory>
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
                std::vector<std::string> alts = ctx->analyzer->query_terms(w.folded(), ctx->lexicon, ctx->query_families);
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
                if (!colocated) ++ctx->positions;
                return xToken(pCtx, colocated ? FTS5_TOKEN_COLOCATED : 0, term.data(),
                              static_cast<int>(term.size()), static_cast<int>(s), static_cast<int>(e));
            });
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    } catch (const std::exception&) {
        return SQLITE_ERROR;
    }
}

// Per query: the inverse document frequency of each phrase and the average row length.
struct RankData {
    std::vector<double> idf;
    double avgdl = 1;
    std::vector<double> freq;  // per phrase, reused row by row
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
    ++*static_cast<sqlite3_int64*>(user);
    return SQLITE_OK;
}

void rank_data_delete(void* p) { delete static_cast<RankData*>(p); }

void pm_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* sctx, int argc, sqlite3_value** argv) {
    constexpr double k1 = 1.2, b = 0.75;
    auto* data = static_cast<RankData*>(api->xGetAuxdata(fts, 0));
    if (!data) {
        auto fresh = std::make_unique<RankData>();
        int nphrase = api->xPhraseCount(fts);
        sqlite3_int64 nrow = 0, ntok = 0;
        int rc = api->xRowCount(fts, &nrow);
        if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &ntok);
        fresh->avgdl = nrow > 0 ? static_cast<double>(ntok) / static_cast<double>(nrow) : 1.0;
        for (int i = 0; rc == SQLITE_OK && i < nphrase; ++i) {
            sqlite3_int64 nhit = 0;
            rc = api->xQueryPhrase(fts, i, &nhit, count_row);
            double idf = std::log((static_cast<double>(nrow - nhit) + 0.5) / (static_cast<double>(nhit) + 0.5));
            fresh->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
        }
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(sctx, rc);
            return;
        }
        fresh->freq.resize(static_cast<std::size_t>(nphrase));
        data = fresh.get();
        rc = api->xSetAuxdata(fts, fresh.release(), rank_data_delete);
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(sctx, rc);
            return;
        }
    }
    auto* ctx = static_cast<TokenizerContext*>(api->xUserData(fts));
    double dl = 0;
    sqlite3_int64 rowid = api->xRowid(fts);
    if (ctx && ctx->doc_len && rowid >= 0 && static_cast<std::size_t>(rowid) < ctx->doc_len->size()) {
        dl = (*ctx->doc_len)[static_cast<std::size_t>(rowid)];
    } else {
        int ntok = 0;
        if (int rc = api->xColumnSize(fts, -1, &ntok); rc != SQLITE_OK) {
            sqlite3_result_error_code(sctx, rc);
            return;
        }
        dl = ntok;
    }
    double score = 0;
    for (std::size_t i = 0; i < data->freq.size(); ++i) {
        double f = 0;
        Fts5PhraseIter it;
        int col = 0, off = 0;
        if (int rc = api->xPhraseFirst(fts, static_cast<int>(i), &it, &col, &off); rc != SQLITE_OK) {
            sqlite3_result_error_code(sctx, rc);
            return;
        }
        for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
            f += col < argc ? sqlite3_value_double(argv[col]) : 1.0;
        }
        score += data->idf[i] * (f * (k1 + 1)) / (f + k1 * (1 - b + b * dl / data->avgdl));
    }
    sqlite3_result_double(sctx, -1.0 * score);
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
    if (api->xCreateFunction(api, "pm_rank", ctx, pm_rank, nullptr) != SQLITE_OK) {
        throw std::runtime_error("cannot register pm_rank");
    }
}

}  // namespace playmaker::search
