#include "server/http.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "core/limits.h"
#include "core/utf8.h"

namespace imr::server {

using nlohmann::json;

void bad_request(const std::string& message) { throw HttpError(400, "bad_request", message); }

json json_body(const Request& req) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) bad_request("the request body is not valid JSON");
  if (!body.is_object()) bad_request("the request body must be a JSON object");
  return body;
}

std::optional<std::string> optional_string(const json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) bad_request(std::string("'") + field + "' must be a string");
  return it->get<std::string>();
}

std::string required_string(const json& body, const char* field) {
  auto value = optional_string(body, field);
  if (!value) bad_request(std::string("'") + field + "' is required");
  return *value;
}

std::optional<int64_t> optional_int(const json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) bad_request(std::string("'") + field + "' must be an integer");
  return it->get<int64_t>();
}

int64_t required_int(const json& body, const char* field) {
  auto value = optional_int(body, field);
  if (!value) bad_request(std::string("'") + field + "' is required");
  return *value;
}

int query_int(const Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    bad_request(std::string("query parameter '") + name + "' must be a whole number from " + std::to_string(min) +
                " to " + std::to_string(max));
  return value;
}

void send_json(Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(Response& res, int status, const std::string& code, const std::string& message) {
  send_json(res, status, {{"error", {{"status", status}, {"code", code}, {"message", message}}}});
}

void add_text_page(json& out, const std::string& text, const Request& req) {
  const size_t offset = static_cast<size_t>(query_int(req, "offset", 0, 0, std::numeric_limits<int>::max()));
  const size_t limit = static_cast<size_t>(query_int(req, "limit", static_cast<int>(limits::kRecordPageBytes), 1,
                                                     static_cast<int>(limits::kMaxRecordPageBytes)));
  size_t next = 0;
  const std::string_view page = utf8_page(text, offset, limit, next);
  out["text"] = page;
  out["offset"] = next - page.size();
  out["next_offset"] = next < text.size() ? json(next) : json(nullptr);
  out["total_bytes"] = text.size();
}

std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view a) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), a) != trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  // Right to left: each trusted proxy appended the address it received from.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const size_t comma = rest.rfind(',');
    std::string_view entry = comma == std::string_view::npos ? rest : rest.substr(comma + 1);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
    while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
    if (entry.empty()) continue;
    if (!trusted(entry)) return std::string(entry.substr(0, 64));
  }
  return peer;
}

std::string cookie_value(const Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return "";
}

}  // namespace imr::server
