// A refused request: an HTTP status and every problem found, each at the JSON path (or
// multipart part) of the request it is about, with the sentence the CLI prints for it.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "cardface/error.h"

namespace cardface::serve {

struct RequestProblem {
  std::string pointer;  // a JSON pointer into the request ("/record/id_number"), or a part
  std::string where;    // as the CLI names it ("id_number", "template:/front/elements/3")
  std::string message;
};

class Refusal : public std::runtime_error {
 public:
  Refusal(int status, std::vector<RequestProblem> problems, int retry_after_s = 0);
  Refusal(int status, std::string pointer, std::string message);

  int status() const { return status_; }
  int retry_after_s() const { return retry_after_s_; }
  const std::vector<RequestProblem>& problems() const { return problems_; }
  nlohmann::json body() const;

 private:
  int status_;
  int retry_after_s_;
  std::vector<RequestProblem> problems_;
};

// A library Error as the request's problems: 422 for data and template faults (the request
// was well formed, its content is not), 500 for internal failures. `prefix` is the JSON
// pointer of what was checked ("/record"); a template's own JSON path goes under
// `template_prefix` ("/template_json").
Refusal refusal_from(const Error& error, const std::string& prefix,
                     const std::string& template_prefix);

}  // namespace cardface::serve
