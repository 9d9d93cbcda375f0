#include "serve/request_fields.h"

#include <cmath>
#include <sstream>

namespace cardface::serve {

RequestFields::RequestFields(const nlohmann::json& object, std::string pointer)
    : object_(object), pointer_(std::move(pointer)) {}

const nlohmann::json* RequestFields::take(const std::string& name) {
  known_.insert(name);
  const auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

void RequestFields::add(const std::string& name, std::string message) {
  const std::string p = name.empty() ? pointer_ : pointer(name);
  problems_.push_back({p, p, std::move(message)});
}

std::optional<std::string> RequestFields::text(const std::string& name) {
  const nlohmann::json* v = take(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    add(name, "must be a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::string RequestFields::choice(const std::string& name, const std::vector<std::string>& choices,
                                  const std::string& fallback) {
  const auto v = text(name);
  if (!v) return fallback;
  for (const auto& c : choices)
    if (*v == c) return c;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  add(name, "must be one of " + list);
  return fallback;
}

int RequestFields::integer(const std::string& name, int low, int high, int fallback) {
  const nlohmann::json* v = take(name);
  if (!v) return fallback;
  if (!v->is_number_integer() || v->get<long long>() < low || v->get<long long>() > high) {
    add(name, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
    return fallback;
  }
  return v->get<int>();
}

double RequestFields::number(const std::string& name, double low, double high, double fallback) {
  const nlohmann::json* v = take(name);
  if (!v) return fallback;
  if (!v->is_number() || !(v->get<double>() >= low && v->get<double>() <= high)) {
    std::ostringstream range;
    range << "must be a number from " << low << " to " << high;
    add(name, range.str());
    return fallback;
  }
  return v->get<double>();
}

bool RequestFields::flag(const std::string& name, bool fallback) {
  const nlohmann::json* v = take(name);
  if (!v) return fallback;
  if (!v->is_boolean()) {
    add(name, "must be true or false");
    return fallback;
  }
  return v->get<bool>();
}

const nlohmann::json* RequestFields::object(const std::string& name) {
  const nlohmann::json* v = take(name);
  if (v && !v->is_object()) {
    add(name, "must be a JSON object");
    return nullptr;
  }
  return v;
}

const nlohmann::json* RequestFields::array(const std::string& name) {
  const nlohmann::json* v = take(name);
  if (v && !v->is_array()) {
    add(name, "must be a JSON array");
    return nullptr;
  }
  return v;
}

const nlohmann::json* RequestFields::any(const std::string& name) {
  return take(name);
}

void RequestFields::finish() {
  for (const auto& [key, value] : object_.items())
    if (!known_.count(key)) {
      // The key is the request's structure, not holder data; keep it printable and short.
      std::string shown;
      for (unsigned char c : key.substr(0, 64)) shown += c < 0x20 || c == 0x7F ? '?' : char(c);
      const std::string p = pointer_ + "/" + shown;
      problems_.push_back({p, p, "unknown field"});
    }
  if (!problems_.empty()) throw Refusal(400, problems_);
}

nlohmann::json parse_request_json(const std::string& text, const std::string& pointer) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Refusal(400, pointer, "malformed JSON at byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::exception& e) {
    // e.g. 1e400, a number out of range (406); nlohmann's own text would quote the request
    throw Refusal(400, pointer,
                  e.id == 406 ? "malformed JSON: a number out of range"
                              : "malformed JSON (JSON reader error " + std::to_string(e.id) + ")");
  }
  if (!json.is_object()) throw Refusal(400, pointer, "must be a JSON object");
  return json;
}

}  // namespace cardface::serve
