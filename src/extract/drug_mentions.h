// Drug names in a normalized sentence, found through the drug table.
//
// Scans for every name the table knows (DrugTable::names(), longest first), whole words
// only, case-insensitively; a longer name claims its bytes first, so "hydrocodone/apap" is
// one mention and not also "hydrocodone". Mentions come back left to right.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "intake/drug_table.h"

namespace imr::extract_detail {

struct DrugMention {
  size_t start = 0;  // bytes into the normalized sentence
  size_t end = 0;
  const Drug* drug = nullptr;
};

std::vector<DrugMention> find_drug_mentions(std::string_view norm, const DrugTable& drugs);

}  // namespace imr::extract_detail
