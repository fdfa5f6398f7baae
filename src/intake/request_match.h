// Internal to the request parser: one RE2 search that reports the whole match's span and
// up to three captures. Patterns wrap themselves in IMR_WHOLE so group 1 is the whole match.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>

#include "core/text.h"

#define IMR_WHOLE(p) "(" p ")"

namespace imr::request_detail {

inline bool find(std::string_view text, const RE2& re, Span& span, std::string* a = nullptr,
                 std::string* b = nullptr, std::string* c = nullptr) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece whole;
  bool ok = false;
  if (c) ok = RE2::PartialMatch(input, re, &whole, a, b, c);
  else if (b) ok = RE2::PartialMatch(input, re, &whole, a, b);
  else if (a) ok = RE2::PartialMatch(input, re, &whole, a);
  else ok = RE2::PartialMatch(input, re, &whole);
  if (!ok) return false;
  span.start = static_cast<size_t>(whole.data() - text.data());
  span.end = span.start + whole.size();
  return true;
}

}  // namespace imr::request_detail
