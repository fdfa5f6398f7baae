#include "service/eligibility.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"

namespace imr {
namespace {

// Filing period for an IMR application: 30 days after service of the written UR decision
// (8 CCR 9792.10.1(b)(1)).
constexpr int kFilingDays = 30;
// Service by mail within California extends a period counted from service by five calendar
// days (Code Civ. Proc. 1013(a)). We read the IMR filing period as such a period and assume
// both the place of mailing and the worker's address are in California (10 or 20 days would
// apply otherwise; the application does not say). Electronic and personal service get no
// extension here.
constexpr int kMailExtensionDays = 5;

int day_number(const Date& d) { return days_from_civil(d.year, d.month, d.day); }
Date plus_days(const Date& d, int n) { return civil_from_days(day_number(d) + n); }

bool served_by_mail(const std::string& method) { return method.empty() || method == "mail"; }

std::string item_signature(const ApplicationUrItem& item) {
  return to_lower(collapse_whitespace(item.request)) + "\x1f" + item.action;
}

std::vector<std::string> item_signatures(const ApplicationUr& ur) {
  std::vector<std::string> out;
  for (const auto& i : ur.items) out.push_back(item_signature(i));
  std::sort(out.begin(), out.end());
  return out;
}

bool same_dispute(const Application& a, const Application& b) {
  if (!a.ur || !b.ur || a.ur->date != b.ur->date) return false;
  if (consolidation_key(a) != consolidation_key(b)) return false;
  return item_signatures(*a.ur) == item_signatures(*b.ur);
}

}  // namespace

Date filing_deadline(const Date& served, const std::string& service_method,
                     const HolidayCalendar& calendar) {
  // The period excludes the day of service and includes the last day (Code Civ. Proc. 12);
  // when the last day is a Saturday, Sunday or holiday the period runs to the next day that
  // is not (Code Civ. Proc. 12a, which applies to periods set by any regulation). The mail
  // extension is added before the roll (Code Civ. Proc. 1013(a) extends the period itself).
  const int days = kFilingDays + (served_by_mail(service_method) ? kMailExtensionDays : 0);
  return calendar.next_business_day_on_or_after(plus_days(served, days));
}

EligibilityFinding screen_application(const Application& a,
                                      const std::vector<Application>& under_review,
                                      const HolidayCalendar& calendar) {
  EligibilityFinding f;
  auto add = [&f](const char* code, std::string text) {
    f.reasons.push_back(IneligibilityReason{code, std::move(text)});
  };

  // Timeliness: counted from the date of service, or from the decision date when the
  // application gives no service date (the decision is then presumed served by mail that day).
  if (a.ur && (a.ur->served || a.ur->date)) {
    const bool presumed = !a.ur->served;
    const Date served = presumed ? *a.ur->date : *a.ur->served;
    const std::string method = presumed ? std::string() : a.ur->service_method;
    const bool mail = served_by_mail(method);
    const Date raw = plus_days(served, kFilingDays + (mail ? kMailExtensionDays : 0));
    const Date deadline = filing_deadline(served, method, calendar);
    f.filing_deadline = deadline;
    // `rule` says how the deadline was counted without repeating the service date; the
    // basis kept on the finding names it.
    std::string tail;
    if (mail)
      tail += method.empty() ? ", plus 5 days for mailing as the service method is not stated"
                             : ", plus 5 days for service by mail";
    if (!(deadline == raw)) {
      const std::string why =
          calendar.is_holiday(raw) ? calendar.holiday_name(raw) : weekday_name(raw);
      tail += fmt::format(", moved from {} ({}) to the next business day", raw.iso(), why);
    }
    const std::string rule =
        (presumed ? "30 days after the decision date, as no service date is given"
                  : "30 days after service") +
        tail;
    f.filing_deadline_basis =
        (presumed
             ? fmt::format("30 days after the UR decision dated {}, as no service date is given",
                           served.iso())
             : fmt::format("30 days after service of the UR decision on {}", served.iso())) +
        tail;
    if (day_number(a.received) > day_number(deadline)) {
      const int after = day_number(a.received) - day_number(served);
      add("late", fmt::format("Filed {}, {} days after the UR decision {} {}; the deadline was {} "
                              "({}).",
                              a.received.iso(), after, presumed ? "dated" : "was served on",
                              served.iso(), deadline.iso(), rule));
    }
  }

  if (!a.ur) {
    add("ur_missing",
        "The application does not include the utilization review decision it disputes.");
  } else if (a.ur->items.empty()) {
    add("ur_missing",
        "The utilization review decision attached lists no treatment that was denied, modified "
        "or delayed.");
  }

  if (a.ur && a.ur->basis == "not_medical_necessity")
    add("not_medical_necessity",
        fmt::format("The utilization review decision{} was not a decision on medical necessity, "
                    "so it cannot be resolved by independent medical review.",
                    a.ur->date ? " of " + a.ur->date->iso() : std::string()));
  if (a.liability_disputed)
    add("liability_disputed",
        "The claims administrator disputes liability for the injury" +
            (a.date_of_injury ? " of " + a.date_of_injury->iso() : std::string()) +
            "; independent medical review is deferred until liability is resolved (8 CCR "
            "9792.10.3(d)).");
  if (a.ur && a.ur->basis == "missing_information")
    add("missing_information",
        fmt::format("The utilization review decision{} did not certify the treatment because "
                    "requested information was not sent; it is not a medical-necessity "
                    "decision.",
                    a.ur->date ? " of " + a.ur->date->iso() : std::string()));

  if (!a.signed_) {
    add("unsigned",
        "The application is not signed by the injured worker or the worker's representative.");
  } else if (a.signed_by == "representative" && !a.representative) {
    add("unsigned",
        "The application is signed by a representative, but it names no representative of the "
        "injured worker.");
  }

  for (const auto& other : under_review) {
    if (other.application_id == a.application_id) continue;
    if (same_dispute(a, other)) {
      add("duplicate",
          fmt::format("The same dispute (UR decision of {}, same worker, requesting physician, "
                      "date of injury and treatment) is already under review as application {}.",
                      a.ur->date ? a.ur->date->iso() : std::string("(undated)"),
                      other.application_id));
      break;
    }
  }

  f.eligible = f.reasons.empty();
  return f;
}

nlohmann::json to_json(const EligibilityFinding& f) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : f.reasons) reasons.push_back({{"code", r.code}, {"text", r.text}});
  return {{"eligible", f.eligible},
          {"reasons", reasons},
          {"filing_deadline", f.filing_deadline ? nlohmann::json(f.filing_deadline->iso()) : nlohmann::json(nullptr)},
          {"filing_deadline_basis", f.filing_deadline_basis}};
}

}  // namespace imr
