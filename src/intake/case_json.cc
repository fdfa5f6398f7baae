#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json_input.h"
#include "core/limits.h"
#include "intake/case.h"

namespace imr {
namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw InputError(file_, path.empty() ? problem : path + " " + problem);
  }

  std::string string(const json& obj, const char* key, const std::string& path,
                     bool required = false) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) fail(path + "." + key, "is missing");
      return {};
    }
    if (!it->is_string()) fail(path + "." + key, "must be a string");
    return it->get<std::string>();
  }

  std::optional<Date> date(const json& obj, const char* key, const std::string& path) const {
    const std::string text = string(obj, key, path);
    if (text.empty()) return std::nullopt;
    auto d = parse_date(text);
    if (!d) fail(path + "." + key, "is not a date: '" + text + "'");
    return d;
  }

  std::vector<std::string> strings(const json& obj, const char* key,
                                   const std::string& path) const {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return out;
    if (!it->is_array()) fail(path + "." + key, "must be a list of strings");
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string())
        fail(path + "." + key + "[" + std::to_string(i) + "]", "must be a string");
      out.push_back((*it)[i].get<std::string>());
    }
    return out;
  }

  const json& object(const json& obj, const char* key, const std::string& path) const {
    static const json kNull;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return kNull;
    if (!it->is_object()) fail(path + "." + key, "must be an object");
    return *it;
  }

 private:
  const std::string& file_;
};

ReviewerProfile reviewer_from(const json& j, const Reader& r, const std::string& path) {
  ReviewerProfile p;
  p.licensure = r.strings(j, "licensure", path);
  p.certifications = r.strings(j, "certifications", path);
  p.subspecialties = r.strings(j, "subspecialties", path);
  return p;
}

json parse_json(std::string_view text, const std::string& file) {
  return parse_json_input(text, file);
}

}  // namespace

std::optional<Date> Case::request_date() const {
  if (ur && ur->date) return ur->date;
  std::optional<Date> latest;
  for (const auto& r : records)
    if (r.date && (!latest || r.date->last_day() > latest->last_day())) latest = r.date;
  return latest;
}

Case parse_case_json(std::string_view text, const std::string& file) {
  const json root = parse_json(text, file);
  const Reader r(file);
  if (!root.is_object()) r.fail("", "the case must be a JSON object");
  Case c;
  c.case_id = r.string(root, "case_id", "");
  if (const json& cl = r.object(root, "claimant", ""); cl.is_object()) {
    if (auto it = cl.find("age"); it != cl.end() && !it->is_null()) {
      if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 120)
        r.fail("claimant.age", "must be a whole number of years (0-120)");
      c.claimant.age = it->get<int>();
    }
    c.claimant.sex = r.string(cl, "sex", "claimant");
    if (!c.claimant.sex.empty() && c.claimant.sex != "male" && c.claimant.sex != "female")
      r.fail("claimant.sex", "must be \"male\" or \"female\"");
  }
  c.date_of_injury = r.date(root, "date_of_injury", "");
  c.diagnoses = r.strings(root, "diagnoses", "");

  const auto records = root.find("records");
  if (records == root.end() || !records->is_array() || records->empty())
    r.fail("records", "must be a non-empty list of {date, title, text}");
  if (records->size() > limits::kMaxRecordsPerCase)
    r.fail("records", "has more than " + std::to_string(limits::kMaxRecordsPerCase) + " records (the limit)");
  size_t case_text = 0;
  for (size_t i = 0; i < records->size(); ++i) {
    const std::string path = "records[" + std::to_string(i) + "]";
    const json& rec = (*records)[i];
    if (!rec.is_object()) r.fail(path, "must be an object");
    Record out;
    out.date = r.date(rec, "date", path);
    out.title = r.string(rec, "title", path);
    out.text = r.string(rec, "text", path, /*required=*/true);
    if ((case_text += out.text.size()) > limits::kMaxCaseTextBytes)
      r.fail("records", "hold more than " + std::to_string(limits::kMaxCaseTextBytes) + " bytes of text (the limit)");
    c.records.push_back(std::move(out));
  }

  if (const json& ur = r.object(root, "ur", ""); ur.is_object()) {
    UrDecision d;
    d.date = r.date(ur, "date", "ur");
    if (auto it = ur.find("items"); it != ur.end() && !it->is_null()) {
      if (!it->is_array()) r.fail("ur.items", "must be a list");
      if (it->size() > limits::kMaxItemsPerCase)
        r.fail("ur.items", "has more than " + std::to_string(limits::kMaxItemsPerCase) + " items (the limit)");
      for (size_t i = 0; i < it->size(); ++i) {
        const std::string path = "ur.items[" + std::to_string(i) + "]";
        const json& item = (*it)[i];
        if (!item.is_object()) r.fail(path, "must be an object");
        UrItem u;
        u.request = r.string(item, "request", path);
        u.action = r.string(item, "action", path);
        if (!u.action.empty() && u.action != "denied" && u.action != "modified" &&
            u.action != "delayed")
          r.fail(path + ".action", "must be \"denied\", \"modified\" or \"delayed\"");
        u.certified = r.string(item, "certified", path);
        u.guideline = r.string(item, "guideline", path);
        u.date_of_service = r.date(item, "date_of_service", path);
        d.items.push_back(std::move(u));
      }
    }
    c.ur = std::move(d);
  }

  c.requests = r.strings(root, "requests", "");
  if (c.requests.empty()) r.fail("requests", "must list at least one disputed request");
  if (c.requests.size() > limits::kMaxItemsPerCase)
    r.fail("requests", "lists more than " + std::to_string(limits::kMaxItemsPerCase) + " disputed requests (the limit)");
  for (size_t i = 0; i < c.requests.size(); ++i)
    if (c.requests[i].find_first_not_of(" \t\r\n") == std::string::npos)
      r.fail("requests[" + std::to_string(i) + "]", "is empty");

  if (const json& rv = r.object(root, "reviewer", ""); rv.is_object())
    c.reviewer = reviewer_from(rv, r, "reviewer");
  return c;
}

ReviewerProfile parse_reviewer_json(std::string_view text, const std::string& file) {
  const json root = parse_json(text, file);
  const Reader r(file);
  if (!root.is_object()) r.fail("", "the reviewer profile must be a JSON object");
  return reviewer_from(root, r, "");
}

}  // namespace imr
