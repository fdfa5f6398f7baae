// Dates inside one normalized sentence and what each is the date of.
//
// An encounter date introduces a visit or report: "a progress note on 5/30/14", "on
// 8-24-15, the injured worker ...", "according to the 07/30/2014 progress report", "follow
// up on 01/21/14", "the 09/25/2014 report", and dates chained to one of those ("on 7-17-15
// and 8-24-15"). Dates of injury ("sustained an injury on 11/2/13"), of surgery ("fusion
// ... on 12/17/2009") and of review decisions ("on 9-3-15, the request was modified") are
// not encounters and never move the narrative date.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace imr::extract_detail {

enum class DateRole { kEncounter, kInjury, kSurgery, kReview, kOther };

struct SentenceDate {
  Date date;
  size_t start = 0;  // bytes into the normalized sentence
  size_t end = 0;
  DateRole role = DateRole::kOther;
};

// Every date in the sentence (at most 16), left to right, with its role.
std::vector<SentenceDate> sentence_dates(std::string_view norm);

// The latest encounter date among them, if any.
std::optional<Date> latest_encounter(const std::vector<SentenceDate>& dates);

}  // namespace imr::extract_detail
