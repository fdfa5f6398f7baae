// Eligibility screening of an IMR application (8 CCR 9792.10.3; Labor Code 4610.5).
//
// Every reason an application is not eligible is stated, not just the first, each as a code
// and one sentence for the parties naming the dates involved. Reasons and their codes:
//   late                  filed after the filing deadline: 30 days after service of the UR
//                         decision (8 CCR 9792.10.1(b)(1)), plus 5 days when served by mail
//                         (Code Civ. Proc. 1013(a)), rolled to the next business day when the
//                         last day is a weekend or holiday (Code Civ. Proc. 12a)
//   ur_missing            no UR decision attached, or one listing no disputed item
//   not_medical_necessity the UR decision is not a medical-necessity decision
//   liability_disputed    the claims administrator disputes liability for the injury
//   missing_information   the UR non-certified because requested information was not sent
//   unsigned              not signed by the worker or the worker's representative
//   duplicate             the same dispute is already under review
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "service/application.h"
#include "service/calendar.h"

namespace imr {

struct IneligibilityReason {
  std::string code;
  std::string text;
};

struct EligibilityFinding {
  bool eligible = false;
  std::vector<IneligibilityReason> reasons;  // empty exactly when eligible
  // The last day the application could be filed, when the UR decision gives a service (or
  // decision) date.
  std::optional<Date> filing_deadline;
  // How the deadline was counted, one sentence ("30 days after service on 2026-10-20, plus
  // 5 days for service by mail").
  std::string filing_deadline_basis;
};

// The filing deadline for a UR decision served on `served` by `service_method`.
// An empty method is treated as mail (the worker gets the benefit of the doubt).
Date filing_deadline(const Date& served, const std::string& service_method,
                     const HolidayCalendar& calendar);

// Screens `a`. `under_review` = applications already on open cases: `a` duplicates one of
// them when it has the same consolidation key, the same UR decision date and the same items
// (request and action, compared without case or extra spaces) under a different
// application_id (the same id is a re-import of the same application, not a duplicate).
EligibilityFinding screen_application(const Application& a,
                                      const std::vector<Application>& under_review,
                                      const HolidayCalendar& calendar);

// {"eligible", "reasons": [{"code", "text"}], "filing_deadline": date or null,
//  "filing_deadline_basis"}: as the API shows it and the case document keeps it.
nlohmann::json to_json(const EligibilityFinding& f);

}  // namespace imr
