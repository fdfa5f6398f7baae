#include "intake/body_regions.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.h"
#include "core/file.h"

namespace imr {
namespace {

// Text beyond this is not read for regions (requests are cut to 1000 bytes before).
constexpr size_t kMaxChars = 4000;

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

bool is_snake_case(std::string_view s) {
  if (s.empty() || !std::islower(static_cast<unsigned char>(s.front()))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::vector<std::string> string_list(const YAML::Node& map, const char* key, const std::string& file,
                                     bool required) {
  std::vector<std::string> out;
  const YAML::Node n = map[key];
  if (!n) {
    if (required) throw DataError(file, line_of(map), std::string("missing '") + key + "'");
    return out;
  }
  if (!n.IsSequence()) throw DataError(file, line_of(n), std::string("'") + key + "' must be a list");
  for (const auto& item : n) {
    if (!item.IsScalar() || trim(item.as<std::string>()).empty())
      throw DataError(file, line_of(item), std::string("'") + key + "' holds an empty or non-text entry");
    out.push_back(std::string(trim(item.as<std::string>())));
  }
  if (required && out.empty()) throw DataError(file, line_of(n), std::string("'") + key + "' is empty");
  return out;
}

std::string scalar(const YAML::Node& map, const char* key, const std::string& file, bool required) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) throw DataError(file, line_of(map), std::string("missing '") + key + "'");
    return "";
  }
  if (!n.IsScalar() || n.as<std::string>().empty())
    throw DataError(file, line_of(n), std::string("'") + key + "' must be non-empty text");
  return n.as<std::string>();
}

}  // namespace

BodyRegionTable::BodyRegionTable() = default;
BodyRegionTable::~BodyRegionTable() = default;
BodyRegionTable::BodyRegionTable(BodyRegionTable&&) noexcept = default;
BodyRegionTable& BodyRegionTable::operator=(BodyRegionTable&&) noexcept = default;

BodyRegionTable BodyRegionTable::load(const std::string& path) { return parse(read_file(path), path); }

BodyRegionTable BodyRegionTable::parse(std::string_view yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  BodyRegionTable table;
  // Each word once across the file: lower-case word -> what uses it.
  std::map<std::string, std::string> owner;
  auto claim = [&](const std::string& word, const std::string& who, int line) {
    const auto [it, inserted] = owner.emplace(to_lower(word), who);
    if (!inserted)
      throw DataError(file, line, "word '" + word + "' is used by both " + it->second + " and " + who);
  };
  try {
    if (!root.IsMap() || !root["regions"] || !root["regions"].IsSequence())
      throw DataError(file, 1, "expected a map with a 'regions' list");
    if (root["version"]) table.version_ = root["version"].as<std::string>();

    const YAML::Node sides = root["laterality"];
    if (!sides || !sides.IsMap()) throw DataError(file, 1, "expected a 'laterality' map (left, right, bilateral)");
    const char* side_keys[] = {"left", "right", "bilateral"};
    for (int s = 0; s < 3; ++s)
      for (const auto& w : string_list(sides, side_keys[s], file, true)) {
        claim(w, std::string("laterality '") + side_keys[s] + "'", line_of(sides[side_keys[s]]));
        table.names_.push_back(Name{to_lower(w), kSide, s + 1});
      }

    std::map<std::string, int> ids;
    for (const auto& item : root["regions"]) {
      if (!item.IsMap()) throw DataError(file, line_of(item), "each region must be a map");
      BodyRegion r;
      r.line = line_of(item);
      r.id = scalar(item, "id", file, true);
      if (!is_snake_case(r.id))
        throw DataError(file, r.line, "region id '" + r.id + "' must be snake_case (a-z, 0-9, _)");
      if (r.id == kMultipleRegions || r.id == kUnspecifiedRegion)
        throw DataError(file, r.line, "region id '" + r.id + "' is reserved");
      if (!ids.emplace(r.id, r.line).second) throw DataError(file, r.line, "region id '" + r.id + "' is used twice");
      r.label = scalar(item, "label", file, true);
      r.part_of = scalar(item, "part_of", file, false);
      r.words = string_list(item, "words", file, true);
      r.both_sides = string_list(item, "both_sides", file, false);
      r.left = string_list(item, "left", file, false);
      r.right = string_list(item, "right", file, false);
      r.patterns = string_list(item, "patterns", file, false);
      const std::string who = "region '" + r.id + "'";
      for (const auto* list : {&r.words, &r.both_sides, &r.left, &r.right})
        for (const auto& w : *list) claim(w, who, r.line);
      for (size_t p = 0; p < r.patterns.size(); ++p) {
        re2::RE2::Options options;
        options.set_case_sensitive(false);
        options.set_log_errors(false);
        auto re = std::make_unique<re2::RE2>(r.patterns[p], options);
        if (!re->ok())
          throw DataError(file, line_of(item["patterns"][p]),
                          "pattern '" + r.patterns[p] + "' does not compile: " + re->error());
        table.patterns_.emplace_back(std::move(re), table.regions_.size());
      }
      table.regions_.push_back(std::move(r));
    }
    for (const auto& r : table.regions_)
      if (!r.part_of.empty() && (!ids.count(r.part_of) || r.part_of == r.id))
        throw DataError(file, r.line, "region '" + r.id + "' is part_of '" + r.part_of + "', which is not a region");
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  if (table.regions_.empty()) throw DataError(file, 1, "'regions' is empty");
  table.index();
  return table;
}

void BodyRegionTable::index() {
  for (size_t i = 0; i < regions_.size(); ++i) {
    const BodyRegion& r = regions_[i];
    for (const auto& w : r.words) names_.push_back(Name{to_lower(w), i, 0});
    for (const auto& w : r.left) names_.push_back(Name{to_lower(w), i, 1});
    for (const auto& w : r.right) names_.push_back(Name{to_lower(w), i, 2});
    for (const auto& w : r.both_sides) names_.push_back(Name{to_lower(w), i, 3});
  }
  std::vector<std::string> texts;
  for (const Name& n : names_) texts.push_back(n.text);
  name_index_ = NameIndex(std::move(texts));
}

const BodyRegion* BodyRegionTable::find(std::string_view id) const {
  for (const auto& r : regions_)
    if (r.id == id) return &r;
  return nullptr;
}

RegionReading BodyRegionTable::read(std::string_view text) const {
  const std::string lower = to_lower(text.substr(0, std::min(text.size(), kMaxChars)));
  struct Hit {
    Span span;
    size_t region;
    int side;
  };
  std::vector<Hit> hits;
  // Words: left to right, the longest name at each place, on word boundaries.
  size_t from = 0;
  while (const auto hit = name_index_.find_earliest(lower, from)) {
    const Name& n = names_[hit->first];
    hits.push_back(Hit{hit->second, n.region, n.side});
    from = hit->second.end;
  }
  // Patterns (spinal levels), where no word was found.
  for (const auto& [re, region] : patterns_) {
    size_t pos = 0;
    re2::StringPiece whole;
    while (pos < lower.size() && re->Match(lower, pos, lower.size(), re2::RE2::UNANCHORED, &whole, 1)) {
      const size_t start = static_cast<size_t>(whole.data() - lower.data());
      const Span span{start, start + whole.size()};
      const bool overlaps = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
        return span.start < h.span.end && h.span.start < span.end;
      });
      if (!overlaps) hits.push_back(Hit{span, region, 0});
      pos = std::max(span.end, start + 1);
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.span.start < b.span.start; });

  RegionReading out;
  bool left = false, right = false, both = false;
  std::vector<size_t> named;
  for (const Hit& h : hits) {
    out.spans.push_back(h.span);
    left |= h.side == 1;
    right |= h.side == 2;
    both |= h.side == 3;
    if (h.region != kSide && std::find(named.begin(), named.end(), h.region) == named.end())
      named.push_back(h.region);
  }
  // A broader region named beside one of its parts stands for that part.
  for (size_t i : named) {
    const bool broader = std::any_of(named.begin(), named.end(), [&](size_t j) {
      return regions_[j].part_of == regions_[i].id;
    });
    if (!broader) out.regions.push_back(regions_[i].id);
  }
  std::vector<std::string> labels;
  for (const auto& id : out.regions) labels.push_back(find(id)->label);
  for (size_t i = 0; i < labels.size(); ++i)
    out.label += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + labels[i];
  if (out.regions.size() == 1) out.region = out.regions.front();
  else if (out.regions.size() > 1) out.region = std::string(kMultipleRegions);
  out.laterality = both || (left && right) ? "bilateral" : left ? "left" : right ? "right" : "";
  return out;
}

}  // namespace imr
