#include "batch/output_name.h"

#include "cardface/error.h"
#include "tmpl/placeholder.h"

namespace cardface::batch {
namespace {

constexpr std::size_t max_name_bytes = 200;  // leaves room for "-front.png" in 255 bytes

// What makes a file name unsafe, as a phrase; empty when it is safe. Beyond POSIX's own
// limits, characters Windows refuses are refused too: output folders travel.
std::string unsafe_because(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name.size() > max_name_bytes)
    return "is longer than " + std::to_string(max_name_bytes) + " bytes";
  if (name.front() == '.') return "starts with a dot";
  if (name.front() == '-') return "starts with a hyphen";
  if (name.front() == ' ' || name.back() == ' ') return "starts or ends with a space";
  for (const char ch : name) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '/' || c == '\\') return "contains a path separator";
    if (c < 0x20 || c == 0x7F) return "contains a control character";
    if (std::string_view("<>:\"|?*").find(ch) != std::string_view::npos)
      return std::string("contains the character ") + ch;
  }
  return "";
}

}  // namespace

std::string output_name(const std::string& pattern, int line, const Card& card) {
  // `{line}` is the batch's, not the card's: put it in first (`{{` stays a literal brace).
  std::string source;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{{") == 0) {
      source += "{{";
      ++i;
    } else if (pattern.compare(i, 6, "{line}") == 0) {
      source += std::to_string(line);
      i += 5;
    } else {
      source += pattern[i];
    }
  }
  std::string name = tmpl::join(tmpl::expand(source, card, "--name"));
  if (const std::string why = unsafe_because(name); !why.empty())
    throw Error(ErrorKind::data, "--name", "the file name it gives " + why);
  return name;
}

}  // namespace cardface::batch
