// Parsing the reviewer registry JSON (see reviewer.h and docs/reviewers.md).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <set>

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "service/reviewer.h"
#include "service/specialty_map.h"

namespace imr {
namespace {

using nlohmann::json;

// A registry larger than this is refused (bounded work on an imported file).
constexpr size_t kMaxReviewers = 10000;
constexpr size_t kMaxListItems = 200;
constexpr size_t kMaxTextChars = 500;

const std::set<std::string, std::less<>> kFields = {
    "id",          "name",           "licensure_states", "board_certifications", "specialties",
    "subspecialties", "years_in_practice", "hours_per_week", "active", "affiliations"};

class Reader {
 public:
  Reader(const std::string& file, const SpecialtyMap* map) : file_(file), map_(map) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw InputError(file_, path + " " + problem);
  }

  std::string text(const json& v, const std::string& path) const {
    if (!v.is_string()) fail(path, "must be a string");
    std::string s = collapse_whitespace(v.get<std::string>());
    if (s.empty()) fail(path, "must not be empty");
    if (s.size() > kMaxTextChars) fail(path, "is longer than " + std::to_string(kMaxTextChars) + " characters");
    return s;
  }

  std::string required_text(const json& obj, const char* key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) fail(path + "." + key, "is missing");
    return text(*it, path + "." + key);
  }

  std::vector<std::string> texts(const json& obj, const char* key, const std::string& path) const {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return out;
    const std::string here = path + "." + key;
    if (!it->is_array()) fail(here, "must be a list of strings");
    if (it->size() > kMaxListItems) fail(here, "has more than " + std::to_string(kMaxListItems) + " entries");
    for (size_t i = 0; i < it->size(); ++i) out.push_back(text((*it)[i], here + "[" + std::to_string(i) + "]"));
    return out;
  }

  double number(const json& obj, const char* key, const std::string& path) const {
    const auto it = obj.find(key);
    const std::string here = path + "." + key;
    if (it == obj.end() || it->is_null()) fail(here, "is missing");
    if (!it->is_number()) fail(here, "must be a number");
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < 0) fail(here, "must not be negative");
    return v;
  }

  std::vector<std::string> specialties(const json& obj, const char* key, const std::string& path) const {
    std::vector<std::string> out = texts(obj, key, path);
    if (!map_) return out;
    for (size_t i = 0; i < out.size(); ++i) {
      const auto canon = map_->canonical(out[i]);
      if (!canon)
        fail(path + "." + key + "[" + std::to_string(i) + "]",
             "'" + out[i] + "' is not a known specialty (see the list in " + map_->file() + ")");
      out[i] = *canon;
    }
    return out;
  }

  std::vector<std::string> states(const json& obj, const std::string& path) const {
    std::vector<std::string> out = texts(obj, "licensure_states", path);
    for (size_t i = 0; i < out.size(); ++i) {
      std::string& s = out[i];
      const bool ok = s.size() == 2 && std::isalpha(static_cast<unsigned char>(s[0])) &&
                      std::isalpha(static_cast<unsigned char>(s[1]));
      if (!ok)
        fail(path + ".licensure_states[" + std::to_string(i) + "]",
             "'" + s + "' must be a two-letter state code such as \"CA\"");
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
  }

  std::vector<Affiliation> affiliations(const json& obj, const std::string& path) const {
    std::vector<Affiliation> out;
    const auto it = obj.find("affiliations");
    if (it == obj.end() || it->is_null()) return out;
    const std::string here = path + ".affiliations";
    if (!it->is_array()) fail(here, "must be a list of {\"kind\", \"name\"} objects");
    if (it->size() > kMaxListItems) fail(here, "has more than " + std::to_string(kMaxListItems) + " entries");
    const auto& kinds = affiliation_kinds();
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string at = here + "[" + std::to_string(i) + "]";
      const json& a = (*it)[i];
      if (!a.is_object()) fail(at, "must be an object with \"kind\" and \"name\"");
      Affiliation af;
      af.kind = to_lower(required_text(a, "kind", at));
      if (std::find(kinds.begin(), kinds.end(), af.kind) == kinds.end())
        fail(at + ".kind", "'" + af.kind + "' must be one of: " + join(kinds, ", "));
      af.name = required_text(a, "name", at);
      out.push_back(std::move(af));
    }
    return out;
  }

  Reviewer reviewer(const json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, "must be an object");
    for (const auto& [key, value] : j.items())
      if (!kFields.count(key)) fail(path + "." + key, "is not a reviewer field");
    Reviewer r;
    r.id = required_text(j, "id", path);
    r.name = required_text(j, "name", path);
    r.licensure_states = states(j, path);
    r.board_certifications = texts(j, "board_certifications", path);
    r.specialties = specialties(j, "specialties", path);
    r.subspecialties = specialties(j, "subspecialties", path);
    if (r.specialties.empty() && r.subspecialties.empty())
      fail(path + ".specialties", "must list at least one specialty");
    r.years_in_practice = number(j, "years_in_practice", path);
    r.hours_per_week = number(j, "hours_per_week", path);
    if (r.hours_per_week > 168) fail(path + ".hours_per_week", "cannot exceed 168");
    if (const auto it = j.find("active"); it != j.end() && !it->is_null()) {
      if (!it->is_boolean()) fail(path + ".active", "must be true or false");
      r.active = it->get<bool>();
    }
    r.affiliations = affiliations(j, path);
    return r;
  }

 private:
  const std::string& file_;
  const SpecialtyMap* map_;
};

std::vector<Reviewer> parse(std::string_view text, const std::string& file, const SpecialtyMap* map) {
  const json root = parse_json_input(text, file);
  if (!root.is_object()) throw InputError(file, "expected an object with a \"reviewers\" list");
  const auto it = root.find("reviewers");
  if (it == root.end() || !it->is_array())
    throw InputError(file, "reviewers must be a list of reviewer objects");
  if (it->size() > kMaxReviewers)
    throw InputError(file, "reviewers has more than " + std::to_string(kMaxReviewers) + " entries");
  const Reader reader(file, map);
  std::vector<Reviewer> out;
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string path = "reviewers[" + std::to_string(i) + "]";
    Reviewer r = reader.reviewer((*it)[i], path);
    if (!ids.insert(to_lower(r.id)).second) reader.fail(path + ".id", "'" + r.id + "' is used twice");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<Reviewer> parse_reviewer_registry(std::string_view json, const std::string& file) {
  return parse(json, file, nullptr);
}

std::vector<Reviewer> parse_reviewer_registry(std::string_view json, const std::string& file,
                                              const SpecialtyMap& specialties) {
  return parse(json, file, &specialties);
}

}  // namespace imr
