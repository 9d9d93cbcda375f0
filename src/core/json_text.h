// The one way cardface parses JSON text (records, batch lines, templates, font configuration,
// card types): whatever the JSON library objects to — a syntax error, a number out of range
// such as 1e400, a byte that is not UTF-8 — comes out as cardface::Error naming the file and
// the line and column, and never quoting the text (it may be a holder's data); and which known
// name a typo meant.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cardface/error.h"

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
// Error(kind, where, "is not valid JSON: <reason> (line L, column C)") for an exception the
// JSON library threw while parsing `text`.
[[noreturn]] void fail(const nlohmann::json::exception& e, std::string_view text, ErrorKind kind,
                       const std::string& where);

// Parses `text` into Json (nlohmann::json or nlohmann::ordered_json), with nlohmann's callback
// when given. Throws only cardface::Error (or what the callback throws).
template <class Json>
Json parse(std::string_view text, ErrorKind kind, const std::string& where,
           typename Json::parser_callback_t callback = nullptr) {
  try {
    return Json::parse(text.begin(), text.end(), callback);
  } catch (const nlohmann::json::exception& e) {
    fail(e, text, kind, where);
  }
}

}  // namespace cardface::json_text
