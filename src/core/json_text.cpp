#include "core/json_text.h"

#include <algorithm>
#include <vector>

namespace cardface::json_text {
namespace {

// Optimal string alignment distance: edits, with a swap of neighbours counting as one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// Finds where parsing stops and the JSON path there (`/sides/front/elements/3/size`):
// nlohmann hands every fault, with its byte offset, to a SAX handler.
class FaultFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::size_t offset = 0;

  // The path of the value being read when the fault came: in an array, the element after
  // those complete; in an object, the key's value, or the object after a complete value.
  std::string path() const {
    std::string out;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
      const Level& level = levels_[i];
      if (i + 1 == levels_.size() && !level.array && (value_done_ || !level.has_key)) break;
      const bool current = i + 1 == levels_.size();
      out +=
          "/" + (level.array ? std::to_string(current ? level.index : level.index - 1) : level.key);
    }
    return out.empty() ? "/" : out;
  }

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& key) override {
    levels_.back().key = printable(key);
    levels_.back().has_key = true;
    value_done_ = false;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    offset = position;
    return false;
  }

 private:
  struct Level {
    bool array = false;
    std::size_t index = 0;  // arrays: elements begun
    std::string key;        // objects: the last key read
    bool has_key = false;
  };

  // Keys are the document's structure, not data, but keep runaway or control bytes out.
  static std::string printable(const std::string& key) {
    std::string out;
    for (unsigned char c : key.substr(0, 64)) out += c < 0x20 || c == 0x7F ? '?' : char(c);
    return key.size() > 64 ? out + "..." : out;
  }
  bool value() {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    value_done_ = true;
    return true;
  }
  bool open(bool array) {
    if (!levels_.empty() && levels_.back().array) ++levels_.back().index;
    levels_.push_back({array, 0, {}, false});
    value_done_ = false;
    return true;
  }
  bool close() {
    levels_.pop_back();
    value_done_ = true;
    return true;
  }

  std::vector<Level> levels_;
  bool value_done_ = false;
};

// nlohmann's reason without its "[json.exception...]" prefix and "last read: '...'" part,
// which quote the text.
std::string reason(const nlohmann::json::exception& e) {
  if (e.id == 406) return "number out of range";
  if (e.id < 100 || e.id >= 200)
    return "not accepted by the JSON reader (error " + std::to_string(e.id) + ")";
  std::string what = e.what();
  const std::size_t dash = what.find(" - ");
  std::string text = dash == std::string::npos ? "syntax error" : what.substr(dash + 3);
  if (const std::size_t quote = text.find("; last read:"); quote != std::string::npos)
    text.erase(quote);
  return text;
}

}  // namespace

std::string position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string parse_error_reason(const nlohmann::json::parse_error& e) {
  return reason(e);
}

std::string syntax_error_message(std::string_view text, const nlohmann::json::parse_error& e) {
  return "is not valid JSON: " + parse_error_reason(e) + " (" +
         position(text, e.byte > 0 ? e.byte - 1 : 0) + ")";
}

std::string_view closest_name(std::string_view typo, const std::vector<std::string_view>& known) {
  std::string_view best;
  std::size_t best_distance = 3;  // suggest within 2 edits
  if (typo.size() > 64) return best;
  for (std::string_view name : known)
    if (const std::size_t d = edit_distance(typo, name); d < best_distance)
      best = name, best_distance = d;
  return best;
}

std::string with_suggestion(std::string message, std::string_view typo,
                            const std::vector<std::string_view>& known) {
  const std::string_view best = closest_name(typo, known);
  if (!best.empty()) message += "; did you mean \"" + std::string(best) + "\"?";
  return message;
}

void fail(const nlohmann::json::exception& e, std::string_view text, ErrorKind kind,
          const std::string& where) {
  FaultFinder finder;
  try {
    nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
  } catch (const nlohmann::json::exception&) {
    // the finder records the fault and stops; nothing else to learn
  }
  std::size_t offset = finder.offset;
  if (const auto* syntax = dynamic_cast<const nlohmann::json::parse_error*>(&e))
    offset = syntax->byte;
  throw Error(kind, where,
              "is not valid JSON: " + reason(e) + " at " + finder.path() + " (" +
                  position(text, offset > 0 ? offset - 1 : 0) + ")");
}

}  // namespace cardface::json_text
