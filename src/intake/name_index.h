// Finding names (service synonyms, body-region words) in a request: the earliest one on word
// boundaries, the longest at a position. Built once from the names; a scan tries at each
// position only the names that start with that byte, so it is linear in the text for a
// fixed table. Immutable after construction; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"

namespace imr {

class NameIndex {
 public:
  NameIndex() = default;
  // Lower-case names, in any order; empty names are ignored.
  explicit NameIndex(std::vector<std::string> names);

  // The first name found in `lower` (lower-case text) at or after `from`: its index in the
  // names given and its span. A name that starts (ends) with a letter or digit must not
  // have one just before (after) it.
  std::optional<std::pair<size_t, Span>> find_earliest(std::string_view lower, size_t from = 0) const;

 private:
  std::vector<std::string> names_;
  std::vector<std::vector<size_t>> by_first_byte_;  // 256 buckets, longest name first
};

}  // namespace imr
