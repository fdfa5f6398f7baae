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

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

template <typename Entry>
std::vector<Entry> parse_list(const YAML::Node& root, const char* list, bool needs_topic,
                              const std::string& file) {
  std::vector<Entry> out;
  const YAML::Node items = root[list];
  if (!items) return out;
  if (!items.IsSequence())
    throw DataError(file, line_of(items), std::string("'") + list + "' must be a list");
  for (const auto& item : items) {
    if (!item.IsMap()) throw DataError(file, line_of(item), "each entry must be a map");
    Entry e;
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
    if constexpr (requires { e.topic; }) {
      if (needs_topic) {
        if (!item["topic"] || !item["topic"].IsScalar() || item["topic"].as<std::string>().empty())
          throw DataError(file, e.line, "service '" + e.name + "' is missing 'topic'");
        e.topic = item["topic"].as<std::string>();
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

template <typename Entry>
void check_unique(const std::vector<Entry>& entries, const std::string& file) {
  std::map<std::string, std::string> seen;
  for (const auto& e : entries)
    for (const auto& s : e.synonyms) {
      auto [it, inserted] = seen.emplace(to_lower(trim(s)), e.name);
      if (!inserted && it->second != e.name)
        throw DataError(file, e.line,
                        "name '" + s + "' is used by both '" + it->second + "' and '" + e.name + "'");
    }
}

template <typename Entry>
std::vector<std::pair<std::string, size_t>> name_index(const std::vector<Entry>& entries) {
  std::vector<std::pair<std::string, size_t>> out;
  for (size_t i = 0; i < entries.size(); ++i)
    for (const auto& s : entries[i].synonyms) {
      std::string lower = to_lower(trim(s));
      if (!lower.empty()) out.emplace_back(std::move(lower), i);
    }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return out;
}

template <typename Entry>
std::optional<std::pair<const Entry*, Span>> find_in(
    std::string_view lower, const std::vector<std::pair<std::string, size_t>>& index,
    const std::vector<Entry>& entries) {
  std::vector<std::string_view> names;
  names.reserve(index.size());
  for (const auto& [name, i] : index) names.push_back(name);
  auto hit = find_earliest_name(lower, names);
  if (!hit) return std::nullopt;
  return std::make_pair(&entries[index[hit->first].second], hit->second);
}

}  // namespace

std::optional<std::pair<size_t, Span>> find_earliest_name(
    std::string_view lower, const std::vector<std::string_view>& names) {
  std::optional<std::pair<size_t, Span>> best;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    if (name.empty()) continue;
    size_t from = 0;
    while (from < lower.size()) {
      const size_t at = lower.find(name, from);
      if (at == std::string_view::npos) break;
      if (best && at >= best->second.start) break;  // cannot beat the best (names longest first)
      const size_t end = at + name.size();
      const bool left_ok = at == 0 || !is_word_char(lower[at - 1]) || !is_word_char(name.front());
      const bool right_ok =
          end == lower.size() || !is_word_char(lower[end]) || !is_word_char(name.back());
      if (left_ok && right_ok) {
        best = std::make_pair(i, Span{at, end});
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

ServiceTable ServiceTable::load(const std::string& path) { return parse(read_file(path), path); }

ServiceTable ServiceTable::parse(std::string_view yaml, const std::string& file) {
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
    table.services_ = parse_list<ServiceEntry>(root, "services", true, file);
    table.regions_ = parse_list<BodyRegion>(root, "regions", false, file);
    table.flags_ = parse_list<RequestFlag>(root, "flags", false, file);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  check_unique(table.services_, file);
  check_unique(table.regions_, file);
  table.index();
  return table;
}

void ServiceTable::index() {
  service_names_ = name_index(services_);
  region_names_ = name_index(regions_);
}

std::optional<std::pair<const ServiceEntry*, Span>> ServiceTable::find_service(
    std::string_view lower) const {
  return find_in(lower, service_names_, services_);
}

std::vector<std::string> ServiceTable::flags_in(std::string_view lower) const {
  std::vector<std::string> out;
  for (const auto& flag : flags_) {
    std::vector<std::string> lowered;
    for (const auto& s : flag.synonyms) lowered.push_back(to_lower(trim(s)));
    std::stable_sort(lowered.begin(), lowered.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<std::string_view> names(lowered.begin(), lowered.end());
    if (find_earliest_name(lower, names)) out.push_back(flag.name);
  }
  return out;
}

std::optional<std::pair<const BodyRegion*, Span>> ServiceTable::find_region(
    std::string_view lower) const {
  return find_in(lower, region_names_, regions_);
}

}  // namespace imr
