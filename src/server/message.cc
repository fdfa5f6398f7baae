#include "server/message.h"

#include <stdexcept>

#include "core/text.h"

namespace imr::server {

bool Request::has_header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return true;
  return false;
}

std::string Request::get_header_value(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return "";
}

std::string Request::get_param_value(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

bool Request::is_multipart_form_data() const {
  return istarts_with(get_header_value("Content-Type"), "multipart/form-data");
}

FormPart Request::get_file_value(const std::string& name) const {
  auto it = files.find(name);
  return it == files.end() ? FormPart{} : it->second;
}

void Response::set_header(const std::string& name, const std::string& value) {
  for (auto& [k, v] : headers)
    if (iequals(k, name)) {
      v = value;
      return;
    }
  headers.emplace_back(name, value);
}

std::string Response::get_header_value(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return "";
}

void Response::set_content(std::string content, const std::string& content_type) {
  body = std::move(content);
  set_header("Content-Type", content_type);
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view query, size_t max_params) {
  std::multimap<std::string, std::string> out;
  while (!query.empty() && out.size() < max_params) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    out.emplace(percent_decode(pair.substr(0, eq), true),
                eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true));
  }
  return out;
}

namespace {

// The value of `key=` in a header's parameters ("form-data; name=\"file\"; filename=..."),
// quotes removed; "" when absent.
std::string header_parameter(std::string_view header, std::string_view key) {
  size_t pos = 0;
  while ((pos = header.find(';', pos)) != std::string_view::npos) {
    ++pos;
    std::string_view rest = header.substr(pos);
    rest = trim(rest);
    if (!istarts_with(rest, key) || rest.size() <= key.size() || rest[key.size()] != '=') continue;
    rest.remove_prefix(key.size() + 1);
    if (!rest.empty() && rest.front() == '"') {
      const size_t close = rest.find('"', 1);
      return std::string(rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    return std::string(rest.substr(0, rest.find(';')));
  }
  return "";
}

}  // namespace

std::map<std::string, FormPart> parse_multipart(std::string_view content_type, std::string_view body,
                                                size_t max_parts) {
  const std::string boundary = header_parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) throw std::invalid_argument("multipart body without a boundary");
  const std::string delimiter = "--" + boundary;
  std::map<std::string, FormPart> parts;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) throw std::invalid_argument("multipart body without its boundary");
  size_t count = 0;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") throw std::invalid_argument("malformed multipart delimiter");
    pos += 2;
    const size_t head_end = body.find("\r\n\r\n", pos);
    if (head_end == std::string_view::npos) throw std::invalid_argument("multipart part without headers' end");
    const size_t next = body.find("\r\n" + delimiter, head_end + 4);
    if (next == std::string_view::npos) throw std::invalid_argument("multipart body is cut short");
    if (++count > max_parts) throw std::invalid_argument("too many parts in the upload");
    FormPart part;
    std::string_view head = body.substr(pos, head_end - pos);
    while (!head.empty()) {
      const size_t eol = head.find("\r\n");
      const std::string_view line = head.substr(0, eol);
      head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 2);
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view name = trim(line.substr(0, colon));
      const std::string_view value = trim(line.substr(colon + 1));
      if (iequals(name, "Content-Disposition")) {
        part.name = header_parameter(value, "name");
        part.filename = header_parameter(value, "filename");
      } else if (iequals(name, "Content-Type")) {
        part.content_type = std::string(value);
      }
    }
    part.content = std::string(body.substr(head_end + 4, next - head_end - 4));
    if (!part.name.empty()) parts.emplace(part.name, std::move(part));
    pos = next + 2;
  }
}

}  // namespace imr::server
