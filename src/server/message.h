// One HTTP request and its response as the route handlers see them, independent of the
// transport (server/transport.h reads and writes them). The request is complete and within
// every limit of docs/limits.md by the time a handler has it: head, body, query and the
// parts of a multipart/form-data upload.
#pragma once

#include <any>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imr::server {

// One part of a multipart/form-data body.
struct FormPart {
  std::string name;
  std::string filename;      // "" for a plain field
  std::string content_type;
  std::string content;
};

struct Request {
  std::string method;   // "GET", "POST", ...
  std::string target;   // as sent: "/api/cases?limit=5"
  std::string path;     // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> headers;
  std::multimap<std::string, std::string> params;  // the query, percent-decoded
  std::map<std::string, FormPart> files;           // multipart parts by name (first of each name)
  std::string body;
  std::string remote_addr;  // the peer's address
  std::smatch matches;      // the route template's placeholders, over `path`
  std::any context;         // what the application keeps between reading the head and the body

  bool has_header(std::string_view name) const;
  // The first header of that name (case-insensitive), "" when absent.
  std::string get_header_value(std::string_view name) const;
  bool has_param(const std::string& name) const { return params.count(name) > 0; }
  std::string get_param_value(const std::string& name) const;
  bool is_multipart_form_data() const;
  bool has_file(const std::string& name) const { return files.count(name) > 0; }
  FormPart get_file_value(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(const std::string& name, const std::string& value);
  std::string get_header_value(std::string_view name) const;
  void set_content(std::string content, const std::string& content_type);
};

// "%41b+c" -> "Ab c" (plus as space only in a query). Malformed escapes are kept as sent.
std::string percent_decode(std::string_view text, bool plus_is_space);

// Splits "a=1&b=x%20y" into decoded pairs (at most `max_params`; the rest are ignored).
std::multimap<std::string, std::string> parse_query(std::string_view query, size_t max_params);

// The parts of a multipart/form-data body with the given Content-Type header. Throws
// std::invalid_argument with a message for the client when the body is not well formed or
// has more than `max_parts` parts.
std::map<std::string, FormPart> parse_multipart(std::string_view content_type, std::string_view body,
                                                size_t max_parts);

}  // namespace imr::server
