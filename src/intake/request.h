// The request parser: a disputed request as written ("Norco 10/325mg one PO q 4-6H #180",
// "CLONAZEPAM 1 MG #90, WITH THREE REFILLS", "Physical therapy 2x week x 6 weeks") to
// structured data, with derived doses per day, days' supply and morphine equivalents.
//
// Pure and bounded: linear-time (RE2) over input capped in length; no global state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intake/drug_table.h"
#include "intake/request_services.h"

namespace imr {

// A closed range of numbers; min == max when exact.
struct Range {
  double min = 0;
  double max = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

struct Strength {
  double value = 0;
  std::string unit;  // "mg", "mcg", "mcg/hr", "%", "mg/ml", "g"
  friend bool operator==(const Strength&, const Strength&) = default;
};

struct Frequency {
  std::string text;           // as written: "q 4-6H", "BID", "every 48 hours"
  std::string code;           // normalized: "q4-6h", "bid", "tid", "qid", "qhs", "daily", "q48h"
  Range doses_per_day;        // BID -> {2,2}; q4-6h -> {4,6}; every 72 hours -> {1/3,1/3}
  bool prn = false;           // "as needed"
};

struct ParsedRequest {
  enum class Kind { kDrug, kService, kUnknown };
  std::string text;  // the request as written
  Kind kind = Kind::kUnknown;

  // --- drugs ---
  const Drug* drug = nullptr;         // from the drug table; null when unknown
  std::string name_as_written;        // "Norco", "CLONAZEPAM", "Percocet"
  std::string brand;                  // brand name when one was written: "Norco"
  std::vector<std::string> ingredients;
  std::vector<Strength> strengths;    // one per ingredient for combinations (10/325 mg)
  std::string dosage_form;            // "tablet", "patch", "capsule", "cream", "gel", "solution"
  std::string route;                  // "oral", "transdermal", "topical"
  bool extended_release = false;      // ER, XR, SR, CR, LA
  std::optional<int> quantity;        // #180, QTY: 90, "x 30"
  int refills = 0;                    // "WITH THREE REFILLS", "x2 refills"
  std::optional<Range> units_per_dose;  // "1-2 tabs" -> {1,2}; "one" -> {1,1}
  std::optional<Frequency> frequency;   // absent when the request does not give one
  std::optional<int> duration_days;     // "x30 days", "for 2 weeks"
  // Derived (present only when the inputs were given):
  std::optional<Range> units_per_day;   // units_per_dose x doses_per_day
  std::optional<Range> days_supply;     // quantity / units_per_day (max..min days)
  std::optional<Range> mme_per_day;     // opioids: units_per_day x strength x factor
  bool frequency_given() const { return frequency.has_value(); }

  // --- body (every kind of request; data/body_regions.yaml) ---
  // The region's id ("lumbar_spine", "knee", "wrist_hand"), "multiple" when the request
  // names several (all in body_regions), "unspecified" when it names none.
  std::string body_region = "unspecified";
  std::vector<std::string> body_regions;  // every region named, in order
  std::string body_region_label;          // for prose: "knee", "cervical spine and thoracic spine"
  std::string laterality;                 // "left", "right", "bilateral" or ""
  bool region_named() const { return !body_regions.empty(); }

  // --- services ---
  std::string service;                // "physical therapy", "mri", "acupuncture", ...
  std::optional<int> visits;          // total sessions: "12 sessions", or 2x6 = 12
  std::optional<double> per_week;     // "2x week" -> 2
  std::optional<int> weeks;           // "x 6 weeks" -> 6
  std::optional<double> hours_per_day;  // "4 hours/day" -> 4 (home health)
  std::string acquisition;            // "purchase" | "rental" | "" (TENS unit purchase)
  std::optional<int> spinal_levels;   // "L4-5 and L5-S1" -> 2; "two-level" -> 2
  std::string service_topic;          // rule topic from the service table: "physical_medicine",
                                      // "preop_ekg" (pre-op EKG), "surgery_shoulder"

  // The rule topic of the request: the service's topic, or the drug table's topic for a
  // drug ("opioids"); "" when neither is known.
  std::string topic() const;

  // --- both ---
  // Words that place the request ("post-op", "pre-operative", "retrospective"), as codes
  // from data/request_flags.yaml: "postoperative", "preoperative", "retrospective", ...
  std::vector<std::string> flags;
  bool has_flag(const std::string& f) const;

  std::vector<std::string> notes;     // what the parser could not read, in words
};

// Longer requests are cut to this many bytes (with a note) before parsing.
inline constexpr size_t kMaxRequestChars = 1000;

// Parses one request. Never throws for odd text: an unreadable request comes back as
// kind kUnknown with notes. `table` must outlive the result (drug points into it).
// Services are recognised with `services`; the two-argument form reads drugs only (a
// service request comes back kUnknown) and is meant for dose phrases inside records.
ParsedRequest parse_request(std::string_view text, const DrugTable& table,
                            const ServiceTable& services);
ParsedRequest parse_request(std::string_view text, const DrugTable& table);

// Morphine milligram equivalents per day for `units_per_day` units of `strength` mg (or
// mcg/hr for patches) of `drug`; nullopt for a non-opioid or a drug without a factor.
// Methadone uses the dose band of the daily dose.
std::optional<Range> mme_per_day(const Drug& drug, double strength, Range units_per_day);

}  // namespace imr
