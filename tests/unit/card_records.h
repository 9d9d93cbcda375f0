// Helpers shared by the card-data tests: records as JSON, one field changed, and the
// problems parse_card reports as "where: message" lines.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface::test {

using Json = nlohmann::json;
using Lines = std::vector<std::string>;

inline const std::filesystem::path kSamples =
    std::filesystem::path(CARDFACE_SOURCE_DIR) / "samples";

// A discarded value passed to with_field removes the field.
inline const Json kRemove = Json(Json::value_t::discarded);

inline Json with_field(Json record, std::string_view field, const Json& value) {
  if (value.is_discarded())
    record.erase(std::string(field));
  else
    record[std::string(field)] = value;
  return record;
}

inline Card parse(const Json& record) {
  return parse_card(record.dump(), kSamples);
}

inline Lines problems_in_text(const std::string& text) {
  try {
    parse_card(text, kSamples);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::data);
    Lines lines;
    for (const Problem& p : e.problems()) lines.push_back(p.where + ": " + p.message);
    return lines;
  }
  ADD_FAILURE() << "parsed without a problem:\n" << text;
  return {};
}

inline Lines problems_in(const Json& record) {
  return problems_in_text(record.dump());
}

inline std::string text_of(const std::optional<FieldValue>& value) {
  if (!value) return "(nullopt)";
  if (const auto* s = std::get_if<std::string>(&*value)) return *s;
  if (const auto* d = std::get_if<Date>(&*value)) return d->iso();
  return std::to_string(std::get<std::int64_t>(*value));
}

}  // namespace cardface::test
