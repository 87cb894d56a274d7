#include <cmath>
#include <regex>

#include "content/validate_util.hpp"
#include "playmaker/corpus.hpp"
#include "util/json_tree.hpp"
#include "util/utf8.hpp"

namespace playmaker {
namespace {

using json::Value;

struct Ctx {
    std::string_view bytes;
    const std::string& name;
    Diagnostics& diags;

    Position at(std::size_t offset) const {
        Position p;
        utf8::line_col(bytes, offset, p.line, p.col);
        return p;
    }
    void error(std::size_t offset, const std::string& msg) const {
        Position p = at(offset);
        diags.error(name, p.line, p.col, msg);
    }
    void warning(std::size_t offset, const std::string& msg) const {
        Position p = at(offset);
        diags.warning(name, p.line, p.col, msg);
    }
};

// CSL-JSON allows numbers where strings are expected ("volume": 12).
bool scalar_text(const Value& v, std::string& out) {
    if (v.type == Value::Type::String || v.type == Value::Type::Number) {
        out = v.text;
        return true;
    }
    return false;
}

void read_text(const Value& entry, const char* key, std::string& out, const Ctx& ctx) {
    const Value* v = entry.get(key);
    if (!v || v->type == Value::Type::Null) return;
    if (!scalar_text(*v, out)) ctx.error(v->offset, std::string("'") + key + "' must be text");
}

void read_names(const Value& entry, const char* key, std::vector<Name>& out, const Ctx& ctx) {
    const Value* v = entry.get(key);
    if (!v || v->type == Value::Type::Null) return;
    if (v->type != Value::Type::Array) {
        ctx.error(v->offset, std::string("'") + key + "' must be a list of names");
        return;
    }
    for (const auto& n : v->items) {
        if (n.type != Value::Type::Object) {
            ctx.error(n.offset, std::string("each '") + key + "' entry must be an object with family and given");
            continue;
        }
        Name name;
        read_text(n, "family", name.family, ctx);
        read_text(n, "given", name.given, ctx);
        read_text(n, "literal", name.literal, ctx);
        if (name.empty()) {
            ctx.error(n.offset, std::string("a name in '") + key + "' has neither 'family' nor 'literal'");
            continue;
        }
        out.push_back(std::move(name));
    }
}

bool int_part(const Value& v, int& out) {
    if (v.type == Value::Type::Number) {
        if (v.number != std::floor(v.number) || std::fabs(v.number) > 100000) return false;
        out = static_cast<int>(v.number);
        return true;
    }
    if (v.type == Value::Type::String && !v.text.empty() && v.text.size() <= 6) {
        for (char c : v.text) {
            if (c < '0' || c > '9') return false;
        }
        out = std::stoi(v.text);
        return true;
    }
    return false;
}

void read_date(const Value& entry, const char* key, Date& out, const Ctx& ctx) {
    const Value* v = entry.get(key);
    if (!v || v->type == Value::Type::Null) return;
    auto bad = [&](std::size_t offset) {
        ctx.error(offset, std::string("malformed date in '") + key +
                              "': use {\"date-parts\": [[2018]]} or [[2018, 3, 1]]");
    };
    if (v->type != Value::Type::Object) return bad(v->offset);
    if (const Value* raw = v->get("raw"); raw && !v->get("date-parts")) {
        if (raw->type != Value::Type::String || !is_valid_date(raw->text)) return bad(raw->offset);
        out.year = std::stoi(raw->text.substr(0, 4));
        if (raw->text.size() >= 7) out.month = std::stoi(raw->text.substr(5, 2));
        if (raw->text.size() >= 10) out.day = std::stoi(raw->text.substr(8, 2));
        return;
    }
    const Value* parts = v->get("date-parts");
    if (!parts) {
        if (v->get("literal")) return;  // "literal": "u.å." and the like: no date
        return bad(v->offset);
    }
    if (parts->type != Value::Type::Array || parts->items.empty() ||
        parts->items[0].type != Value::Type::Array || parts->items[0].items.empty() ||
        parts->items[0].items.size() > 3) {
        return bad(parts->offset);
    }
    const auto& p = parts->items[0].items;
    int y = 0, m = 0, d = 0;
    if (!int_part(p[0], y) || y < 1 || y > 9999) return bad(p[0].offset);
    if (p.size() > 1 && (!int_part(p[1], m) || m < 1 || m > 12)) return bad(p[1].offset);
    if (p.size() > 2 && (!int_part(p[2], d) || d < 1 || d > 31)) return bad(p[2].offset);
    out = {y, m, d};
}

void read_entry(const Value& entry, std::vector<Reference>& out, const Ctx& ctx) {
    if (entry.type != Value::Type::Object) {
        ctx.error(entry.offset, "a CSL-JSON entry must be an object");
        return;
    }
    Reference ref;
    ref.path = ctx.name;
    Position p = ctx.at(entry.offset);
    ref.line = p.line;
    ref.col = p.col;
    const Value* id = entry.get("id");
    if (!id || !scalar_text(*id, ref.id) || ref.id.empty()) {
        ctx.error(entry.offset, "entry without 'id' (its citation key)");
        return;
    }
    static const std::regex key_re("[A-Za-z0-9_][A-Za-z0-9_:./-]*");
    if (!std::regex_match(ref.id, key_re)) {
        ctx.error(id->offset, "citation key '" + ref.id + "' may hold only letters, digits, '_', '-', ':', '.' and '/'");
    }
    read_text(entry, "type", ref.type, ctx);
    if (ref.type.empty()) {
        ctx.warning(entry.offset, "entry '" + ref.id + "' has no 'type'; taken as a book");
        ref.type = "book";
    }
    read_names(entry, "author", ref.authors, ctx);
    read_names(entry, "editor", ref.editors, ctx);
    read_date(entry, "issued", ref.issued, ctx);
    read_date(entry, "accessed", ref.accessed, ctx);
    read_text(entry, "title", ref.title, ctx);
    read_text(entry, "container-title", ref.container_title, ctx);
    read_text(entry, "collection-title", ref.collection_title, ctx);
    read_text(entry, "publisher", ref.publisher, ctx);
    read_text(entry, "publisher-place", ref.publisher_place, ctx);
    read_text(entry, "volume", ref.volume, ctx);
    read_text(entry, "issue", ref.issue, ctx);
    read_text(entry, "page", ref.page, ctx);
    read_text(entry, "number", ref.number, ctx);
    read_text(entry, "edition", ref.edition, ctx);
    read_text(entry, "genre", ref.genre, ctx);
    read_text(entry, "DOI", ref.doi, ctx);
    read_text(entry, "URL", ref.url, ctx);
    read_text(entry, "note", ref.note, ctx);
    read_text(entry, "language", ref.language, ctx);
    if (ref.authors.empty() && ref.editors.empty() && ref.title.empty()) {
        ctx.error(entry.offset, "entry '" + ref.id + "' has neither author nor title");
        return;
    }
    out.push_back(std::move(ref));
}

}  // namespace

void parse_csl_json(std::string_view bytes, const std::string& name, std::vector<Reference>& out,
                    Diagnostics& diags) {
    if (!check_utf8(bytes, name, diags)) return;
    Ctx ctx{bytes, name, diags};
    Value root;
    json::ParseError err;
    if (!json::parse(bytes, root, err)) {
        ctx.error(err.offset, "malformed JSON: " + err.message);
        return;
    }
    if (root.type == Value::Type::Array) {
        for (const auto& entry : root.items) read_entry(entry, out, ctx);
    } else if (root.type == Value::Type::Object) {
        read_entry(root, out, ctx);
    } else {
        ctx.error(root.offset, "a CSL-JSON file must hold an array of entries");
    }
}

}  // namespace playmaker
