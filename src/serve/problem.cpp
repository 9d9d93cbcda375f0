#include "serve/problem.h"

#include <utility>

namespace cardface::serve {

Refusal::Refusal(int status, std::vector<RequestProblem> problems, int retry_after_s)
    : std::runtime_error(problems.empty() ? "refused" : problems.front().message),
      status_(status),
      retry_after_s_(retry_after_s),
      problems_(std::move(problems)) {}

Refusal::Refusal(int status, std::string pointer, std::string message)
    : Refusal(status, {RequestProblem{pointer, pointer, std::move(message)}}) {}

nlohmann::json Refusal::body() const {
  nlohmann::json list = nlohmann::json::array();
  for (const RequestProblem& p : problems_)
    list.push_back({{"pointer", p.pointer}, {"where", p.where}, {"message", p.message}});
  return {{"status", status_}, {"problems", list}};
}

namespace {

// "…/template.json:/front/elements/3" or "/front/elements/3": the JSON path in a template.
std::string template_json_path(const std::string& where) {
  const auto colon = where.rfind(":/");
  if (colon != std::string::npos) return where.substr(colon + 1);
  if (!where.empty() && where[0] == '/') return where;
  return {};
}

}  // namespace

Refusal refusal_from(const Error& error, const std::string& prefix,
                     const std::string& template_prefix) {
  std::vector<RequestProblem> problems;
  for (const Problem& p : error.problems()) {
    RequestProblem r;
    r.message = p.message;
    const std::string json_path = template_json_path(p.where);
    if (!json_path.empty()) {
      // A server's file paths are not the client's business: the template by its JSON path.
      r.pointer = template_prefix + json_path;
      r.where = "template.json:" + json_path;
    } else if (error.kind() == ErrorKind::tmpl) {
      r.pointer = template_prefix;
      r.where = p.where.find('/') == std::string::npos ? p.where : "template";
    } else {
      r.pointer = prefix + (p.where.empty() ? "" : "/" + p.where);
      r.where = p.where;
    }
    problems.push_back(std::move(r));
  }
  return Refusal(error.kind() == ErrorKind::internal ? 500 : 422, std::move(problems));
}

}  // namespace cardface::serve
