// The rules a type file names in its "rules" list, with their parameters as data
// (docs/card-types.md). Each rule reads its parameters once, when the type file is read, and
// returns the check that runs on every record.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "card/card_type.h"
#include "tmpl/json_reader.h"

namespace cardface::card {

// A rule's parameters: the rule's object in the type file, and the fields read so far.
class RuleParams {
 public:
  RuleParams(tmpl::JsonReader& reader, const std::vector<FieldSpec>& fields)
      : reader_(reader), fields_(fields) {}

  tmpl::JsonReader& reader() { return reader_; }
  // The name of a field of the type held under `key`, of one of `kinds` (any when empty);
  // a fault naming the key's JSON path otherwise.
  std::string field(const std::string& key, std::initializer_list<FieldKind> kinds = {});
  // The same, optional: "" when the key is absent.
  std::string optional_field(const std::string& key, std::initializer_list<FieldKind> kinds = {});

 private:
  tmpl::JsonReader& reader_;
  const std::vector<FieldSpec>& fields_;
};

// The check for the rule `name`; nullptr (after a fault at `/name`'s path) when no rule has
// that name.
RuleCheck make_rule(const std::string& name, RuleParams& params);

// Names of every rule, sorted.
std::vector<std::string_view> rule_names();

}  // namespace cardface::card
