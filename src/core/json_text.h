// The one way cardface parses JSON text (records, batch lines, templates, font configuration,
// card types): whatever the JSON library objects to — a syntax error, a number out of range
// such as 1e400, a byte that is not UTF-8 — comes out as cardface::Error naming the file and
// the line and column, and never quoting the text (it may be a holder's data).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cardface/error.h"

namespace cardface::json_text {

// "line 3, column 14" for a byte offset; columns count code points.
std::string position(std::string_view text, std::size_t offset);

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
