#include "assess/rule_pack.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "assess/measures.h"
#include "core/error.h"
#include "core/file.h"
#include "core/text.h"

namespace imr {
namespace {

bool applies(const RulePack& p, const std::string& key, const std::string& topic,
             const std::string& drug_class, int* score) {
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return !x.empty() && std::find(v.begin(), v.end(), x) != v.end();
  };
  if (has(p.drug_keys, key)) *score = 300;
  else if (has(p.drug_topics, topic)) *score = 200;
  else if (has(p.drug_classes, drug_class)) *score = 100;
  else return false;
  return true;
}

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

class PackReader {
 public:
  explicit PackReader(const std::string& file) : file_(file) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& problem) const {
    throw DataError(file_, at ? line_of(at) : 0, problem);
  }

  std::string text(const YAML::Node& map, const char* key, bool required = true) const {
    const YAML::Node v = map[key];
    if (!v || v.IsNull()) {
      if (required) fail(map, std::string("missing '") + key + "'");
      return {};
    }
    if (!v.IsScalar()) fail(v, std::string("'") + key + "' must be text");
    std::string s = v.as<std::string>();
    // Folded YAML blocks end with a newline; wording is compared and rendered trimmed.
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (required && s.empty()) fail(v, std::string("'") + key + "' is empty");
    return s;
  }

  std::vector<std::string> list(const YAML::Node& map, const char* key) const {
    std::vector<std::string> out;
    const YAML::Node v = map[key];
    if (!v) return out;
    if (!v.IsSequence()) fail(v, std::string("'") + key + "' must be a list");
    for (const auto& item : v) out.push_back(item.as<std::string>());
    return out;
  }

  Date date(const YAML::Node& map, const char* key) const {
    const std::string s = text(map, key);
    auto d = parse_date(s);
    if (!d || d->precision != Date::Precision::kDay)
      fail(map[key], std::string("'") + key + "' must be a date (YYYY-MM-DD)");
    return *d;
  }

  std::optional<double> number(const YAML::Node& map, const char* key) const {
    const YAML::Node v = map[key];
    if (!v) return std::nullopt;
    try {
      return v.as<double>();
    } catch (const YAML::Exception&) {
      fail(v, std::string("'") + key + "' must be a number");
    }
  }

 private:
  const std::string& file_;
};

// {placeholders} in wording must be ones a measure or the item can fill.
void check_placeholders(const PackReader& r, const YAML::Node& at, const std::string& wording) {
  static const std::set<std::string> kKnown = {"value", "date", "detail", "quote", "request",
                                               "drug", "generic", "class", "limit", "days",
                                               "count", "since", "items"};
  size_t pos = 0;
  while ((pos = wording.find('{', pos)) != std::string::npos) {
    const size_t end = wording.find('}', pos);
    if (end == std::string::npos) r.fail(at, "unclosed '{' in wording");
    const std::string name = wording.substr(pos + 1, end - pos - 1);
    if (!kKnown.count(name)) r.fail(at, "unknown placeholder {" + name + "} in wording");
    pos = end + 1;
  }
}

CriterionRule parse_criterion(const PackReader& r, const YAML::Node& node,
                              const std::set<std::string>& citation_ids) {
  if (!node.IsMap()) r.fail(node, "each criterion must be a map");
  CriterionRule c;
  c.line = line_of(node);
  c.id = r.text(node, "id");
  c.title = r.text(node, "title");
  c.measure = r.text(node, "measure");
  const MeasureSpec* spec = find_measure(c.measure);
  if (!spec) r.fail(node["measure"], "criterion '" + c.id + "': unknown fact measure '" + c.measure + "'");
  c.min = r.number(node, "min");
  c.max = r.number(node, "max");
  if (spec->needs_min && !c.min) r.fail(node, "criterion '" + c.id + "': measure '" + c.measure + "' needs 'min'");
  if (spec->needs_max && !c.max) r.fail(node, "criterion '" + c.id + "': measure '" + c.measure + "' needs 'max'");
  for (const auto* t : {&c.min, &c.max})
    if (*t && (**t < 0 || **t > 100000)) r.fail(node, "criterion '" + c.id + "': threshold out of range");
  if (c.min && c.max && *c.min > *c.max) r.fail(node, "criterion '" + c.id + "': min above max");
  if (const YAML::Node args = node["args"]) {
    if (!args.IsMap()) r.fail(args, "'args' must be a map");
    for (const auto& kv : args) c.args[kv.first.as<std::string>()] = kv.second.as<std::string>();
  }
  for (const char* a : spec->required_args)
    if (!c.args.count(a))
      r.fail(node, "criterion '" + c.id + "': measure '" + c.measure + "' needs args." + a);
  if (spec->check)
    if (const std::string problem = spec->check(c); !problem.empty())
      r.fail(node["args"] ? node["args"] : node, "criterion '" + c.id + "': " + problem);
  c.citation = r.text(node, "citation");
  if (!citation_ids.count(c.citation))
    r.fail(node["citation"], "criterion '" + c.id + "': unknown citation '" + c.citation + "'");
  if (node["decisive"]) c.decisive = node["decisive"].as<bool>();
  if (node["flag"]) c.flag = node["flag"].as<bool>();
  if (c.flag && c.decisive) r.fail(node["flag"], "criterion '" + c.id + "': a flag must be decisive: false");
  if (node["phase"]) {
    c.phase = r.text(node, "phase");
    if (c.phase != "any" && c.phase != "initiating" && c.phase != "ongoing")
      r.fail(node["phase"], "phase must be any, initiating or ongoing");
  }
  c.looked_for = r.text(node, "looked_for");
  c.met = r.text(node, "met");
  c.not_met = r.text(node, "not_met");
  c.not_documented = r.text(node, "not_documented");
  c.to_change = r.text(node, "to_change", /*required=*/c.decisive);
  for (const char* key : {"met", "not_met", "not_documented", "to_change"})
    if (node[key]) check_placeholders(r, node[key], node[key].as<std::string>());
  return c;
}

}  // namespace

Citation GuidelineCitation::to_citation() const {
  Citation c;
  c.source = document;
  c.section = section;
  c.pages = pages;
  c.text = (non_mtus ? "Non-MTUS Citation " : "") + document + ", " + section +
           (pages.empty() ? "" : ", Page(s): " + pages);
  return c;
}

const GuidelineCitation* RulePack::citation(const std::string& id) const {
  for (const auto& c : citations)
    if (c.id == id) return &c;
  return nullptr;
}

bool RulePack::in_force(const std::optional<Date>& on) const {
  if (!on) return true;
  if (on->last_day() < effective_from.first_day()) return false;
  if (effective_to && on->first_day() > effective_to->last_day()) return false;
  return true;
}

RulePack RuleSet::parse_pack(const std::string& yaml, const std::string& file,
                             const RulePack* base) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  const PackReader r(file);
  if (!root.IsMap()) throw DataError(file, 1, "a rule pack must be a YAML map");
  RulePack p;
  p.file = file;
  p.line = 1;
  try {
    p.id = r.text(root, "id");
    p.extends = r.text(root, "extends", /*required=*/false);
    if (!p.extends.empty() && (!base || base->id != p.extends))
      r.fail(root["extends"], "extends unknown pack '" + p.extends + "'");
    p.topic = r.text(root, "topic");
    p.title = r.text(root, "title");
    p.version = r.text(root, "version");
    p.effective_from = r.date(root, "effective_from");
    if (root["effective_to"]) p.effective_to = r.date(root, "effective_to");
    if (root["priority"]) p.priority = root["priority"].as<int>();
    if (root["companion"]) p.companion = root["companion"].as<bool>();
    const YAML::Node applies = root["applies_to"];
    if (!applies || !applies.IsMap()) r.fail(root, "missing 'applies_to' map");
    p.drug_classes = r.list(applies, "drug_classes");
    p.drug_topics = r.list(applies, "drug_topics");
    p.drug_keys = r.list(applies, "drugs");
    p.service_topics = r.list(applies, "services");
    if (p.drug_classes.empty() && p.drug_topics.empty() && p.drug_keys.empty() && p.service_topics.empty())
      r.fail(applies, "'applies_to' names no drug classes, topics, drugs or services");
    p.position = r.text(root, "position");

    const YAML::Node cites = root["citations"];
    if (!cites || !cites.IsSequence() || cites.size() == 0) r.fail(root, "missing 'citations' list");
    std::set<std::string> ids;
    for (const auto& n : cites) {
      GuidelineCitation c;
      c.id = r.text(n, "id");
      c.family = r.text(n, "family");
      if (c.family != "MTUS" && c.family != "ODG" && c.family != "ACOEM")
        r.fail(n["family"], "citation family must be MTUS, ODG or ACOEM");
      c.document = r.text(n, "document");
      c.section = r.text(n, "section");
      c.pages = r.text(n, "pages", /*required=*/c.family == "MTUS");
      c.non_mtus = c.family != "MTUS";
      if (!ids.insert(c.id).second) r.fail(n, "duplicate citation id '" + c.id + "'");
      p.citations.push_back(std::move(c));
    }
    if (base)
      for (const auto& c : base->citations)
        if (ids.insert(c.id).second) p.citations.push_back(c);

    const YAML::Node crit = root["criteria"];
    if (!crit || !crit.IsSequence() || crit.size() == 0) r.fail(root, "missing 'criteria' list");
    std::set<std::string> crit_ids;
    for (const auto& n : crit) {
      CriterionRule c = parse_criterion(r, n, ids);
      if (p.companion && c.decisive)
        r.fail(n, "criterion '" + c.id + "': a companion pack's criteria must be decisive: false");
      if (!crit_ids.insert(c.id).second) r.fail(n, "duplicate criterion id '" + c.id + "'");
      p.criteria.push_back(std::move(c));
    }
    if (base)
      for (const auto& c : base->criteria)
        if (crit_ids.insert(c.id).second) p.criteria.push_back(c);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "bad value: " + e.msg);
  }
  return p;
}

RuleSet RuleSet::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir, 0, "rule pack directory not found");
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  if (files.empty()) throw DataError(dir, 0, "no rule packs (*.yaml) found");
  RuleSet set;
  std::string manifest;
  const std::string version_file = dir + "/VERSION";
  if (fs::exists(version_file)) manifest = std::string(trim(read_file(version_file)));
  set.version_ = manifest.empty() ? "unversioned" : manifest;
  // Packs that extend another load after it; a pass that loads nothing ends the loop.
  struct Pending { std::string file, text, extends; };
  std::vector<Pending> pending;
  for (const auto& f : files) {
    std::string text = read_file(f);
    std::string extends;
    try {
      const YAML::Node root = YAML::Load(text);
      if (root.IsMap() && root["extends"]) extends = root["extends"].as<std::string>();
    } catch (const YAML::Exception&) {
      // parse_pack reports it with the line.
    }
    pending.push_back({f, std::move(text), std::move(extends)});
  }
  std::set<std::string> pack_ids;
  while (!pending.empty()) {
    bool progress = false;
    for (auto it = pending.begin(); it != pending.end();) {
      const RulePack* base = nullptr;
      if (!it->extends.empty()) {
        for (const auto& p : set.packs_)
          if (p.id == it->extends) base = &p;
        if (!base) { ++it; continue; }
      }
      RulePack p = parse_pack(it->text, it->file, base);
      if (!pack_ids.insert(p.id).second)
        throw DataError(it->file, 1, "duplicate pack id '" + p.id + "'");
      set.packs_.push_back(std::move(p));
      it = pending.erase(it);
      progress = true;
    }
    if (!progress) parse_pack(pending.front().text, pending.front().file, nullptr);  // throws
  }
  return set;
}

const RulePack* RuleSet::for_drug(const std::string& key, const std::string& topic,
                                  const std::string& drug_class,
                                  const std::optional<Date>& on) const {
  const RulePack* best = nullptr;
  int best_score = -1;
  for (const auto& p : packs_) {
    int score = -1;
    if (p.companion || !applies(p, key, topic, drug_class, &score)) continue;
    score += p.priority;
    // A pack in force beats a superseded one, whatever its specificity.
    if (p.in_force(on)) score += 1000;
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best;
}

std::vector<const RulePack*> RuleSet::companions_for_drug(const std::string& key,
                                                          const std::string& topic,
                                                          const std::string& drug_class,
                                                          const std::optional<Date>& on) const {
  std::vector<const RulePack*> out;
  int score = 0;
  for (const auto& p : packs_)
    if (p.companion && p.in_force(on) && applies(p, key, topic, drug_class, &score))
      out.push_back(&p);
  return out;
}

const RulePack* RuleSet::for_service(const std::string& service_topic,
                                     const std::optional<Date>& on) const {
  const RulePack* best = nullptr;
  int best_score = -1;
  for (const auto& p : packs_) {
    if (p.companion || service_topic.empty()) continue;
    if (std::find(p.service_topics.begin(), p.service_topics.end(), service_topic) == p.service_topics.end())
      continue;
    const int score = p.priority + (p.in_force(on) ? 1000 : 0);
    if (score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best;
}

const RulePack* RuleSet::by_topic(const std::string& topic) const {
  for (const auto& p : packs_)
    if (p.topic == topic) return &p;
  return nullptr;
}

}  // namespace imr
