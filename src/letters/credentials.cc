#include "letters/credentials.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "core/text.h"

namespace imr::letters {
namespace {

std::string strip_item(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':'))
    s = trim(s.substr(0, s.size() - 1));
  if (istarts_with(s, "and ")) s = trim(s.substr(4));
  if (istarts_with(s, "the state of ")) s = trim(s.substr(13));
  return std::string(s);
}

// Splits on ',' and ';' and, when `split_and`, on the word "and".
void add_list(std::string_view list, bool split_and, std::vector<std::string>& out) {
  std::string s(list);
  if (split_and) {
    static const RE2 and_re(R"((?i)\s+and\s+)");
    RE2::GlobalReplace(&s, and_re, ",");
  }
  for (char& c : s)
    if (c == ';') c = ',';
  for (const std::string& part : split(s, ',')) {
    std::string item = strip_item(part);
    if (item.empty()) continue;
    bool seen = false;
    for (const auto& o : out) seen = seen || iequals(o, item);
    if (!seen) out.push_back(std::move(item));
  }
}

std::string_view cut_at(std::string_view s, std::string_view label) {
  const size_t at = to_lower(s).find(label);
  return at == std::string::npos ? s : s.substr(0, at);
}

}  // namespace

ReviewerCredentials read_credentials(std::string_view text) {
  const std::string t = collapse_whitespace(text);
  const std::string lower = to_lower(t);
  ReviewerCredentials r;

  // Block form.
  static constexpr std::string_view kLic = "state(s) of licensure:";
  static constexpr std::string_view kCert = "certification(s)/specialty:";
  static constexpr std::string_view kSub = "subspecialty:";
  const size_t lic = lower.find(kLic);
  const size_t cert = lower.find(kCert);
  const size_t sub = lower.find(kSub);
  auto field_end = [&](size_t from) {
    size_t end = t.size();
    for (size_t p : {lic, cert, sub})
      if (p != std::string::npos && p > from && p < end) end = p;
    return end;
  };
  if (lic != std::string::npos) {
    const size_t from = lic + kLic.size();
    add_list(std::string_view(t).substr(from, field_end(from) - from), true, r.licensure);
  }
  if (cert != std::string::npos) {
    const size_t from = cert + kCert.size();
    add_list(std::string_view(t).substr(from, field_end(from) - from), false, r.certifications);
  }
  if (sub != std::string::npos) {
    const size_t from = sub + kSub.size();
    add_list(std::string_view(t).substr(from, field_end(from) - from), false, r.subspecialties);
  }

  // Sentence form.
  static const RE2 board(
      R"((?i)board[- ]certified in (.+?)(?:,? (?:and )?(?:has|with) (?:a )?sub-?specialt(?:y|ies) in|,? (?:and )?(?:is )?licensed (?:to practice )?in|\.(?:\s|$)))");
  static const RE2 subsp(
      R"((?i)(?:has|with) (?:a )?sub-?specialt(?:y|ies) in (.+?)(?:,? (?:and )?(?:is )?licensed (?:to practice )?in|\.(?:\s|$)))");
  static const RE2 licensed(
      R"((?i)licensed (?:to practice )?in (.+?)(?:\.(?:\s|$)|,? and (?:has|is|was|he|she)\b|$))");
  re2::StringPiece m;
  if (RE2::PartialMatch(t, board, &m)) add_list(std::string_view(m.data(), m.size()), false, r.certifications);
  if (RE2::PartialMatch(t, subsp, &m)) add_list(std::string_view(m.data(), m.size()), false, r.subspecialties);
  if (RE2::PartialMatch(t, licensed, &m))
    add_list(cut_at(std::string_view(m.data(), m.size()), " he/she"), true, r.licensure);
  return r;
}

}  // namespace imr::letters
