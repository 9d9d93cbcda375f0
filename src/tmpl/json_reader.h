// Reads a JSON object key by key, remembering the JSON path so every fault names it
// (`/sides/front/elements/3/size: must be a number`). Faults are collected, not thrown: a
// reader notes each one in the shared Faults and carries on with a fallback, so one run
// reports every fault of a document. Unknown keys (with "did you mean") come before the
// required keys that are missing, since a typo such as `widht` is usually both.
// Used for templates and card-type files.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cardface/error.h"

namespace cardface::tmpl {

// Every fault found in one document, in the order found.
class Faults {
 public:
  void add(std::string where, std::string message);
  bool empty() const { return problems_.empty(); }
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

// Problems whose `where` is a JSON path ("/sides/front/...") as FILE:/sides/front/...; others
// as they are.
std::vector<Problem> in_file(std::vector<Problem> problems, const std::filesystem::path& file);

// Thrown by JsonReader::fail/fail_at after noting the fault, to abandon an object whose
// remaining keys make no sense without the faulty one; caught where a list of objects is read.
struct Abandon {};

class JsonReader {
 public:
  JsonReader(const nlohmann::json& value, std::string path, Faults& faults);

  const std::string& path() const { return path_; }
  const nlohmann::json& value() const { return *value_; }
  Faults& faults() const { return *faults_; }
  bool has(const std::string& key) const;
  std::string child_path(const std::string& key) const { return path_ + "/" + key; }

  // Note a fault and go on.
  void note(const std::string& message) const;
  void note_at(const std::string& key, const std::string& message) const;
  // Note a fault and abandon this object (throws Abandon).
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
  // The value itself, for shapes the reader has no method for (marks the key as read); null
  // when absent (noted as required).
  const nlohmann::json& raw(const std::string& key) { return get(key); }
  // The same for an optional key: nullptr when absent (marks the key as read).
  const nlohmann::json* optional_raw(const std::string& key);
  std::vector<JsonReader> objects(const std::string& key);

  // Every key of the object must have been read; a typo such as `sizee` is noted as
  // `unknown key; did you mean "size"?`. Then the required keys that were missing.
  void finish();
  // After Abandon: only the missing required keys (the keys not read yet are not typos).
  void finish_abandoned();

 private:
  const nlohmann::json& get(const std::string& key);
  std::optional<double> read_number(const std::string& key);

  const nlohmann::json* value_;
  std::string path_;
  Faults* faults_;
  bool broken_ = false;                  // not an object: already noted, read as empty
  std::set<std::string> read_;           // keys asked for, present or not
  mutable std::set<std::string> asked_;  // keys has() was asked about: names "did you mean" knows
  std::vector<std::string> missing_;     // required keys that were absent
};

}  // namespace cardface::tmpl
