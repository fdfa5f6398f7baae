#include "intake/request_services.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.h"
#include "core/file.h"

namespace imr {
namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

// A map of text -> text ("topic_when: {preoperative: preop_ekg}"), in file order.
std::vector<std::pair<std::string, std::string>> text_map(const YAML::Node& item, const char* key,
                                                          const std::string& file) {
  std::vector<std::pair<std::string, std::string>> out;
  const YAML::Node n = item[key];
  if (!n) return out;
  if (!n.IsMap()) throw DataError(file, line_of(n), std::string("'") + key + "' must be a map");
  for (const auto& kv : n) {
    if (!kv.second.IsScalar() || kv.second.as<std::string>().empty())
      throw DataError(file, line_of(kv.second), std::string("'") + key + "' values must be topics");
    out.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
  }
  return out;
}

std::vector<ServiceEntry> parse_services(const YAML::Node& items, const std::string& file) {
  std::vector<ServiceEntry> out;
  for (const auto& item : items) {
    if (!item.IsMap()) throw DataError(file, line_of(item), "each entry must be a map");
    ServiceEntry e;
    e.line = line_of(item);
    if (!item["name"] || !item["name"].IsScalar() || item["name"].as<std::string>().empty())
      throw DataError(file, e.line, "entry is missing 'name'");
    e.name = item["name"].as<std::string>();
    const YAML::Node syn = item["synonyms"];
    if (syn) {
      if (!syn.IsSequence()) throw DataError(file, line_of(syn), "'synonyms' must be a list");
      for (const auto& s : syn) e.synonyms.push_back(s.as<std::string>());
    }
    if (std::find(e.synonyms.begin(), e.synonyms.end(), e.name) == e.synonyms.end())
      e.synonyms.push_back(e.name);
    if (!item["topic"] || !item["topic"].IsScalar() || item["topic"].as<std::string>().empty())
      throw DataError(file, e.line, "service '" + e.name + "' is missing 'topic'");
    e.topic = item["topic"].as<std::string>();
    if (item["generic"]) e.generic = item["generic"].as<bool>();
    e.topic_when = text_map(item, "topic_when", file);
    e.topic_by_region = text_map(item, "topic_by_region", file);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<ServiceQualifier> parse_qualifiers(const YAML::Node& root, const std::string& file) {
  std::vector<ServiceQualifier> out;
  const YAML::Node n = root["qualifiers"];
  if (!n) return out;
  if (!n.IsMap()) throw DataError(file, line_of(n), "'qualifiers' must be a map of lists");
  for (const auto& kv : n) {
    ServiceQualifier q;
    q.name = kv.first.as<std::string>();
    q.line = line_of(kv.second);
    if (!kv.second.IsSequence() || kv.second.size() == 0)
      throw DataError(file, q.line, "qualifier '" + q.name + "' must list its words");
    for (const auto& w : kv.second) q.words.push_back(to_lower(trim(w.as<std::string>())));
    q.index = NameIndex(q.words);
    out.push_back(std::move(q));
  }
  return out;
}

void check_unique(const std::vector<ServiceEntry>& entries, const std::string& file) {
  std::map<std::string, std::string> seen;
  for (const auto& e : entries)
    for (const auto& s : e.synonyms) {
      auto [it, inserted] = seen.emplace(to_lower(trim(s)), e.name);
      if (!inserted && it->second != e.name)
        throw DataError(file, e.line,
                        "name '" + s + "' is used by both '" + it->second + "' and '" + e.name + "'");
    }
}

void check_topics(const std::vector<ServiceEntry>& entries, const std::vector<ServiceQualifier>& qualifiers,
                  const BodyRegionTable& regions, const std::string& file) {
  for (const auto& e : entries) {
    for (const auto& entry : e.topic_when) {
      const std::string& q = entry.first;  // not a structured binding: clang 14 cannot capture one
      if (std::none_of(qualifiers.begin(), qualifiers.end(), [&](const auto& x) { return x.name == q; }))
        throw DataError(file, e.line, "service '" + e.name + "': topic_when names '" + q + "', which is not a qualifier");
    }
    for (const auto& [region, topic] : e.topic_by_region)
      if (!regions.find(region))
        throw DataError(file, e.line, "service '" + e.name + "': topic_by_region names '" + region +
                                          "', which is not a body region");
  }
}

std::vector<std::pair<std::string, size_t>> name_index(const std::vector<ServiceEntry>& entries, bool generic) {
  std::vector<std::pair<std::string, size_t>> out;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].generic != generic) continue;
    for (const auto& s : entries[i].synonyms) {
      std::string lower = to_lower(trim(s));
      if (!lower.empty()) out.emplace_back(std::move(lower), i);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return out;
}

std::optional<std::pair<const ServiceEntry*, Span>> find_in(
    std::string_view lower, const NameIndex& index, const std::vector<std::pair<std::string, size_t>>& names,
    const std::vector<ServiceEntry>& entries) {
  auto hit = index.find_earliest(lower);
  if (!hit) return std::nullopt;
  return std::make_pair(&entries[names[hit->first].second], hit->second);
}

NameIndex index_of(const std::vector<std::pair<std::string, size_t>>& names) {
  std::vector<std::string> texts;
  for (const auto& [name, i] : names) texts.push_back(name);
  return NameIndex(std::move(texts));
}

}  // namespace

ServiceTable ServiceTable::load(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  return load(path, dir + "body_regions.yaml");
}

ServiceTable ServiceTable::load(const std::string& path, const std::string& regions_path) {
  return parse(read_file(path), path, BodyRegionTable::load(regions_path));
}

ServiceTable ServiceTable::parse(std::string_view yaml, const std::string& file, BodyRegionTable regions) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  ServiceTable table;
  try {
    if (!root.IsMap() || !root["services"] || !root["services"].IsSequence())
      throw DataError(file, 1, "expected a map with a 'services' list");
    if (root["regions"])
      throw DataError(file, line_of(root["regions"]), "body regions are read from body_regions.yaml, not here");
    table.services_ = parse_services(root["services"], file);
    table.qualifiers_ = parse_qualifiers(root, file);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  check_unique(table.services_, file);
  check_topics(table.services_, table.qualifiers_, regions, file);
  table.regions_ = std::move(regions);
  table.index();
  return table;
}

void ServiceTable::index() {
  service_names_ = name_index(services_, false);
  generic_names_ = name_index(services_, true);
  service_index_ = index_of(service_names_);
  generic_index_ = index_of(generic_names_);
}

std::optional<std::pair<const ServiceEntry*, Span>> ServiceTable::find_service(
    std::string_view lower) const {
  if (auto hit = find_in(lower, service_index_, service_names_, services_)) return hit;
  return find_in(lower, generic_index_, generic_names_, services_);
}

std::vector<std::string> ServiceTable::flags_in(std::string_view lower) const {
  std::vector<std::string> out;
  for (const auto& q : qualifiers_)
    if (q.index.find_earliest(lower)) out.push_back(q.name);
  return out;
}

std::string ServiceTable::topic_for(const ServiceEntry& service, std::string_view lower,
                                    const RegionReading& regions) const {
  for (const auto& [qualifier, topic] : service.topic_when)
    for (const auto& q : qualifiers_)
      if (q.name == qualifier && q.index.find_earliest(lower)) return topic;
  if (regions.regions.size() == 1)
    for (const auto& [region, topic] : service.topic_by_region)
      if (region == regions.regions.front()) return topic;
  return service.topic;
}

}  // namespace imr
