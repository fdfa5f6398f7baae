// Text from outside made valid UTF-8, and problems with an input that did not stop it being
// used reported rather than dropped.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace imr {

// Each invalid byte (a stray Latin-1 0xA0 from a PDF, a cut sequence, an overlong or
// surrogate encoding) replaced by U+FFFD, everything else kept.
struct Utf8Repair {
  std::string text;
  size_t replaced = 0;      // invalid bytes replaced
  size_t first_offset = 0;  // byte offset of the first one in the input
};
Utf8Repair repair_utf8(std::string_view bytes);

// Valid UTF-8 of `bytes`; when bytes were replaced, warns (below) naming the file, how many
// and where the first was.
std::string valid_utf8(std::string_view bytes, const std::string& file);

// At most `max_bytes` of `text` from `offset`, both ends moved back to the start of a UTF-8
// character so no character is cut (a page of a record's text). An offset past the end gives
// "". `next` is where the following page starts (text.size() at the end).
std::string_view utf8_page(std::string_view text, size_t offset, size_t max_bytes, size_t& next);

// A problem with an input that did not stop it being used: reported to the warning sink,
// which by default writes "warning: FILE: MESSAGE" to stderr (the server's writes its log).
void warn(const std::string& file, const std::string& message);
void set_warning_sink(std::function<void(const std::string& file, const std::string& message)> sink);

}  // namespace imr
