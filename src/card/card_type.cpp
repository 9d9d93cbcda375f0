#include "card/card_type.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include "card/pattern.h"
#include "card/rules.h"
#include "core/json_text.h"
#include "core/paths.h"
#include "tmpl/json_reader.h"
#include "tmpl/placeholder.h"

namespace cardface::card {
namespace {

namespace fs = std::filesystem;
using tmpl::JsonReader;

constexpr std::pair<std::string_view, FieldKind> kKinds[] = {
    {"text", FieldKind::text},         {"latin_name", FieldKind::latin_name},
    {"han_name", FieldKind::han_name}, {"sex", FieldKind::sex},
    {"country", FieldKind::country},   {"date", FieldKind::date},
    {"integer", FieldKind::integer},   {"photo", FieldKind::photo},
    {"enum", FieldKind::choice},       {"boolean", FieldKind::boolean},
};

bool is_string_kind(FieldKind kind) {
  return kind != FieldKind::date && kind != FieldKind::integer && kind != FieldKind::boolean;
}

// A byte written "0xF0" or as a number 0-255.
std::uint8_t byte_value(JsonReader& r, const std::string& key) {
  const nlohmann::json& v = r.raw(key);
  if (v.is_null()) return 0;  // noted as required
  if (v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= 255)
    return std::uint8_t(v.get<long long>());
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s.size() == 4 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
        std::isxdigit(static_cast<unsigned char>(s[2])) &&
        std::isxdigit(static_cast<unsigned char>(s[3])))
      return std::uint8_t(std::stoi(s.substr(2), nullptr, 16));
  }
  r.note_at(key, "must be a byte: \"0x00\" to \"0xFF\" or 0 to 255");
  return 0;
}

FieldSpec read_field(JsonReader& r) {
  FieldSpec f;
  f.name = r.string("name");
  if (f.name == "type") r.note_at("name", "\"type\" is the record's card type, not a field");
  if (f.name.find_first_of(".{}|: ") != std::string::npos)
    r.note_at("name", "must not contain . { } | : or spaces");
  std::vector<std::string> kind_names;
  for (const auto& [name, _] : kKinds) kind_names.emplace_back(name);
  const std::string kind = r.one_of("kind", kind_names, "");
  for (const auto& [name, k] : kKinds)
    if (name == kind) f.kind = k;
  f.required = r.boolean("required", true);
  if (is_string_kind(f.kind)) {
    f.allow_empty = r.boolean("allow_empty", false);
    f.max_chars = std::size_t(r.integer("max_chars", 0, 0, 100000));
  }
  if (f.kind == FieldKind::integer) {
    f.min = r.integer("min", 0, -2147483647, 2147483647);
    f.max = r.integer("max", 2147483647, -2147483647, 2147483647);
    if (f.min > f.max) r.note_at("max", "must not be below min");
  }
  if (f.kind == FieldKind::text) {
    f.characters =
        r.one_of("characters", {"any", "digits", "capitals_digits", "mrz", "ascii"}, "any");
    if (f.characters == "any") f.characters.clear();
    f.pattern = r.string("pattern", "");
    f.pattern_message = r.string("pattern_message", "is not in the form the card type requires");
    if (!f.pattern.empty()) f.compiled = compile_pattern(f.pattern, r, "pattern");
  }
  if (f.kind == FieldKind::choice) {
    for (JsonReader& v : r.objects("values")) {
      EnumValue e;
      e.code = v.string("code");
      if (e.code.empty()) v.note_at("code", "must not be empty");
      if (const nlohmann::json* found = v.optional_raw("labels")) {
        const nlohmann::json& labels = *found;
        if (!labels.is_object())
          v.note_at("labels", "must be an object: language → label");
        else
          for (const auto& [lang, label] : labels.items()) {
            if (!label.is_string())
              v.faults().add(v.child_path("labels") + "/" + lang, "must be a string");
            else
              e.labels[lang] = label.get<std::string>();
          }
      }
      v.finish();
      if (f.value(e.code)) v.note_at("code", "appears twice");
      f.values.push_back(std::move(e));
    }
    if (f.values.empty() && r.has("values")) r.note_at("values", "must list at least one value");
  }
  r.finish();
  return f;
}

void read_derived(JsonReader& root, CardType& type) {
  const nlohmann::json* found = root.optional_raw("derived");
  if (!found) return;
  const nlohmann::json& derived = *found;
  if (!derived.is_object()) return root.note_at("derived", "must be an object: key → text");
  for (const auto& [key, source] : derived.items()) {
    const std::string where = root.child_path("derived") + "/" + key;
    if (!source.is_string()) {
      root.faults().add(where, "must be a string");
      continue;
    }
    if (type.field(key)) root.faults().add(where, "is a field's name; a derived key needs another");
    const tmpl::ParsedText parsed = tmpl::parse_text(source.get<std::string>());
    if (!parsed.fault.empty()) root.faults().add(where, parsed.fault);
    for (const auto& [_, p] : parsed.parts) {
      if (!p) continue;
      if (p->key != "type" && !type.field(p->key)) {
        std::vector<std::string_view> known;
        for (const FieldSpec& f : type.fields) known.push_back(f.name);
        root.faults().add(where,
                          json_text::with_suggestion("{" + p->key +
                                                         "} is not a field of this type (a derived "
                                                         "value is made of fields)",
                                                     p->key, known));
      }
      for (std::string& m : tmpl::filter_problems(*p)) root.faults().add(where, m);
    }
    type.derived[key] = source.get<std::string>();
  }
}

void read_seal(JsonReader& root, CardType& type) {
  if (!root.optional_raw("seal")) return;
  JsonReader r = root.object("seal");
  SealProfile s;
  s.issuing_country = r.string("issuing_country");
  if (s.issuing_country.size() != 3) r.note_at("issuing_country", "must be 3 characters");
  s.signer = r.string("signer");
  if (s.signer.size() != 4) r.note_at("signer", "must be 4 characters");
  RuleParams params(r, type.fields);
  s.issue_date = params.field("issue_date", {FieldKind::date});
  s.feature_reference = byte_value(r, "feature_reference");
  s.document_category = byte_value(r, "document_category");
  for (JsonReader& f : r.objects("features")) {
    SealFeatureSpec spec;
    spec.tag = byte_value(f, "tag");
    if (spec.tag == 0 || spec.tag == 0xFF)
      f.note_at("tag", "0x00 and 0xFF are not message-zone tags");
    const std::string encoding = f.one_of("encoding", {"type_code", "c40", "utf8", "date"}, "");
    spec.encoding = encoding == "type_code" ? SealFeatureSpec::Encoding::type_code
                    : encoding == "c40"     ? SealFeatureSpec::Encoding::c40
                    : encoding == "date"    ? SealFeatureSpec::Encoding::date
                                            : SealFeatureSpec::Encoding::utf8;
    if (spec.encoding == SealFeatureSpec::Encoding::type_code) {
      spec.field = f.string("field", "type");
      if (spec.field != "type") f.note_at("field", "a type_code feature holds \"type\"");
      spec.code = byte_value(f, "code");
    } else {
      RuleParams fp(f, type.fields);
      spec.field = spec.encoding == SealFeatureSpec::Encoding::date
                       ? fp.field("field", {FieldKind::date})
                       : fp.field("field");
      spec.optional = f.boolean("optional", false);
    }
    for (const SealFeatureSpec& other : s.features)
      if (other.tag == spec.tag && spec.tag != 0) f.note_at("tag", "appears twice");
    f.finish();
    s.features.push_back(std::move(spec));
  }
  r.finish();
  type.seal = std::move(s);
}

std::shared_ptr<CardType> read_type(const nlohmann::json& json, const fs::path& file,
                                    tmpl::Faults& faults) {
  auto type = std::make_shared<CardType>();
  type->source = file;
  JsonReader root(json, "", faults);
  type->name = root.string("name");
  if (root.has("name") && type->name.empty()) root.note_at("name", "must not be empty");
  type->description = root.string("description", "");
  for (JsonReader& f : root.objects("fields")) {
    FieldSpec spec = read_field(f);
    if (type->field(spec.name)) f.note_at("name", "\"" + spec.name + "\" appears twice");
    type->fields.push_back(std::move(spec));
  }
  if (root.has("fields") && type->fields.empty()) root.note_at("fields", "must list a field");
  std::vector<JsonReader> rules;
  if (root.optional_raw("rules")) rules = root.objects("rules");
  for (JsonReader& r : rules) {
    const std::string name = r.string("rule");
    RuleParams params(r, type->fields);
    if (RuleCheck check = make_rule(name, params)) {
      type->rules.push_back(std::move(check));
      type->rule_names.push_back(name);
      r.finish();
    } else {
      r.finish_abandoned();  // an unknown rule's parameters are not typos
    }
  }
  read_derived(root, *type);
  read_seal(root, *type);
  root.finish();
  return type;
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorKind::file, file.string(), "cannot read the card type file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Catalogue {
  std::mutex mutex;
  bool bundled_read = false;
  std::vector<std::shared_ptr<const CardType>> types;
  std::vector<std::string> texts;  // each type's file text, to tell a redefinition
};

Catalogue& catalogue() {
  static Catalogue c;
  return c;
}

void add_locked(Catalogue& c, std::shared_ptr<const CardType> type, std::string text) {
  for (std::size_t i = 0; i < c.types.size(); ++i) {
    if (c.types[i]->name != type->name) continue;
    if (c.texts[i] == text) return;
    throw Error(
        ErrorKind::tmpl, type->source.string() + ":/name",
        "card type \"" + type->name + "\" is already defined by " + c.types[i]->source.string());
  }
  c.types.push_back(std::move(type));
  c.texts.push_back(std::move(text));
  std::vector<std::size_t> order(c.types.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return c.types[a]->name < c.types[b]->name; });
  std::vector<std::shared_ptr<const CardType>> types;
  std::vector<std::string> texts;
  for (std::size_t i : order) types.push_back(c.types[i]), texts.push_back(c.texts[i]);
  c.types = std::move(types);
  c.texts = std::move(texts);
}

std::pair<std::shared_ptr<const CardType>, std::string> read_file(const fs::path& file) {
  std::string text = read_text(file);
  return {read_card_type_file(file), std::move(text)};
}

Catalogue& ready_catalogue() {
  Catalogue& c = catalogue();
  std::lock_guard lock(c.mutex);
  if (!c.bundled_read) {
    const fs::path dir = paths::data_root() / "card-types";
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) throw Error(ErrorKind::file, dir.string(), "cannot read the bundled card types");
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      auto [type, text] = read_file(file);
      add_locked(c, std::move(type), std::move(text));
    }
    c.bundled_read = true;
  }
  return c;
}

}  // namespace

std::string_view kind_name(FieldKind kind) {
  for (const auto& [name, k] : kKinds)
    if (k == kind) return name;
  return "?";
}

const EnumValue* FieldSpec::value(std::string_view code) const {
  for (const EnumValue& v : values)
    if (v.code == code) return &v;
  return nullptr;
}

const FieldSpec* CardType::field(std::string_view field_name) const {
  const auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const FieldSpec& f) { return f.name == field_name; });
  return it == fields.end() ? nullptr : &*it;
}

std::shared_ptr<const CardType> read_card_type_file(const fs::path& file) {
  const std::string text = read_text(file);
  const auto json = json_text::parse<nlohmann::json>(text, ErrorKind::tmpl, file.string());
  tmpl::Faults faults;
  auto type = read_type(json, file, faults);
  if (!faults.empty()) {
    std::vector<Problem> problems = faults.problems();
    for (Problem& p : problems) p.where = file.string() + ":" + p.where;
    throw Error(ErrorKind::tmpl, std::move(problems));
  }
  return type;
}

std::vector<std::shared_ptr<const CardType>> known_card_types() {
  Catalogue& c = ready_catalogue();
  std::lock_guard lock(c.mutex);
  return c.types;
}

std::shared_ptr<const CardType> find_card_type_shared(std::string_view name) {
  Catalogue& c = ready_catalogue();
  std::lock_guard lock(c.mutex);
  for (const auto& type : c.types)
    if (type->name == name) return type;
  return nullptr;
}

const CardType* find_card_type(std::string_view name) {
  // Types are never removed from the catalogue, so the pointer stays valid.
  return find_card_type_shared(name).get();
}

void add_card_type(std::shared_ptr<const CardType> type) {
  std::string text = read_text(type->source);
  Catalogue& c = ready_catalogue();
  std::lock_guard lock(c.mutex);
  add_locked(c, std::move(type), std::move(text));
}

void add_card_types(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error(ErrorKind::file, dir.string(), "is not a directory of card type files");
  std::vector<fs::path> files;
  if (fs::exists(dir / "template.json", ec)) {
    if (fs::exists(dir / "card-type.json", ec)) files.push_back(dir / "card-type.json");
  } else {
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (files.empty())
    throw Error(ErrorKind::file, dir.string(),
                "holds no card type file (*.json, or a template folder's card-type.json)");
  std::sort(files.begin(), files.end());
  Catalogue& c = ready_catalogue();
  for (const fs::path& file : files) {
    auto [type, text] = read_file(file);
    std::lock_guard lock(c.mutex);
    add_locked(c, std::move(type), std::move(text));
  }
}

std::optional<FieldValue> derived_value(const CardType& type, const Card& card,
                                        std::string_view key) {
  const auto it = type.derived.find(std::string(key));
  if (it == type.derived.end()) return std::nullopt;
  std::string text =
      tmpl::join(tmpl::expand(it->second, card, type.source.string() + ":/derived/" + it->first));
  if (text.empty()) return std::nullopt;
  return text;
}

std::vector<std::string> lookup_keys(const CardType& type) {
  std::vector<std::string> keys = {"type"};
  for (const FieldSpec& f : type.fields) keys.push_back(f.name);
  for (const auto& [key, _] : type.derived) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace cardface::card
