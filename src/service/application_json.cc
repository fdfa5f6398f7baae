// Parsing an IMR application (docs/application-format.md).
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/json_input.h"
#include "service/application.h"
#include "service/calendar.h"

namespace imr {
namespace {

using nlohmann::json;

std::string join_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

class Reader {
 public:
  explicit Reader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw InputError(file_, path.empty() ? problem : path + " " + problem);
  }

  // Refuses fields the format does not define (a misspelt field would otherwise be lost).
  void only(const json& obj, const std::string& path,
            std::initializer_list<const char*> keys) const {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool known = false;
      for (const char* k : keys) known = known || it.key() == k;
      if (!known) throw InputError(file_, "unknown field '" + join_path(path, it.key()) + "'");
    }
  }

  std::string string(const json& obj, const char* key, const std::string& path,
                     bool required = false) const {
    const std::string p = join_path(path, key);
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) fail(p, "is missing");
      return {};
    }
    if (!it->is_string()) fail(p, "must be a string");
    std::string s = it->get<std::string>();
    if (s.size() > kMaxApplicationField)
      fail(p, "is too long (over " + std::to_string(kMaxApplicationField) + " characters)");
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) fail(p, "is empty");
    return s;
  }

  std::string one_of(const json& obj, const char* key, const std::string& path,
                     std::initializer_list<const char*> allowed, const char* expected) const {
    std::string s = string(obj, key, path);
    if (s.empty()) return s;
    for (const char* a : allowed)
      if (s == a) return s;
    fail(join_path(path, key), std::string("must be ") + expected);
  }

  std::optional<Date> date(const json& obj, const char* key, const std::string& path,
                           bool required = false) const {
    const std::string text = string(obj, key, path, required);
    if (text.empty()) return std::nullopt;
    auto d = parse_iso_day(text);
    if (!d) fail(join_path(path, key), "is not a YYYY-MM-DD date: '" + text + "'");
    return d;
  }

  bool boolean(const json& obj, const char* key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return false;
    if (!it->is_boolean()) fail(join_path(path, key), "must be true or false");
    return it->get<bool>();
  }

  // The object at key, or null when absent.
  const json& object(const json& obj, const char* key, const std::string& path,
                     bool required = false) const {
    static const json kNull;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) fail(join_path(path, key), "is missing");
      return kNull;
    }
    if (!it->is_object()) fail(join_path(path, key), "must be an object");
    return *it;
  }

 private:
  const std::string& file_;
};

json parse_json(std::string_view text, const std::string& file) {
  if (text.size() > kMaxApplicationBytes)
    throw InputError(file, "the application is larger than " +
                               std::to_string(kMaxApplicationBytes / 1024) + " KB");
  return parse_json_input(text, file);
}

Party party_from(const json& j, const Reader& r, const std::string& path, bool name_required) {
  r.only(j, path, {"name", "address", "phone", "email", "firm"});
  Party p;
  p.name = r.string(j, "name", path, name_required);
  p.address = r.string(j, "address", path);
  p.phone = r.string(j, "phone", path);
  p.email = r.string(j, "email", path);
  p.firm = r.string(j, "firm", path);
  return p;
}

ApplicationUr ur_from(const json& j, const Reader& r) {
  const std::string path = "ur_decision";
  r.only(j, path, {"date", "served", "service_method", "basis", "items"});
  ApplicationUr ur;
  ur.date = r.date(j, "date", path);
  ur.served = r.date(j, "served", path);
  if (ur.date && ur.served && ur.served->first_day() < ur.date->first_day())
    r.fail("ur_decision.served",
           "(" + ur.served->iso() + ") is before the decision date (" + ur.date->iso() + ")");
  ur.service_method = r.one_of(j, "service_method", path, {"mail", "electronic", "personal"},
                               "\"mail\", \"electronic\" or \"personal\"");
  const std::string basis = r.one_of(
      j, "basis", path, {"medical_necessity", "missing_information", "not_medical_necessity"},
      "\"medical_necessity\", \"missing_information\" or \"not_medical_necessity\"");
  if (!basis.empty()) ur.basis = basis;
  if (auto it = j.find("items"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) r.fail("ur_decision.items", "must be a list");
    if (it->size() > kMaxApplicationItems)
      r.fail("ur_decision.items",
             "has more than " + std::to_string(kMaxApplicationItems) + " items");
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string p = "ur_decision.items[" + std::to_string(i) + "]";
      const json& item = (*it)[i];
      if (!item.is_object()) r.fail(p, "must be an object");
      r.only(item, p, {"request", "action", "certified", "guideline"});
      ApplicationUrItem u;
      u.request = r.string(item, "request", p, /*required=*/true);
      u.action = r.string(item, "action", p, /*required=*/true);
      if (u.action != "denied" && u.action != "modified" && u.action != "delayed")
        r.fail(p + ".action", "must be \"denied\", \"modified\" or \"delayed\"");
      u.certified = r.string(item, "certified", p);
      u.guideline = r.string(item, "guideline", p);
      ur.items.push_back(std::move(u));
    }
  }
  return ur;
}

}  // namespace

Application parse_application_json(std::string_view text, const std::string& file) {
  const json root = parse_json(text, file);
  const Reader r(file);
  if (!root.is_object()) r.fail("", "the application must be a JSON object");
  r.only(root, "",
         {"application_id", "received", "expedited", "signed", "signed_by", "worker",
          "claim_number", "date_of_injury", "employer", "claims_administrator", "insurer",
          "requesting_physician", "representative", "liability_disputed", "ur_decision"});
  Application a;
  a.application_id = r.string(root, "application_id", "", /*required=*/true);
  a.received = *r.date(root, "received", "", /*required=*/true);
  a.expedited = r.boolean(root, "expedited", "");
  a.signed_ = r.boolean(root, "signed", "");
  a.signed_by = r.one_of(root, "signed_by", "", {"worker", "representative"},
                         "\"worker\" or \"representative\"");
  if (a.signed_ && a.signed_by.empty())
    r.fail("signed_by", "is missing: say who signed (\"worker\" or \"representative\")");
  if (!a.signed_ && !a.signed_by.empty())
    r.fail("signed_by", "is given but \"signed\" is not true");

  const json& w = r.object(root, "worker", "", /*required=*/true);
  r.only(w, "worker", {"name", "date_of_birth", "address", "phone"});
  a.worker.name = r.string(w, "name", "worker", /*required=*/true);
  a.worker.date_of_birth = r.date(w, "date_of_birth", "worker");
  a.worker.address = r.string(w, "address", "worker");
  a.worker.phone = r.string(w, "phone", "worker");

  a.claim_number = r.string(root, "claim_number", "");
  a.date_of_injury = r.date(root, "date_of_injury", "");
  if (a.date_of_injury && a.date_of_injury->first_day() > a.received.first_day())
    r.fail("date_of_injury", "(" + a.date_of_injury->iso() +
                                 ") is after the application was received (" + a.received.iso() +
                                 ")");
  if (const json& e = r.object(root, "employer", ""); e.is_object())
    a.employer = party_from(e, r, "employer", false);
  if (const json& c = r.object(root, "claims_administrator", ""); c.is_object())
    a.claims_administrator = party_from(c, r, "claims_administrator", false);
  a.insurer = r.string(root, "insurer", "");

  const json& ph = r.object(root, "requesting_physician", "", /*required=*/true);
  r.only(ph, "requesting_physician", {"name", "specialty", "medical_group", "address", "phone"});
  a.requesting_physician.name = r.string(ph, "name", "requesting_physician", true);
  a.requesting_physician.specialty = r.string(ph, "specialty", "requesting_physician");
  a.requesting_physician.medical_group = r.string(ph, "medical_group", "requesting_physician");
  a.requesting_physician.address = r.string(ph, "address", "requesting_physician");
  a.requesting_physician.phone = r.string(ph, "phone", "requesting_physician");

  if (const json& rep = r.object(root, "representative", ""); rep.is_object())
    a.representative = party_from(rep, r, "representative", true);
  a.liability_disputed = r.boolean(root, "liability_disputed", "");
  if (const json& ur = r.object(root, "ur_decision", ""); ur.is_object()) a.ur = ur_from(ur, r);
  a.json = root.dump();
  return a;
}

}  // namespace imr
