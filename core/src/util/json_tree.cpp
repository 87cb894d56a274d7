#include "util/json_tree.hpp"

#include <cstdlib>

#include "util/utf8.hpp"

namespace playmaker::json {
namespace {

constexpr int kMaxDepth = 128;

class Parser {
public:
    Parser(std::string_view s, ParseError& err) : s_(s), err_(err) {}

    bool document(Value& out) {
        skip_ws();
        if (!value(out, 0)) return false;
        skip_ws();
        if (pos_ != s_.size()) return fail("unexpected text after the JSON value");
        return true;
    }

private:
    std::string_view s_;
    ParseError& err_;
    std::size_t pos_ = 0;

    bool fail(std::string msg) {
        err_.offset = pos_;
        err_.message = std::move(msg);
        return false;
    }

    void skip_ws() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return fail("unexpected character");
        pos_ += word.size();
        return true;
    }

    bool value(Value& out, int depth) {
        if (depth > kMaxDepth) return fail("JSON nested too deeply");
        if (pos_ >= s_.size()) return fail("unexpected end of JSON");
        out.offset = pos_;
        char c = s_[pos_];
        switch (c) {
            case '{': return object(out, depth);
            case '[': return array(out, depth);
            case '"': out.type = Value::Type::String; return string(out.text);
            case 't': out.type = Value::Type::Bool; out.boolean = true; return literal("true");
            case 'f': out.type = Value::Type::Bool; return literal("false");
            case 'n': out.type = Value::Type::Null; return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number(out);
                return fail(std::string("unexpected character '") + (c >= 32 && c < 127 ? std::string(1, c) : "?") + "'");
        }
    }

    bool number(Value& out) {
        std::size_t start = pos_;
        if (s_[pos_] == '-') ++pos_;
        auto digits = [&] {
            std::size_t b = pos_;
            while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
            return pos_ > b;
        };
        if (!digits()) return fail("malformed number");
        if (pos_ < s_.size() && s_[pos_] == '.') {
            ++pos_;
            if (!digits()) return fail("malformed number");
        }
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (!digits()) return fail("malformed number");
        }
        out.type = Value::Type::Number;
        out.text = std::string(s_.substr(start, pos_ - start));
        out.number = std::strtod(out.text.c_str(), nullptr);
        return true;
    }

    bool hex4(uint32_t& v) {
        if (pos_ + 4 > s_.size()) return fail("malformed \\u escape");
        v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = s_[pos_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else return fail("malformed \\u escape");
        }
        return true;
    }

    bool string(std::string& out) {
        ++pos_;  // opening quote
        while (true) {
            if (pos_ >= s_.size()) return fail("string never closes");
            char c = s_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
            if (c != '\\') {
                out += c;
                ++pos_;
                continue;
            }
            ++pos_;
            if (pos_ >= s_.size()) return fail("string never closes");
            char e = s_[pos_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    uint32_t cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t lo;
                        if (s_.substr(pos_, 2) != "\\u") return fail("lone surrogate in \\u escape");
                        pos_ += 2;
                        if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return fail("lone surrogate in \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("lone surrogate in \\u escape");
                    }
                    utf8::append(out, static_cast<int32_t>(cp));
                    break;
                }
                default: --pos_; return fail("unknown escape in string");
            }
        }
    }

    bool array(Value& out, int depth) {
        out.type = Value::Type::Array;
        ++pos_;
        skip_ws();
        if (pos_ < s_.size() && s_[pos_] == ']') {
            ++pos_;
            return true;
        }
        while (true) {
            skip_ws();
            out.items.emplace_back();
            if (!value(out.items.back(), depth + 1)) return false;
            skip_ws();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == ']') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool object(Value& out, int depth) {
        out.type = Value::Type::Object;
        ++pos_;
        skip_ws();
        if (pos_ < s_.size() && s_[pos_] == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            skip_ws();
            if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a key in quotes");
            std::size_t key_at = pos_;
            std::string key;
            if (!string(key)) return false;
            skip_ws();
            if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':' after the key");
            ++pos_;
            skip_ws();
            Value v;
            if (!value(v, depth + 1)) return false;
            out.keys.push_back(std::move(key));
            out.values.push_back(std::move(v));
            out.key_offsets.push_back(key_at);
            skip_ws();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }
};

}  // namespace

const Value* Value::get(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key) return &values[i];
    }
    return nullptr;
}

bool parse(std::string_view text, Value& out, ParseError& err) {
    out = Value{};
    Parser p(text, err);
    return p.document(out);
}

}  // namespace playmaker::json
