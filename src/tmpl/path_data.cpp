#include "tmpl/path_data.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace cardface::tmpl {
namespace {

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  void skip_separators() {
    while (i_ < s_.size() && (std::isspace(static_cast<unsigned char>(s_[i_])) || s_[i_] == ','))
      ++i_;
  }
  bool at_end() {
    skip_separators();
    return i_ >= s_.size();
  }
  bool at_number() {
    skip_separators();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
  }
  std::optional<char> command() {
    skip_separators();
    if (i_ < s_.size() && std::isalpha(static_cast<unsigned char>(s_[i_]))) return s_[i_++];
    return std::nullopt;
  }
  std::optional<double> number() {
    if (!at_number()) return std::nullopt;
    const char* begin = s_.data() + i_;
    const char* end = s_.data() + s_.size();
    if (*begin == '+') ++begin;
    double value = 0;
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{}) return std::nullopt;
    i_ = static_cast<std::size_t>(ptr - s_.data());
    return value;
  }
  std::size_t position() const { return i_; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<Path> parse_path_data(std::string_view data, std::string& error) {
  Lexer lex(data);
  Path path;
  Point current, start, last_control;
  char previous = 0;
  bool have_current = false;
  char command = 0;  // 0: none yet

  auto need = [&](double& out) {
    auto n = lex.number();
    if (!n) {
      error = "expected a number at character " + std::to_string(lex.position() + 1);
      return false;
    }
    out = *n;
    return true;
  };

  while (!lex.at_end()) {
    if (auto c = lex.command()) {
      command = *c;
    } else if (command == 0) {
      error = "path data must start with a command (M)";
      return std::nullopt;
    }
    const char cmd = command;
    const bool rel = std::islower(static_cast<unsigned char>(cmd));
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(cmd)));
    if (up != 'M' && !have_current) {
      error = "path data must start with M";
      return std::nullopt;
    }
    const Point base = rel ? current : Point{0, 0};
    double a = 0, b = 0, c2 = 0, d = 0, e = 0, f = 0;
    switch (up) {
      case 'M':
        if (!need(a) || !need(b)) return std::nullopt;
        current = start = {base.x + a, base.y + b};
        path.move_to(current);
        have_current = true;
        command = rel ? 'l' : 'L';  // further pairs are line-tos
        break;
      case 'L':
        if (!need(a) || !need(b)) return std::nullopt;
        current = {base.x + a, base.y + b};
        path.line_to(current);
        break;
      case 'H':
        if (!need(a)) return std::nullopt;
        current.x = rel ? current.x + a : a;
        path.line_to(current);
        break;
      case 'V':
        if (!need(a)) return std::nullopt;
        current.y = rel ? current.y + a : a;
        path.line_to(current);
        break;
      case 'C':
        if (!need(a) || !need(b) || !need(c2) || !need(d) || !need(e) || !need(f))
          return std::nullopt;
        last_control = {base.x + c2, base.y + d};
        path.cubic_to({base.x + a, base.y + b}, last_control, {base.x + e, base.y + f});
        current = {base.x + e, base.y + f};
        break;
      case 'S': {
        if (!need(c2) || !need(d) || !need(e) || !need(f)) return std::nullopt;
        const char pu = static_cast<char>(std::toupper(static_cast<unsigned char>(previous)));
        Point c1 = (pu == 'C' || pu == 'S')
                       ? Point{2 * current.x - last_control.x, 2 * current.y - last_control.y}
                       : current;
        last_control = {base.x + c2, base.y + d};
        path.cubic_to(c1, last_control, {base.x + e, base.y + f});
        current = {base.x + e, base.y + f};
        break;
      }
      case 'Q':
      case 'T': {
        Point q;
        if (up == 'Q') {
          if (!need(a) || !need(b)) return std::nullopt;
          q = {base.x + a, base.y + b};
        } else {
          const char pu = static_cast<char>(std::toupper(static_cast<unsigned char>(previous)));
          q = (pu == 'Q' || pu == 'T')
                  ? Point{2 * current.x - last_control.x, 2 * current.y - last_control.y}
                  : current;
        }
        if (!need(e) || !need(f)) return std::nullopt;
        const Point end{base.x + e, base.y + f};
        // A quadratic is the cubic with controls two thirds of the way to q.
        path.cubic_to(
            {current.x + 2.0 / 3 * (q.x - current.x), current.y + 2.0 / 3 * (q.y - current.y)},
            {end.x + 2.0 / 3 * (q.x - end.x), end.y + 2.0 / 3 * (q.y - end.y)}, end);
        last_control = q;
        current = end;
        break;
      }
      case 'Z':
        path.close();
        current = start;
        command = 0;
        break;
      default:
        error = std::string("unsupported path command '") + cmd + "'";
        return std::nullopt;
    }
    previous = cmd;
  }
  if (path.ops.empty()) {
    error = "path data is empty";
    return std::nullopt;
  }
  return path;
}

}  // namespace cardface::tmpl
