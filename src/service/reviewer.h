// The reviewer registry: the physicians (and other licensed clinicians) who may be assigned
// an Independent Medical Review, imported from a JSON file (docs/reviewers.md).
//
// A Reviewer is plain data: licensure, board certifications, specialties and
// subspecialties (names from the controlled list in data/specialties.yaml), practice
// history, and affiliations (employers, insurers, claims administrators, medical groups,
// physicians, representatives, injured workers) that could conflict with a case's parties.
// The reviewer's name is kept for the service's own records only; letters carry the
// credentials from letter_profile(), never the name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "intake/case.h"

namespace imr {

class SpecialtyMap;

// Kinds: employer | insurer | claims_administrator | medical_group | physician |
// representative | worker (a personal tie to an injured worker: a patient, a relative).
struct Affiliation {
  std::string kind;
  std::string name;
};

struct Reviewer {
  std::string id;
  std::string name;                               // never appears in letters
  std::vector<std::string> licensure_states;      // two-letter codes, upper case: "CA"
  std::vector<std::string> board_certifications;  // "American Board of Physical Medicine and Rehabilitation"
  std::vector<std::string> specialties, subspecialties;  // controlled names
  double years_in_practice = 0;
  double hours_per_week = 0;
  bool active = true;
  std::vector<Affiliation> affiliations;
};

// The affiliation kinds the registry accepts, in the order above.
const std::vector<std::string>& affiliation_kinds();

// Parses a registry: {"version": "...", "reviewers": [{...}, ...]}. Checks structure and
// types; throws InputError naming the file and the field ("reviewers[3].hours_per_week
// must be a number", "reviewers[1].id 'R-7' is used twice"). Specialty names are not
// checked against the controlled list here: use the overload with a SpecialtyMap.
std::vector<Reviewer> parse_reviewer_registry(std::string_view json, const std::string& file);

// The same, and every specialty and subspecialty must be in `specialties`' controlled list
// (matched case-insensitively, then stored in the list's spelling); otherwise InputError
// ("reviewers[2].specialties[0] 'Cardiology' is not a known specialty").
std::vector<Reviewer> parse_reviewer_registry(std::string_view json, const std::string& file,
                                              const SpecialtyMap& specialties);

// Reads and parses a registry file (bounded size), validating specialties.
std::vector<Reviewer> load_reviewer_registry(const std::string& path,
                                             const SpecialtyMap& specialties);

// The credentials a letter shows: licensure as state names ("California"), the board
// certifications (or the specialties when there are none), the subspecialties. No name,
// no id.
ReviewerProfile letter_profile(const Reviewer& r);

// "California" for "CA"; the code itself when unknown.
std::string state_name(std::string_view code);

}  // namespace imr
