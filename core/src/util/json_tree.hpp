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
    std::vector<std::pair<std::string, Value>> members;  // Object, in file order
    std::vector<std::size_t> key_offsets;                // Object: where each key starts
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
