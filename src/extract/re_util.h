// Small helpers around RE2 for the extractors: every match of a pattern in a sentence,
// with byte offsets, bounded in count. Internal to src/extract.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace imr::extract_detail {

// One match: [start, end) in the searched text; group(i) is empty when group i did not take
// part (group 0 is the whole match).
struct ReMatch {
  size_t start = 0;
  size_t end = 0;
  std::vector<std::string_view> groups;
  std::vector<size_t> offsets;  // start offset of each group, npos when absent
  bool has(size_t i) const { return i < offsets.size() && offsets[i] != std::string_view::npos; }
  std::string_view group(size_t i) const { return has(i) ? groups[i] : std::string_view(); }
};

// All non-overlapping matches, left to right, at most `max` of them.
std::vector<ReMatch> find_all(const RE2& re, std::string_view text, size_t max = 64);

// The first match at or after `from`, or false.
bool find_first(const RE2& re, std::string_view text, size_t from, ReMatch* out);

// True if the pattern matches anywhere in text.
bool contains(const RE2& re, std::string_view text);

// Whether "pt" at [start, end) of a normalized sentence is the patient ("the pt reports",
// "Pt c/o LBP") rather than physical therapy ("failed PT x 12", "the PT helped").
bool pt_means_patient(std::string_view norm, size_t start, size_t end);

}  // namespace imr::extract_detail
