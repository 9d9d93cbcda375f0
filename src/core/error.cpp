#include "cardface/error.h"

namespace cardface {
namespace {

std::string join(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& p : problems) {
    if (!text.empty()) text += '\n';
    text += p.where.empty() ? p.message : p.where + ": " + p.message;
  }
  return text;
}

}  // namespace

Error::Error(ErrorKind kind, std::vector<Problem> problems)
    : std::runtime_error(join(problems)), kind_(kind), problems_(std::move(problems)) {}

Error::Error(ErrorKind kind, std::string where, std::string message)
    : Error(kind, std::vector<Problem>{{std::move(where), std::move(message)}}) {}

}  // namespace cardface
