// case.json, read strictly: a typo in a key would otherwise silently test something else.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cardface/error.h"
#include "cardface/golden.h"
#include "cardface/panels.h"
#include "cardface/sheet.h"
#include "core/json_text.h"

namespace cardface::golden {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::vector<std::string> known_keys = {"description", "data",    "template",    "dpi",
                                             "sides",       "crop_mm", "tolerance",   "print",
                                             "sheet",       "panels",  "debug_layout"};
const std::vector<std::string> known_tolerance_keys = {"max_channel_delta", "max_differing_pixels"};

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

template <typename Named>
std::set<std::string> names_of(const std::vector<Named>& list) {
  std::set<std::string> names;
  for (const Named& n : list) names.insert(n.name);
  return names;
}

class CaseReader {
 public:
  explicit CaseReader(const CaseRef& ref) : file_((ref.dir / "case.json").string()) {}

  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw Error(ErrorKind::file, file_ + (key.empty() ? "" : ": " + key), message);
  }

  json parse() const {
    std::ifstream in(file_, std::ios::binary);
    if (!in) fail("", "cannot read the file");
    std::stringstream text;
    text << in.rdbuf();
    json c = json_text::parse<json>(text.str(), ErrorKind::file, file_);
    if (!c.is_object()) fail("", "must hold a JSON object");
    return c;
  }

  void only_known(const json& object, const std::vector<std::string>& known,
                  const std::string& prefix) const {
    for (const auto& [key, value] : object.items())
      if (std::find(known.begin(), known.end(), key) == known.end())
        fail(prefix + key, "unknown key (known: " + joined(known) + ")");
  }

  std::string text(const json& v, const std::string& key,
                   const std::set<std::string>& allowed = {}) const {
    if (!v.is_string() || v.get<std::string>().empty()) fail(key, "must be a non-empty string");
    const std::string s = v.get<std::string>();
    if (!allowed.empty() && !allowed.count(s)) {
      fail(key, "is \"" + s + "\", must be one of: " +
                    joined(std::vector<std::string>(allowed.begin(), allowed.end())));
    }
    return s;
  }

  std::int64_t whole(const json& v, const std::string& key, std::int64_t low,
                     std::int64_t high) const {
    if (!v.is_number_integer() || v.get<std::int64_t>() < low || v.get<std::int64_t>() > high)
      fail(key,
           "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return v.get<std::int64_t>();
  }

 private:
  std::string file_;
};

}  // namespace

GoldenCase read_case(const CaseRef& ref) {
  const CaseReader reader(ref);
  const json c = reader.parse();
  reader.only_known(c, known_keys, "");
  GoldenCase gc;
  gc.ref = ref;

  if (c.contains("print")) {
    gc.kind = reader.text(c["print"], "print", {"impose", "proof"}) == "impose" ? CaseKind::impose
                                                                                : CaseKind::proof;
  } else if (c.contains("panels")) {
    gc.kind = CaseKind::panels;
    gc.printer = reader.text(c["panels"], "panels", names_of(printer_profiles()));
  }
  const bool sheet = gc.kind == CaseKind::impose || gc.kind == CaseKind::proof;
  if (c.contains("sheet") && gc.kind != CaseKind::impose)
    reader.fail("sheet", "is for \"print\": \"impose\" cases only");
  if (c.contains("sheet")) gc.sheet = reader.text(c["sheet"], "sheet", names_of(sheet_sizes()));
  if (c.contains("panels") && sheet) reader.fail("panels", "cannot go with \"print\"");

  if (!c.contains("data")) reader.fail("data", "missing: the record file (or, for sheets, files)");
  const json& data = c["data"];
  if (sheet) {
    if (!data.is_array() || data.empty()) reader.fail("data", "must be a list of record files");
    for (std::size_t i = 0; i < data.size(); ++i)
      if (!data[i].is_string()) reader.fail("data/" + std::to_string(i), "must be a file name");
  } else if (!data.is_string()) {
    reader.fail("data", "must be the record file's name");
  }
  const json names = data.is_array() ? data : json::array({data});
  for (std::size_t i = 0; i < names.size(); ++i) {
    const fs::path record = ref.dir / names[i].get<std::string>();
    const std::string key = data.is_array() ? "data/" + std::to_string(i) : "data";
    if (!fs::is_regular_file(record)) reader.fail(key, "no record file " + record.string());
    gc.records.push_back(record);
  }

  if (c.contains("template")) {
    if (sheet) reader.fail("template", "sheets use each record's own template");
    gc.template_ref = reader.text(c["template"], "template");
  }
  if (c.contains("dpi")) {
    if (gc.kind == CaseKind::panels)
      reader.fail("dpi", "panels are drawn at the printer's own dpi");
    gc.dpi = int(reader.whole(c["dpi"], "dpi", sheet ? 10 : 50, 4800));
  } else if (sheet) {
    gc.dpi = 50;
  }
  if (c.contains("sides")) {
    if (sheet) reader.fail("sides", "sheets hold both sides");
    const json& sides = c["sides"];
    if (!sides.is_array() || sides.empty()) reader.fail("sides", "must list \"front\", \"back\"");
    gc.sides.clear();
    for (std::size_t i = 0; i < sides.size(); ++i) {
      const std::string s = reader.text(sides[i], "sides/" + std::to_string(i), {"front", "back"});
      const Side side = s == "back" ? Side::back : Side::front;
      if (std::count(gc.sides.begin(), gc.sides.end(), side))
        reader.fail("sides/" + std::to_string(i), "names \"" + s + "\" twice");
      gc.sides.push_back(side);
    }
  }
  if (c.contains("debug_layout")) {
    if (gc.kind != CaseKind::faces) reader.fail("debug_layout", "is for face cases only");
    if (!c["debug_layout"].is_boolean()) reader.fail("debug_layout", "must be true or false");
    gc.debug_layout = c["debug_layout"].get<bool>();
  }
  if (c.contains("crop_mm")) {
    if (gc.kind != CaseKind::faces) reader.fail("crop_mm", "is for face cases only");
    const json& crop = c["crop_mm"];
    if (!crop.is_array() || crop.size() != 4 ||
        !std::all_of(crop.begin(), crop.end(), [](const json& v) { return v.is_number(); }))
      reader.fail("crop_mm", "must be [x, y, width, height] in mm");
    gc.crop = Crop{crop[0], crop[1], crop[2], crop[3]};
    if (gc.crop->x_mm < 0 || gc.crop->y_mm < 0 || gc.crop->width_mm <= 0 || gc.crop->height_mm <= 0)
      reader.fail("crop_mm", "needs x, y of 0 or more and a positive width and height");
  }
  if (c.contains("tolerance")) {
    const json& t = c["tolerance"];
    if (!t.is_object()) reader.fail("tolerance", "must be an object");
    reader.only_known(t, known_tolerance_keys, "tolerance/");
    if (t.contains("max_channel_delta"))
      gc.tolerance.max_channel_delta =
          int(reader.whole(t["max_channel_delta"], "tolerance/max_channel_delta", 0, 255));
    if (t.contains("max_differing_pixels"))
      gc.tolerance.max_differing_pixels = reader.whole(
          t["max_differing_pixels"], "tolerance/max_differing_pixels", 0, std::int64_t{1} << 40);
  }
  if (c.contains("description") && !c["description"].is_string())
    reader.fail("description", "must be a string");
  return gc;
}

}  // namespace cardface::golden
