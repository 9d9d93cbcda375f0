// What both JSON readers (records, templates, card types) say about a document's text: where a
// byte is (line and column), why nlohmann refused it, and which known name a typo meant.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cardface::json_text {

// "line 3, column 14" for a byte offset; columns count code points.
std::string position(std::string_view text, std::size_t offset);

// nlohmann's reason without its "last read: '...'" part, which quotes the document.
std::string parse_error_reason(const nlohmann::json::parse_error& e);

// "is not valid JSON: <reason> (line L, column C)" for a parse error in `text`.
std::string syntax_error_message(std::string_view text, const nlohmann::json::parse_error& e);

// The name in `known` nearest to `typo` within 2 edits (a swap of neighbours counts as one);
// empty when none is that near.
std::string_view closest_name(std::string_view typo, const std::vector<std::string_view>& known);

// `message`, plus `; did you mean "NAME"?` when a known name is near.
std::string with_suggestion(std::string message, std::string_view typo,
                            const std::vector<std::string_view>& known);

}  // namespace cardface::json_text
