#include "intake/drug_table.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/file.h"
#include "core/text.h"

namespace imr {
namespace {

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

std::string required_string(const YAML::Node& entry, const char* field, const std::string& file) {
  const YAML::Node v = entry[field];
  if (!v || !v.IsScalar() || v.as<std::string>().empty())
    throw DataError(file, line_of(entry), std::string("drug is missing '") + field + "'");
  return v.as<std::string>();
}

std::vector<std::string> string_list(const YAML::Node& entry, const char* field,
                                     const std::string& file) {
  std::vector<std::string> out;
  const YAML::Node v = entry[field];
  if (!v) return out;
  if (!v.IsSequence())
    throw DataError(file, line_of(v), std::string("'") + field + "' must be a list");
  for (const auto& item : v) out.push_back(item.as<std::string>());
  return out;
}

MmeFactor parse_mme(const YAML::Node& node, const std::string& file) {
  if (!node.IsMap()) throw DataError(file, line_of(node), "'mme' must be a map");
  MmeFactor f;
  if (node["per_mg"]) f.per_mg = node["per_mg"].as<double>();
  if (node["per_mcg_hr"]) f.per_mcg_hr = node["per_mcg_hr"].as<double>();
  if (const YAML::Node bands = node["bands"]) {
    if (!bands.IsSequence()) throw DataError(file, line_of(bands), "'bands' must be a list");
    double previous = 0;
    for (const auto& b : bands) {
      if (!b.IsSequence() || b.size() != 2)
        throw DataError(file, line_of(b), "each MME band is [max mg/day, factor]");
      const double max = b[0].as<double>(), factor = b[1].as<double>();
      if (max <= previous) throw DataError(file, line_of(b), "MME bands must ascend");
      previous = max;
      f.bands.emplace_back(max, factor);
    }
  }
  if (!f.per_mg && !f.per_mcg_hr && f.bands.empty())
    throw DataError(file, line_of(node), "'mme' needs per_mg, per_mcg_hr or bands");
  for (double v : {f.per_mg.value_or(1), f.per_mcg_hr.value_or(1)})
    if (v <= 0 || v > 100) throw DataError(file, line_of(node), "MME factor out of range");
  return f;
}

}  // namespace

DrugTable DrugTable::load(const std::string& path) { return parse(read_file(path), path); }

DrugTable DrugTable::parse(std::string_view yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  DrugTable table;
  try {
    if (!root.IsMap() || !root["drugs"] || !root["drugs"].IsSequence())
      throw DataError(file, 1, "expected a map with a 'drugs' list");
    table.version_ = root["version"] ? root["version"].as<std::string>() : "unversioned";
    if (const YAML::Node from = root["formulary_from"]) {
      auto d = parse_date(from.as<std::string>());
      if (!d || d->precision != Date::Precision::kDay)
        throw DataError(file, line_of(from), "'formulary_from' must be a date (YYYY-MM-DD)");
      table.formulary_from_ = d;
    }
    const YAML::Node classes = root["classes"];
    if (!classes || !classes.IsMap()) throw DataError(file, 1, "expected a 'classes' map of class: label");
    for (const auto& kv : classes) {
      const std::string label = kv.second.IsScalar() ? kv.second.as<std::string>() : std::string();
      if (label.empty()) throw DataError(file, line_of(kv.first), "drug class '" + kv.first.as<std::string>() + "' has no label");
      table.class_labels_[kv.first.as<std::string>()] = label;
    }
    for (const auto& entry : root["drugs"]) {
      if (!entry.IsMap()) throw DataError(file, line_of(entry), "each drug must be a map");
      Drug d;
      d.line = line_of(entry);
      d.key = required_string(entry, "key", file);
      d.generic = required_string(entry, "generic", file);
      d.drug_class = required_string(entry, "class", file);
      d.topic = required_string(entry, "topic", file);
      if (!table.class_labels_.count(d.drug_class))
        throw DataError(file, d.line, "unknown drug class '" + d.drug_class + "'");
      d.ingredients = string_list(entry, "ingredients", file);
      if (d.ingredients.empty()) d.ingredients.push_back(d.generic);
      d.brands = string_list(entry, "brands", file);
      d.misspellings = string_list(entry, "misspellings", file);
      if (entry["form"]) d.default_form = entry["form"].as<std::string>();
      if (entry["route"]) d.default_route = entry["route"].as<std::string>();
      if (entry["long_acting"]) d.long_acting = entry["long_acting"].as<bool>();
      if (entry["formulary"]) {
        d.formulary_status = entry["formulary"].as<std::string>();
        if (d.formulary_status != "exempt" && d.formulary_status != "non-exempt" &&
            d.formulary_status != "unlisted")
          throw DataError(file, line_of(entry["formulary"]),
                          "formulary must be exempt, non-exempt or unlisted");
      }
      if (entry["mme"]) {
        if (d.drug_class != "opioid")
          throw DataError(file, line_of(entry["mme"]), "MME factor on a non-opioid '" + d.key + "'");
        d.mme = parse_mme(entry["mme"], file);
      }
      table.drugs_.push_back(std::move(d));
    }
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  table.index();
  // Duplicate names would make lookups ambiguous.
  std::map<std::string, std::string> seen;
  for (const auto& d : table.drugs_) {
    if (table.by_key_.count(d.key) && &table.drugs_[table.by_key_.at(d.key)] != &d)
      throw DataError(file, d.line, "duplicate drug key '" + d.key + "'");
    std::vector<std::string> names = d.brands;
    names.push_back(d.generic);
    for (const auto& n : names) {
      auto [it, inserted] = seen.emplace(to_lower(n), d.key);
      if (!inserted && it->second != d.key)
        throw DataError(file, d.line,
                        "name '" + n + "' is used by both '" + it->second + "' and '" + d.key + "'");
    }
  }
  return table;
}

void DrugTable::index() {
  by_name_.clear();
  by_key_.clear();
  names_.clear();
  for (size_t i = 0; i < drugs_.size(); ++i) {
    const Drug& d = drugs_[i];
    by_key_.emplace(d.key, i);
    auto add = [&](const std::string& name) {
      const std::string lower = to_lower(trim(name));
      if (!lower.empty()) by_name_.emplace(lower, i);  // first one wins
    };
    add(d.key);
    add(d.generic);
    for (const auto& b : d.brands) add(b);
    for (const auto& m : d.misspellings) add(m);
    // "hydrocodone/acetaminophen" is also written "hydrocodone-acetaminophen",
    // "hydrocodone/APAP" and "hydrocodone and acetaminophen".
    if (d.ingredients.size() > 1) {
      std::vector<std::string> with_apap = d.ingredients;
      for (auto& ing : with_apap)
        if (ing == "acetaminophen") ing = "apap";
      for (const char* sep : {"/", "-", " and ", " / "}) {
        add(join(d.ingredients, sep));
        add(join(with_apap, sep));
      }
    }
  }
  for (const auto& [name, i] : by_name_) names_.emplace_back(name, &drugs_[i]);
  std::stable_sort(names_.begin(), names_.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  std::vector<std::string> texts;
  for (const auto& [name, drug] : names_) texts.push_back(name);
  name_index_ = NameIndex(std::move(texts));
}

const Drug* DrugTable::find(std::string_view name) const {
  const std::string lower = to_lower(trim(name));
  auto it = by_name_.find(lower);
  return it == by_name_.end() ? nullptr : &drugs_[it->second];
}

std::string DrugTable::class_label(const std::string& drug_class) const {
  auto it = class_labels_.find(drug_class);
  return it != class_labels_.end() ? it->second : "a medication";
}

const Drug* DrugTable::by_key(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &drugs_[it->second];
}

}  // namespace imr
