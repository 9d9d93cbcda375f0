// Errors are values: a field path (or file, or template JSON path) and a human sentence.
// The library throws cardface::Error; the CLI maps its kind to an exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "cardface/export.h"

CARDFACE_CXX_API_BEGIN
namespace cardface {

// Where a problem is and what is wrong with it. `where` names a data field (`id_number`),
// a template JSON path (`/front/elements/3/size`) or a file; never the holder's values.
struct Problem {
  std::string where;
  std::string message;
};

enum class ErrorKind {
  data,      // the holder's record is invalid
  tmpl,      // the template is invalid
  file,      // a file is missing, unreadable or not what it should be
  internal,  // a library failure (e.g. Cairo could not allocate)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::vector<Problem> problems);
  Error(ErrorKind kind, std::string where, std::string message);

  ErrorKind kind() const { return kind_; }
  const std::vector<Problem>& problems() const { return problems_; }

 private:
  ErrorKind kind_;
  std::vector<Problem> problems_;
};

}  // namespace cardface
CARDFACE_CXX_API_END
