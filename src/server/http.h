// HTTP plumbing the API routes share: the error type every handler throws, JSON bodies read
// with typed field checks (a wrong type is a 400 naming the field), JSON responses, cookies.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/message.h"

namespace imr::server {

// A refusal with its HTTP status: {"error": {"status", "code", "message"}} goes back.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

[[noreturn]] void bad_request(const std::string& message);

// The request body as a JSON object (an empty body is {}). 400 for anything else.
nlohmann::json json_body(const Request& req);

// Typed fields of a JSON object. Absent (or null, for the optional ones) is "not given";
// present with the wrong type is a 400 naming the field.
std::string required_string(const nlohmann::json& body, const char* field);
std::optional<std::string> optional_string(const nlohmann::json& body, const char* field);
std::optional<int64_t> optional_int(const nlohmann::json& body, const char* field);
int64_t required_int(const nlohmann::json& body, const char* field);

// A query parameter as a bounded integer; 400 when it is not one.
int query_int(const Request& req, const char* name, int fallback, int min, int max);

void send_json(Response& res, int status, const nlohmann::json& body);
void send_error(Response& res, int status, const std::string& code, const std::string& message);

// A page of a (large) text for a JSON answer: "text" from the query's byte "offset" (default
// 0), at most "limit" bytes (default limits::kRecordPageBytes, at most kMaxRecordPageBytes),
// cut only between UTF-8 characters; "offset", "next_offset" (null on the last page) and
// "total_bytes" with it. 400 for a bad offset or limit.
void add_text_page(nlohmann::json& out, const std::string& text, const Request& req);

// The address a request came from: the peer's, or behind a trusted proxy the last address of
// X-Forwarded-For that is not a trusted proxy (ServerOptions::trusted_proxies).
std::string client_address(const std::string& peer, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// The value of one cookie from the Cookie header, "" when absent.
std::string cookie_value(const Request& req, std::string_view name);

}  // namespace imr::server
