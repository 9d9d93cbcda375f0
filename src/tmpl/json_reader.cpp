#include "tmpl/json_reader.h"

#include <cmath>

namespace cardface::tmpl {

JsonReader::JsonReader(const nlohmann::json& value, std::string path)
    : value_(value), path_(std::move(path)) {
  if (!value_.is_object()) fail("must be an object");
}

bool JsonReader::has(const std::string& key) const {
  return value_.contains(key);
}

void JsonReader::fail(const std::string& message) const {
  throw Error(ErrorKind::tmpl, path_.empty() ? "/" : path_, message);
}

void JsonReader::fail_at(const std::string& key, const std::string& message) const {
  throw Error(ErrorKind::tmpl, child_path(key), message);
}

const nlohmann::json& JsonReader::get(const std::string& key) {
  read_.insert(key);
  auto it = value_.find(key);
  if (it == value_.end()) fail_at(key, "is required");
  return *it;
}

double JsonReader::number(const std::string& key) {
  const auto& v = get(key);
  if (!v.is_number()) fail_at(key, "must be a number");
  const double d = v.get<double>();
  if (!std::isfinite(d)) fail_at(key, "must be a finite number");
  return d;
}

double JsonReader::number(const std::string& key, double fallback) {
  return has(key) ? number(key) : (read_.insert(key), fallback);
}

double JsonReader::positive(const std::string& key) {
  const double d = number(key);
  if (d <= 0) fail_at(key, "must be greater than 0");
  return d;
}

double JsonReader::positive(const std::string& key, double fallback) {
  const double d = number(key, fallback);
  if (d <= 0) fail_at(key, "must be greater than 0");
  return d;
}

double JsonReader::non_negative(const std::string& key, double fallback) {
  const double d = number(key, fallback);
  if (d < 0) fail_at(key, "must not be negative");
  return d;
}

int JsonReader::integer(const std::string& key, int fallback, int min, int max) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto& v = get(key);
  if (!v.is_number_integer()) fail_at(key, "must be a whole number");
  const auto i = v.get<long long>();
  if (i < min || i > max)
    fail_at(key, "must be from " + std::to_string(min) + " to " + std::to_string(max));
  return static_cast<int>(i);
}

bool JsonReader::boolean(const std::string& key, bool fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto& v = get(key);
  if (!v.is_boolean()) fail_at(key, "must be true or false");
  return v.get<bool>();
}

std::string JsonReader::string(const std::string& key) {
  const auto& v = get(key);
  if (!v.is_string()) fail_at(key, "must be a string");
  return v.get<std::string>();
}

std::string JsonReader::string(const std::string& key, const std::string& fallback) {
  return has(key) ? string(key) : (read_.insert(key), fallback);
}

std::string JsonReader::one_of(const std::string& key, const std::vector<std::string>& choices,
                               const std::string& fallback) {
  const std::string s = string(key, fallback);
  for (const auto& c : choices)
    if (s == c) return s;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
  fail_at(key, "must be one of " + list);
}

std::vector<std::string> JsonReader::strings(const std::string& key) {
  const auto& v = get(key);
  if (!v.is_array()) fail_at(key, "must be an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      throw Error(ErrorKind::tmpl, child_path(key) + "/" + std::to_string(i), "must be a string");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

JsonReader JsonReader::object(const std::string& key) {
  return JsonReader(get(key), child_path(key));
}

std::vector<JsonReader> JsonReader::objects(const std::string& key) {
  const auto& v = get(key);
  if (!v.is_array()) fail_at(key, "must be an array");
  std::vector<JsonReader> out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out.emplace_back(v[i], child_path(key) + "/" + std::to_string(i));
  return out;
}

void JsonReader::finish() const {
  for (const auto& [key, _] : value_.items())
    if (!read_.count(key)) fail_at(key, "unknown key");
}

}  // namespace cardface::tmpl
