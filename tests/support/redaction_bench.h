// Test support: the redaction benchmark (tests/fixtures/redaction-bench/, see its README.md)
// — loading a case, and its scoring rules ported from check.py:
//  - every run of whitespace counts as one space, in key strings and texts alike;
//  - matching is case-sensitive;
//  - an identifier occurs where the characters just before and after are not letters or digits,
//    and an occurrence wholly inside an occurrence of one of the case's clinical strings does
//    not count;
//  - an identifier is removed when it has no counted occurrence in the redacted text;
//  - a clinical string is kept when the redacted text has at least as many occurrences.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/file.h"
#include "core/text.h"

namespace imr::testing {

struct BenchIdentifier {
  std::string text;
  std::string kind;
};

struct BenchCase {
  std::string name;
  std::string application_json;
  std::string application_text;  // the application's string values, one a line
  std::vector<std::string> records;
  std::vector<BenchIdentifier> identifiers;
  std::vector<std::string> clinical;
};

inline const std::vector<std::string>& bench_kinds() {
  static const std::vector<std::string> k = {
      "worker_name", "worker_first_name", "nickname", "relative_name", "provider_name", "staff_name",
      "facility",    "business",          "employer", "address",       "city",          "phone",
      "email",       "claim_number",      "ssn",      "date_of_birth", "other_id"};
  return k;
}

inline void bench_json_strings(const nlohmann::ordered_json& v, std::string& out) {
  if (v.is_string()) {
    out += v.get<std::string>() + "\n";
  } else if (v.is_object() || v.is_array()) {
    for (const auto& item : v) bench_json_strings(item, out);
  }
}

inline std::vector<BenchCase> load_bench_set(const std::filesystem::path& set_dir) {
  std::vector<std::filesystem::path> dirs;
  for (const auto& e : std::filesystem::directory_iterator(set_dir))
    if (e.is_directory() && std::filesystem::exists(e.path() / "key.json")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  std::vector<BenchCase> out;
  for (const auto& d : dirs) {
    BenchCase c;
    c.name = d.filename().string();
    c.application_json = read_file((d / "application.json").string());
    bench_json_strings(nlohmann::ordered_json::parse(c.application_json), c.application_text);
    for (int i = 1; std::filesystem::exists(d / ("record-" + std::to_string(i) + ".txt")); ++i)
      c.records.push_back(read_file((d / ("record-" + std::to_string(i) + ".txt")).string()));
    const auto key = nlohmann::json::parse(read_file((d / "key.json").string()));
    for (const auto& id : key.at("identifiers")) c.identifiers.push_back({id.at("text"), id.at("kind")});
    for (const auto& cl : key.at("clinical")) c.clinical.push_back(cl.get<std::string>());
    out.push_back(std::move(c));
  }
  return out;
}

// Whitespace runs (ASCII and no-break spaces) become one space.
inline std::string bench_norm(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (std::isspace(c) || nbsp) {
      if (nbsp) ++i;
      if (!space) out += ' ';
      space = true;
    } else {
      out += static_cast<char>(c);
      space = false;
    }
  }
  return out;
}

// A letter or digit at byte offset i (decoding UTF-8; general punctuation is not a letter).
inline bool bench_word_char_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return std::isalnum(c) != 0;
  size_t start = i;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  const auto lead = static_cast<unsigned char>(s[start]);
  uint32_t cp = 0;
  size_t len = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  cp = len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07;
  for (size_t k = 1; k < len && start + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[start + k]) & 0x3F);
  if (cp == 0xA0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0xA1 && cp <= 0xBF)) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols
  return true;
}

struct BenchSpan {
  size_t start, end;
};

inline std::vector<BenchSpan> bench_find(std::string_view text, std::string_view needle, bool whole_word) {
  std::vector<BenchSpan> out;
  if (needle.empty()) return out;
  for (size_t p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1)) {
    const size_t e = p + needle.size();
    if (whole_word && ((p > 0 && bench_word_char_at(text, p - 1)) || (e < text.size() && bench_word_char_at(text, e))))
      continue;
    out.push_back({p, e});
  }
  return out;
}

// Counted occurrences of an identifier in a normalized text.
inline std::vector<BenchSpan> bench_identifier_spans(std::string_view text, const std::string& ident,
                                                     const std::vector<std::string>& clinical) {
  std::vector<BenchSpan> shields;
  for (const auto& c : clinical)
    for (const auto& s : bench_find(text, bench_norm(c), false)) shields.push_back(s);
  std::vector<BenchSpan> out;
  for (const auto& o : bench_find(text, bench_norm(ident), true)) {
    const bool shielded =
        std::any_of(shields.begin(), shields.end(), [&](const BenchSpan& s) { return s.start <= o.start && o.end <= s.end; });
    if (!shielded) out.push_back(o);
  }
  return out;
}

struct BenchScore {
  std::map<std::string, std::pair<size_t, size_t>> per_kind;  // reached, removed
  size_t clinical_reached = 0, clinical_kept = 0;
  std::vector<std::string> leaks, lost;

  size_t reached() const {
    size_t n = 0;
    for (const auto& [k, v] : per_kind) n += v.first;
    return n;
  }
  size_t removed() const {
    size_t n = 0;
    for (const auto& [k, v] : per_kind) n += v.second;
    return n;
  }
  void add(const BenchScore& o) {
    for (const auto& [k, v] : o.per_kind) {
      per_kind[k].first += v.first;
      per_kind[k].second += v.second;
    }
    clinical_reached += o.clinical_reached;
    clinical_kept += o.clinical_kept;
    leaks.insert(leaks.end(), o.leaks.begin(), o.leaks.end());
    lost.insert(lost.end(), o.lost.begin(), o.lost.end());
  }
};

// Scores one (unredacted, redacted) pair against a case's key, as check.py score does.
inline BenchScore bench_score(const BenchCase& c, std::string_view original, std::string_view redacted) {
  const std::string letter = bench_norm(original), red = bench_norm(redacted);
  BenchScore s;
  for (const auto& id : c.identifiers) {
    if (bench_identifier_spans(letter, id.text, c.clinical).empty()) continue;
    auto& row = s.per_kind[id.kind];
    ++row.first;
    if (bench_identifier_spans(red, id.text, c.clinical).empty()) ++row.second;
    else s.leaks.push_back(c.name + ": " + id.kind + " '" + id.text + "'");
  }
  for (const auto& cl : c.clinical) {
    const size_t n = bench_find(letter, bench_norm(cl), false).size();
    if (n == 0) continue;
    ++s.clinical_reached;
    if (bench_find(red, bench_norm(cl), false).size() >= n) ++s.clinical_kept;
    else s.lost.push_back(c.name + ": '" + cl + "'");
  }
  return s;
}

}  // namespace imr::testing
