#include "assess/vocabulary.h"

#include <yaml-cpp/yaml.h>

#include "core/error.h"
#include "core/file.h"
#include "extract/lexicon.h"
#include "intake/drug_table.h"
#include "intake/request_services.h"

namespace imr {
namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

std::map<std::string, std::string> code_map(const YAML::Node& node, const std::string& file,
                                            const char* what) {
  std::map<std::string, std::string> out;
  if (!node) return out;
  if (!node.IsMap()) throw DataError(file, line_of(node), std::string("'") + what + "' must be a map of code: meaning");
  for (const auto& kv : node) {
    const std::string code = kv.first.as<std::string>();
    if (code.empty() || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
      throw DataError(file, line_of(kv.first), "code '" + code + "' must be lower-case snake_case");
    if (!out.emplace(code, kv.second.IsScalar() ? kv.second.as<std::string>() : std::string()).second)
      throw DataError(file, line_of(kv.first), "duplicate code '" + code + "'");
  }
  return out;
}

const std::set<std::string>& empty_set() {
  static const std::set<std::string> kEmpty;
  return kEmpty;
}

}  // namespace

Vocabulary Vocabulary::load(const std::string& file) { return parse(read_file(file), file); }

Vocabulary Vocabulary::parse(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw DataError(file, 1, "the vocabulary must be a YAML map");
  Vocabulary v;
  try {
    if (root["version"]) v.version_ = root["version"].as<std::string>();
    const YAML::Node kinds = root["fact_kinds"];
    if (!kinds || !kinds.IsMap()) throw DataError(file, 1, "missing 'fact_kinds' map");
    std::set<std::string> fact_kinds;
    for (const auto& kv : kinds) {
      FactKindVocabulary k;
      k.kind = kv.first.as<std::string>();
      const int line = line_of(kv.first);
      if (!fact_kind_from_string(k.kind)) throw DataError(file, line, "unknown fact kind '" + k.kind + "'");
      if (!fact_kinds.insert(k.kind).second) throw DataError(file, line, "fact kind '" + k.kind + "' described twice");
      const YAML::Node body = kv.second;
      if (!body.IsMap()) throw DataError(file, line, "fact kind '" + k.kind + "' must be a map");
      if (body["description"]) k.description = body["description"].as<std::string>();
      k.subjects = code_map(body["subjects"], file, "subjects");
      k.qualifiers = code_map(body["qualifiers"], file, "qualifiers");
      if (body["open_subjects"]) k.open_subjects = body["open_subjects"].as<bool>();
      if (const YAML::Node from = body["subjects_from"]) {
        if (!from.IsSequence()) throw DataError(file, line_of(from), "'subjects_from' must be a list of domains");
        for (const auto& d : from) k.subjects_from.push_back(d.as<std::string>());
      }
      v.kinds_.push_back(std::move(k));
    }
    // Every kind the engine extracts is described: a kind added in C++ without its codes
    // would let packs name anything.
    for (int i = 0;; ++i) {
      const auto kind = static_cast<FactKind>(i);
      const std::string name = to_string(kind);
      if (name == "unknown") break;
      if (!fact_kinds.count(name)) throw DataError(file, 0, "fact kind '" + name + "' is not described");
    }
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  std::set<std::string> kind_names;
  for (const auto& k : v.kinds_) {
    kind_names.insert(k.kind);
    std::set<std::string> subjects, qualifiers;
    for (const auto& [code, _] : k.subjects) subjects.insert(code);
    for (const auto& [code, _] : k.qualifiers) qualifiers.insert(code);
    v.domains_[k.kind + ".subject"] = std::move(subjects);
    v.domains_[k.kind + ".qualifier"] = std::move(qualifiers);
    if (k.open_subjects) v.open_domains_.insert(k.kind + ".subject");
  }
  v.domains_["fact_kind"] = std::move(kind_names);
  return v;
}

void Vocabulary::add_lexicon(const Lexicon& lexicon) {
  for (const auto& e : lexicon.entries()) {
    const std::string kind = to_string(e.kind);
    for (auto& k : kinds_)
      if (k.kind == kind) {
        k.subjects.emplace(e.subject, e.description);
        if (!e.qualifier.empty()) k.qualifiers.emplace(e.qualifier, "");
      }
    domains_[kind + ".subject"].insert(e.subject);
    if (!e.qualifier.empty()) domains_[kind + ".qualifier"].insert(e.qualifier);
  }
}

void Vocabulary::add_domain(const std::string& name, std::set<std::string> codes) {
  domains_[name] = std::move(codes);
}

void Vocabulary::add_tables(const DrugTable& drugs, const ServiceTable& services,
                            const std::set<std::string>& request_flags) {
  add_domain("request_flag", request_flags);
  std::set<std::string> keys, classes, topics, service_topics, regions;
  for (const auto& d : drugs.drugs()) {
    keys.insert(d.key);
    classes.insert(d.drug_class);
    topics.insert(d.topic);
  }
  for (const auto& s : services.services()) {
    service_topics.insert(s.topic);
    for (const auto& [_, t] : s.topic_when) service_topics.insert(t);
    for (const auto& [_, t] : s.topic_by_region) service_topics.insert(t);
  }
  for (const auto& r : services.body_regions().regions()) regions.insert(r.id);
  regions.insert("multiple");
  regions.insert("unspecified");
  add_domain("drug", std::move(keys));
  add_domain("drug_class", std::move(classes));
  add_domain("drug_topic", std::move(topics));
  add_domain("service_topic", std::move(service_topics));
  add_domain("body_region", std::move(regions));
  std::set<std::string> any_topic = codes("drug_topic");
  for (const auto& t : codes("service_topic")) any_topic.insert(t);
  add_domain("topic", std::move(any_topic));
  std::set<std::string> class_or_drug = codes("drug_class");
  for (const auto& d : codes("drug")) class_or_drug.insert(d);
  add_domain("drug_class_or_drug", std::move(class_or_drug));
  // The parsed request's fields (intake/request.h): mechanism, not medicine.
  add_domain("request_number_field", {"visits", "quantity", "per_week", "weeks", "hours_per_day", "hours_per_week",
                                      "duration_days", "days_supply", "refills", "spinal_levels", "units_per_day"});
  add_domain("request_text_field", {"body_region", "acquisition", "dosage_form", "route", "frequency", "service"});
  std::set<std::string> fields = codes("request_number_field");
  for (const auto& f : codes("request_text_field")) fields.insert(f);
  add_domain("request_field", std::move(fields));
  add_domain("course_scope", {"class", "drug"});
  // Subjects drawn from other domains ("a prior trial of an NSAID").
  for (const auto& k : kinds_)
    for (const auto& from : k.subjects_from) {
      auto it = domains_.find(from);
      if (it == domains_.end()) continue;
      auto& subjects = domains_[k.kind + ".subject"];
      subjects.insert(it->second.begin(), it->second.end());
    }
}

bool Vocabulary::has_domain(const std::string& domain) const {
  return domains_.count(domain) > 0 || open_domains_.count(domain) > 0;
}

bool Vocabulary::knows(const std::string& domain, const std::string& code) const {
  if (open_domains_.count(domain)) return true;
  auto it = domains_.find(domain);
  return it != domains_.end() && it->second.count(code) > 0;
}

const std::set<std::string>& Vocabulary::codes(const std::string& domain) const {
  auto it = domains_.find(domain);
  return it == domains_.end() ? empty_set() : it->second;
}

const FactKindVocabulary* Vocabulary::kind(FactKind k) const {
  const std::string name = to_string(k);
  for (const auto& v : kinds_)
    if (v.kind == name) return &v;
  return nullptr;
}

}  // namespace imr
