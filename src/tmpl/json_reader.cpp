#include "tmpl/json_reader.h"

#include <cmath>

#include "core/json_text.h"

namespace cardface::tmpl {
namespace {

const nlohmann::json& empty_object() {
  static const nlohmann::json empty = nlohmann::json::object();
  return empty;
}

const nlohmann::json& null_value() {
  static const nlohmann::json null;
  return null;
}

}  // namespace

std::vector<Problem> in_file(std::vector<Problem> problems, const std::filesystem::path& file) {
  for (Problem& p : problems)
    if (!p.where.empty() && p.where[0] == '/') p.where = file.string() + ":" + p.where;
  return problems;
}

void Faults::add(std::string where, std::string message) {
  problems_.push_back({where.empty() ? "/" : std::move(where), std::move(message)});
}

JsonReader::JsonReader(const nlohmann::json& value, std::string path, Faults& faults)
    : value_(&value), path_(std::move(path)), faults_(&faults) {
  if (!value_->is_object()) {
    note("must be an object");
    value_ = &empty_object();
    broken_ = true;
  }
}

bool JsonReader::has(const std::string& key) const {
  asked_.insert(key);
  return value_->contains(key);
}

void JsonReader::note(const std::string& message) const {
  faults_->add(path_, message);
}

void JsonReader::note_at(const std::string& key, const std::string& message) const {
  faults_->add(child_path(key), message);
}

void JsonReader::fail(const std::string& message) const {
  note(message);
  throw Abandon{};
}

void JsonReader::fail_at(const std::string& key, const std::string& message) const {
  note_at(key, message);
  throw Abandon{};
}

const nlohmann::json& JsonReader::get(const std::string& key) {
  read_.insert(key);
  auto it = value_->find(key);
  if (it == value_->end()) {
    if (!broken_) missing_.push_back(key);
    return null_value();
  }
  return *it;
}

const nlohmann::json* JsonReader::optional_raw(const std::string& key) {
  read_.insert(key);
  auto it = value_->find(key);
  return it == value_->end() ? nullptr : &*it;
}

std::optional<double> JsonReader::read_number(const std::string& key) {
  const bool present = has(key);
  const auto& v = get(key);
  if (!present) return std::nullopt;
  if (!v.is_number()) return note_at(key, "must be a number"), std::nullopt;
  const double d = v.get<double>();
  if (!std::isfinite(d)) return note_at(key, "must be a finite number"), std::nullopt;
  return d;
}

double JsonReader::number(const std::string& key) {
  return read_number(key).value_or(0);
}

double JsonReader::number(const std::string& key, double fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  return read_number(key).value_or(fallback);
}

double JsonReader::positive(const std::string& key) {
  const auto d = read_number(key);
  if (d && *d <= 0) note_at(key, "must be greater than 0");
  return d && *d > 0 ? *d : 1;
}

double JsonReader::positive(const std::string& key, double fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto d = read_number(key);
  if (d && *d <= 0) note_at(key, "must be greater than 0");
  return d && *d > 0 ? *d : (fallback > 0 ? fallback : 1);
}

double JsonReader::non_negative(const std::string& key, double fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto d = read_number(key);
  if (d && *d < 0) note_at(key, "must not be negative");
  return d && *d >= 0 ? *d : (fallback >= 0 ? fallback : 0);
}

int JsonReader::integer(const std::string& key, int fallback, int min, int max) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto& v = get(key);
  if (!v.is_number_integer()) return note_at(key, "must be a whole number"), fallback;
  // Large positive numbers arrive unsigned: out of every range here.
  const bool fits = !v.is_number_unsigned() || v.get<unsigned long long>() <= 1ull << 31;
  const long long i = fits ? v.get<long long>() : static_cast<long long>(max) + 1;
  if (i < min || i > max) {
    note_at(key, "must be from " + std::to_string(min) + " to " + std::to_string(max));
    return fallback;
  }
  return static_cast<int>(i);
}

bool JsonReader::boolean(const std::string& key, bool fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto& v = get(key);
  if (!v.is_boolean()) return note_at(key, "must be true or false"), fallback;
  return v.get<bool>();
}

std::string JsonReader::string(const std::string& key) {
  const bool present = has(key);
  const auto& v = get(key);
  if (!present) return "";
  if (!v.is_string()) return note_at(key, "must be a string"), "";
  return v.get<std::string>();
}

std::string JsonReader::string(const std::string& key, const std::string& fallback) {
  if (!has(key)) return read_.insert(key), fallback;
  const auto& v = get(key);
  if (!v.is_string()) return note_at(key, "must be a string"), fallback;
  return v.get<std::string>();
}

std::string JsonReader::one_of(const std::string& key, const std::vector<std::string>& choices,
                               const std::string& fallback) {
  const bool present = has(key);
  const std::string s = string(key, fallback);
  for (const auto& c : choices)
    if (s == c) return s;
  if (!present && fallback.empty()) {
    if (!broken_) missing_.push_back(key);
    return s;
  }
  if (present && !value_->at(key).is_string()) return fallback;  // noted as not a string
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
  std::vector<std::string_view> known(choices.begin(), choices.end());
  note_at(key, json_text::with_suggestion("must be one of " + list, s, known));
  return fallback;
}

std::vector<std::string> JsonReader::strings(const std::string& key) {
  const bool present = has(key);
  const auto& v = get(key);
  std::vector<std::string> out;
  if (!present) return out;
  if (!v.is_array()) return note_at(key, "must be an array of strings"), out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      faults_->add(child_path(key) + "/" + std::to_string(i), "must be a string");
    else
      out.push_back(v[i].get<std::string>());
  }
  return out;
}

JsonReader JsonReader::object(const std::string& key) {
  const bool present = has(key);
  const auto& v = get(key);
  if (!present) {
    JsonReader absent(empty_object(), child_path(key), *faults_);
    absent.broken_ = true;  // already noted as required: its own keys are not faults too
    return absent;
  }
  return JsonReader(v, child_path(key), *faults_);
}

std::vector<JsonReader> JsonReader::objects(const std::string& key) {
  const bool present = has(key);
  const auto& v = get(key);
  std::vector<JsonReader> out;
  if (!present) return out;
  if (!v.is_array()) return note_at(key, "must be an array"), out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out.emplace_back(v[i], child_path(key) + "/" + std::to_string(i), *faults_);
  return out;
}

void JsonReader::finish() {
  std::vector<std::string_view> known(read_.begin(), read_.end());
  for (const std::string& key : asked_)
    if (!read_.count(key)) known.push_back(key);
  for (const auto& [key, _] : value_->items())
    if (!read_.count(key)) note_at(key, json_text::with_suggestion("unknown key", key, known));
  finish_abandoned();
}

void JsonReader::finish_abandoned() {
  for (const std::string& key : missing_) note_at(key, "is required");
  missing_.clear();
}

}  // namespace cardface::tmpl
