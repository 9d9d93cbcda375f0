// Reads a JSON object key by key, remembering the JSON path so every fault names it
// (`/sides/front/elements/3/size: must be a number`), and rejecting keys nobody read.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cardface/error.h"

namespace cardface::tmpl {

class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path);

  const std::string& path() const { return path_; }
  const nlohmann::json& value() const { return value_; }
  bool has(const std::string& key) const;
  std::string child_path(const std::string& key) const { return path_ + "/" + key; }

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void fail_at(const std::string& key, const std::string& message) const;

  double number(const std::string& key);
  double number(const std::string& key, double fallback);
  double positive(const std::string& key);
  double positive(const std::string& key, double fallback);
  double non_negative(const std::string& key, double fallback);
  int integer(const std::string& key, int fallback, int min, int max);
  bool boolean(const std::string& key, bool fallback);
  std::string string(const std::string& key);
  std::string string(const std::string& key, const std::string& fallback);
  std::string one_of(const std::string& key, const std::vector<std::string>& choices,
                     const std::string& fallback);
  std::vector<std::string> strings(const std::string& key);
  JsonReader object(const std::string& key);
  // The value itself, for shapes the reader has no method for (marks the key as read).
  const nlohmann::json& raw(const std::string& key) { return get(key); }
  std::vector<JsonReader> objects(const std::string& key);

  // Every key of the object must have been read; a typo such as `sizee` is an error.
  void finish() const;

 private:
  const nlohmann::json& get(const std::string& key);

  const nlohmann::json& value_;
  std::string path_;
  std::set<std::string> read_;
};

}  // namespace cardface::tmpl
