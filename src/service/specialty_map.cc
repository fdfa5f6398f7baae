#include "service/specialty_map.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/error.h"
#include "core/file.h"
#include "core/text.h"

namespace imr {
namespace {

// Request text beyond this is not searched (bounded work on untrusted input).
constexpr size_t kMaxMentionText = 4000;

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char ch : text.substr(0, std::min(text.size(), kMaxMentionText))) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string key_of(std::string_view name) { return to_lower(collapse_whitespace(name)); }

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

const std::set<std::string, std::less<>> kRuleFields = {"topic", "drug_class", "service",
                                                         "when_request_mentions", "specialties"};

std::string scalar(const YAML::Node& n, const std::string& file, const std::string& what) {
  if (!n.IsScalar() || trim(n.as<std::string>()).empty())
    throw DataError(file, line_of(n), what + " must be a non-empty text value");
  return std::string(trim(n.as<std::string>()));
}

std::vector<std::pair<std::string, int>> scalar_list(const YAML::Node& n, const std::string& file,
                                                     const std::string& what) {
  if (!n.IsSequence() || n.size() == 0)
    throw DataError(file, line_of(n), what + " must be a non-empty list");
  std::vector<std::pair<std::string, int>> out;
  for (const auto& item : n) out.emplace_back(scalar(item, file, "each of " + what), line_of(item));
  return out;
}

std::string describe_key(const SpecialtyRule& r) {
  if (!r.topic.empty()) return "topic '" + r.topic + "'";
  if (!r.drug_class.empty()) return "drug class '" + r.drug_class + "'";
  return "service '" + r.service + "'";
}

}  // namespace

bool mentions_words(std::string_view text, std::string_view phrase) {
  const auto hay = words_of(text);
  const auto needle = words_of(phrase);
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i)))
      return true;
  return false;
}

SpecialtyMap SpecialtyMap::load(const std::string& path) { return parse(read_file(path), path); }

SpecialtyMap SpecialtyMap::parse(std::string_view yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  SpecialtyMap map;
  map.file_ = file;
  try {
    if (!root.IsMap() || !root["specialties"] || !root["rules"])
      throw DataError(file, 1, "expected a map with a 'specialties' list and a 'rules' list");
    map.version_ = root["version"] ? root["version"].as<std::string>() : "unversioned";

    std::set<std::string> seen;
    for (const auto& [name, line] : scalar_list(root["specialties"], file, "'specialties'")) {
      if (!seen.insert(key_of(name)).second)
        throw DataError(file, line, "specialty '" + name + "' is listed twice");
      map.specialties_.push_back(collapse_whitespace(name));
    }

    const YAML::Node rules = root["rules"];
    if (!rules.IsSequence()) throw DataError(file, line_of(rules), "'rules' must be a list");
    std::set<std::string> unconditional;  // keys mapped without words
    for (const auto& entry : rules) {
      if (!entry.IsMap()) throw DataError(file, line_of(entry), "each rule must be a map");
      SpecialtyRule r;
      r.line = line_of(entry);
      for (const auto& kv : entry) {
        const std::string field = kv.first.as<std::string>();
        if (!kRuleFields.count(field))
          throw DataError(file, line_of(kv.first), "unknown field '" + field + "' in a rule");
      }
      int keys = 0;
      if (entry["topic"]) r.topic = scalar(entry["topic"], file, "'topic'"), ++keys;
      if (entry["drug_class"]) r.drug_class = scalar(entry["drug_class"], file, "'drug_class'"), ++keys;
      if (entry["service"]) r.service = to_lower(scalar(entry["service"], file, "'service'")), ++keys;
      if (keys != 1)
        throw DataError(file, r.line, "a rule needs exactly one of 'topic', 'drug_class' or 'service'");
      if (entry["when_request_mentions"])
        for (const auto& [word, line] :
             scalar_list(entry["when_request_mentions"], file, "'when_request_mentions'")) {
          if (words_of(word).empty())
            throw DataError(file, line, "'" + word + "' has no letters or digits to match");
          r.when_request_mentions.push_back(to_lower(word));
        }
      if (!entry["specialties"])
        throw DataError(file, r.line, describe_key(r) + ": the rule lists no 'specialties'");
      for (const auto& [name, line] : scalar_list(entry["specialties"], file, "'specialties'")) {
        const auto canon = map.canonical(name);
        if (!canon)
          throw DataError(file, line, "unknown specialty '" + name +
                                          "' (not in the file's 'specialties' list)");
        if (std::find(r.specialties.begin(), r.specialties.end(), *canon) != r.specialties.end())
          throw DataError(file, line, "specialty '" + name + "' is listed twice in one rule");
        r.specialties.push_back(*canon);
      }
      if (r.when_request_mentions.empty() && !unconditional.insert(describe_key(r)).second)
        throw DataError(file, r.line,
                        describe_key(r) + " is mapped twice without 'when_request_mentions'");
      map.rules_.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  return map;
}

std::optional<std::string> SpecialtyMap::canonical(std::string_view name) const {
  const std::string key = key_of(name);
  for (const auto& s : specialties_)
    if (key_of(s) == key) return s;
  return std::nullopt;
}

SpecialtyFit SpecialtyMap::match(const std::string& topic, const std::string& drug_class,
                                 const std::string& service, std::string_view request_text) const {
  const std::string service_key = to_lower(trim(service));
  // Three passes, most specific key first.
  for (int pass = 0; pass < 3; ++pass) {
    const std::string& want = pass == 0 ? topic : pass == 1 ? drug_class : service_key;
    if (want.empty()) continue;
    auto keyed = [&](const SpecialtyRule& r) {
      return (pass == 0 ? r.topic : pass == 1 ? r.drug_class : r.service) == want;
    };
    const SpecialtyRule* fallback = nullptr;
    for (const auto& r : rules_) {
      if (!keyed(r)) continue;
      if (r.when_request_mentions.empty()) {
        if (!fallback) fallback = &r;
        continue;
      }
      for (const auto& word : r.when_request_mentions)
        if (mentions_words(request_text, word))
          return {r.specialties, describe_key(r) + ", as the request mentions '" + word + "'"};
    }
    if (fallback) return {fallback->specialties, describe_key(*fallback)};
  }
  return {};
}

std::vector<std::string> SpecialtyMap::fitting(const std::string& topic,
                                               const std::string& drug_class,
                                               const std::string& service,
                                               std::string_view request_text) const {
  return match(topic, drug_class, service, request_text).specialties;
}

}  // namespace imr
