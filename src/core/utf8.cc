#include "core/utf8.h"

#include <algorithm>
#include <iostream>
#include <mutex>

namespace imr {

Utf8Repair repair_utf8(std::string_view bytes) {
  Utf8Repair out;
  out.text.reserve(bytes.size());
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    bool valid = len > 0 && i + len <= n;
    for (size_t k = 1; valid && k < len; ++k) valid = (p[i + k] & 0xC0) == 0x80;
    if (valid && len == 3) {
      if (c == 0xE0 && p[i + 1] < 0xA0) valid = false;   // overlong
      if (c == 0xED && p[i + 1] >= 0xA0) valid = false;  // UTF-16 surrogate
    }
    if (valid && len == 4) {
      if (c == 0xF0 && p[i + 1] < 0x90) valid = false;   // overlong
      if (c == 0xF4 && p[i + 1] >= 0x90) valid = false;  // past U+10FFFF
    }
    if (valid) {
      out.text.append(bytes.data() + i, len);
      i += len;
    } else {
      if (out.replaced++ == 0) out.first_offset = i;
      out.text += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string valid_utf8(std::string_view bytes, const std::string& file) {
  Utf8Repair r = repair_utf8(bytes);
  if (r.replaced)
    warn(file, std::to_string(r.replaced) + " invalid UTF-8 byte" + (r.replaced == 1 ? "" : "s") +
                   " replaced with U+FFFD (the first at byte " + std::to_string(r.first_offset) + ")");
  return std::move(r.text);
}

std::string_view utf8_page(std::string_view text, size_t offset, size_t max_bytes, size_t& next) {
  auto continuation = [&](size_t i) { return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
  if (offset >= text.size()) {
    next = text.size();
    return {};
  }
  while (offset > 0 && continuation(offset)) --offset;
  size_t end = offset + std::min(max_bytes, text.size() - offset);
  while (end > offset && end < text.size() && continuation(end)) --end;
  if (end == offset && offset < text.size()) {  // a page smaller than one character: take the character
    end = offset + 1;
    while (continuation(end)) ++end;
  }
  next = end;
  return text.substr(offset, end - offset);
}

namespace {
std::mutex& sink_mutex() {
  static std::mutex m;
  return m;
}
std::function<void(const std::string&, const std::string&)>& sink() {
  static std::function<void(const std::string&, const std::string&)> s = [](const std::string& file,
                                                                           const std::string& message) {
    std::cerr << "warning: " << (file.empty() ? message : file + ": " + message) << "\n";
  };
  return s;
}
}  // namespace

void warn(const std::string& file, const std::string& message) {
  std::lock_guard lock(sink_mutex());
  if (sink()) sink()(file, message);
}

void set_warning_sink(std::function<void(const std::string& file, const std::string& message)> s) {
  std::lock_guard lock(sink_mutex());
  sink() = std::move(s);
}

}  // namespace imr
