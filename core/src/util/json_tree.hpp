// A small JSON reader that keeps where every value starts.
//
// Poco::JSON keeps no positions, and a CSL-JSON error must point at its line; this reader
// gives each value its byte offset. Depth is bounded, so no input exhausts the stack.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace playmaker::json {

struct Value {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;  // String: the decoded string; Number: its source text
    std::vector<Value> items;                            // Array
    // Object members in file order, as parallel lists (a pair holding the incomplete Value
    // type is not allowed here).
    std::vector<std::string> keys;
    std::vector<Value> values;
    std::vector<std::size_t> key_offsets;  // where each key starts
    std::size_t offset = 0;

    const Value* get(std::string_view key) const;
    bool is_string() const { return type == Type::String; }
};

struct ParseError {
    std::size_t offset = 0;
    std::string message;
};

// Parses a whole document; false with `err` filled on malformed input.
bool parse(std::string_view text, Value& out, ParseError& err);

}  // namespace playmaker::json
