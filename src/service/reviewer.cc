#include "service/reviewer.h"

#include <array>
#include <utility>

#include "core/file.h"
#include "service/specialty_map.h"

namespace imr {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 54> kStates = {{
    {"AL", "Alabama"},        {"AK", "Alaska"},        {"AZ", "Arizona"},
    {"AR", "Arkansas"},       {"CA", "California"},    {"CO", "Colorado"},
    {"CT", "Connecticut"},    {"DE", "Delaware"},      {"DC", "District of Columbia"},
    {"FL", "Florida"},        {"GA", "Georgia"},       {"HI", "Hawaii"},
    {"ID", "Idaho"},          {"IL", "Illinois"},      {"IN", "Indiana"},
    {"IA", "Iowa"},           {"KS", "Kansas"},        {"KY", "Kentucky"},
    {"LA", "Louisiana"},      {"ME", "Maine"},         {"MD", "Maryland"},
    {"MA", "Massachusetts"},  {"MI", "Michigan"},      {"MN", "Minnesota"},
    {"MS", "Mississippi"},    {"MO", "Missouri"},      {"MT", "Montana"},
    {"NE", "Nebraska"},       {"NV", "Nevada"},        {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},     {"NM", "New Mexico"},    {"NY", "New York"},
    {"NC", "North Carolina"}, {"ND", "North Dakota"},  {"OH", "Ohio"},
    {"OK", "Oklahoma"},       {"OR", "Oregon"},        {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},   {"SC", "South Carolina"}, {"SD", "South Dakota"},
    {"TN", "Tennessee"},      {"TX", "Texas"},         {"UT", "Utah"},
    {"VT", "Vermont"},        {"VA", "Virginia"},      {"WA", "Washington"},
    {"WV", "West Virginia"},  {"WI", "Wisconsin"},     {"WY", "Wyoming"},
    {"PR", "Puerto Rico"},    {"GU", "Guam"},          {"VI", "U.S. Virgin Islands"},
}};

}  // namespace

const std::vector<std::string>& affiliation_kinds() {
  static const std::vector<std::string> kinds = {"employer",      "insurer",   "claims_administrator",
                                                 "medical_group", "physician", "representative",
                                                 "worker"};
  return kinds;
}

std::string state_name(std::string_view code) {
  for (const auto& [c, name] : kStates)
    if (c == code) return std::string(name);
  return std::string(code);
}

std::vector<Reviewer> load_reviewer_registry(const std::string& path,
                                             const SpecialtyMap& specialties) {
  return parse_reviewer_registry(read_file(path), path, specialties);
}

ReviewerProfile letter_profile(const Reviewer& r) {
  ReviewerProfile p;
  for (const auto& s : r.licensure_states) p.licensure.push_back(state_name(s));
  p.certifications = r.board_certifications.empty() ? r.specialties : r.board_certifications;
  p.subspecialties = r.subspecialties;
  return p;
}

}  // namespace imr
