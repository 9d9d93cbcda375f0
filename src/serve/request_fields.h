// Reading a request's JSON object strictly: every field checked for its type and range,
// unknown fields refused, every problem gathered before the request is refused (400).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "serve/problem.h"

namespace cardface::serve {

class RequestFields {
 public:
  // `object` must outlive the reader; `pointer` is its JSON pointer in the request ("" top).
  RequestFields(const nlohmann::json& object, std::string pointer);

  std::optional<std::string> text(const std::string& name);
  // One of `choices`, or `fallback` when absent.
  std::string choice(const std::string& name, const std::vector<std::string>& choices,
                     const std::string& fallback);
  int integer(const std::string& name, int low, int high, int fallback);
  double number(const std::string& name, double low, double high, double fallback);
  bool flag(const std::string& name, bool fallback = false);
  const nlohmann::json* object(const std::string& name);
  const nlohmann::json* array(const std::string& name);
  const nlohmann::json* any(const std::string& name);  // present, whatever its type

  std::string pointer(const std::string& name) const { return pointer_ + "/" + name; }
  void add(const std::string& name, std::string message);
  // Unknown fields and every problem so far: throws Refusal 400 when there is any.
  void finish();

 private:
  const nlohmann::json* take(const std::string& name);
  const nlohmann::json& object_;
  std::string pointer_;
  std::set<std::string> known_;
  std::vector<RequestProblem> problems_;
};

// Parses a request body as JSON: Refusal 400 "malformed JSON at byte N" (as the CLI says it),
// or "must be a JSON object".
nlohmann::json parse_request_json(const std::string& text, const std::string& pointer);

}  // namespace cardface::serve
