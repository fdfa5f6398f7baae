#include "assess/rule_pack.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "assess/fact_query.h"
#include "assess/measures.h"
#include "assess/phrases.h"
#include "assess/vocabulary.h"
#include "core/error.h"
#include "core/file.h"
#include "core/text.h"
#include "intake/request.h"

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

// Placeholders any criterion may use, whatever its measure: the item's own and {detail}.
bool item_placeholder(const std::string& name) {
  return name == "request" || name == "drug" || name == "generic" || name == "class" || name == "detail";
}

// The vocabulary domain of a code argument; "@kind.subject" takes the criterion's `kind`.
std::string domain_of(const ArgSpec& spec, const Args& args) {
  std::string d = spec.domain;
  if (!d.empty() && d[0] == '@') {
    const std::string rest = d.substr(1);  // "kind.subject"
    const size_t dot = rest.find('.');
    const auto& kind = args.codes(rest.substr(0, dot));
    return kind.empty() ? std::string() : kind.front() + rest.substr(dot);
  }
  return d;
}

ArgValue typed_value(const PackReader& r, const YAML::Node& node, const ArgSpec& spec, const std::string& where) {
  auto bad = [&](const std::string& why) -> ArgValue {
    r.fail(node, where + ": args." + spec.name + " must be " + to_string(spec.type) + why);
  };
  auto number_in_range = [&](double v) {
    if (v < spec.lo || v > spec.hi)
      r.fail(node, where + ": args." + spec.name + " is out of range (" + format_number(spec.lo) + " to " +
                       format_number(spec.hi) + ")");
    return v;
  };
  switch (spec.type) {
    case ArgType::kNumber:
    case ArgType::kInteger: {
      if (!node.IsScalar()) return bad("");
      double v;
      try {
        v = node.as<double>();
      } catch (const YAML::Exception&) {
        return bad("");
      }
      if (spec.type == ArgType::kInteger && v != static_cast<double>(static_cast<long long>(v)))
        return bad("");
      return number_in_range(v);
    }
    case ArgType::kDays: {
      if (!node.IsScalar()) return bad("");
      auto d = parse_days(node.as<std::string>());
      if (!d) return bad(" such as 30, \"6 weeks\" or \"3 months\"");
      return number_in_range(*d);
    }
    case ArgType::kBoolean: {
      if (!node.IsScalar()) return bad("");
      const std::string t = node.as<std::string>();
      if (t == "true" || t == "yes") return true;
      if (t == "false" || t == "no") return false;
      return bad("");
    }
    case ArgType::kCodes: {
      std::vector<std::string> codes;
      if (node.IsScalar()) {
        // "a, b" is accepted as a list, as packs have long written it.
        for (auto& part : split(node.as<std::string>(), ','))
          if (auto t = std::string(trim(part)); !t.empty()) codes.push_back(t);
      } else if (node.IsSequence()) {
        for (const auto& item : node) {
          if (!item.IsScalar()) return bad("");
          codes.push_back(std::string(trim(item.as<std::string>())));
        }
      } else {
        return bad("");
      }
      if (codes.empty()) r.fail(node, where + ": args." + spec.name + " is empty");
      return codes;
    }
    case ArgType::kCodeNumbers: {
      std::map<std::string, double> out;
      if (!node.IsMap()) {
        // "crps:24, radiculopathy:10", the older form.
        if (!node.IsScalar()) return bad("");
        for (auto& part : split(node.as<std::string>(), ',')) {
          const std::string t(trim(part));
          const size_t colon = t.find(':');
          if (colon == std::string::npos) return bad(" (code: number)");
          char* end = nullptr;
          const std::string num(trim(t.substr(colon + 1)));
          const double v = std::strtod(num.c_str(), &end);
          if (end == num.c_str() || *end) return bad(" (code: number)");
          out[std::string(trim(t.substr(0, colon)))] = number_in_range(v);
        }
        return out;
      }
      for (const auto& kv : node) {
        try {
          out[kv.first.as<std::string>()] = number_in_range(kv.second.as<double>());
        } catch (const YAML::Exception&) {
          return bad(" (code: number)");
        }
      }
      return out;
    }
  }
  return bad("");
}

void check_codes(const PackReader& r, const YAML::Node& node, const ArgSpec& spec, const Args& args,
                 const Vocabulary& vocabulary, const std::string& where) {
  if (spec.type != ArgType::kCodes && spec.type != ArgType::kCodeNumbers) return;
  const std::string domain = domain_of(spec, args);
  if (domain.empty()) return;  // free text (a measure that takes any word)
  if (!vocabulary.has_domain(domain))
    r.fail(node, where + ": args." + spec.name + " draws on '" + domain + "', which the vocabulary does not have");
  std::vector<std::string> codes;
  if (spec.type == ArgType::kCodes) codes = args.codes(spec.name);
  else
    for (const auto& [code, _] : args.code_numbers(spec.name)) codes.push_back(code);
  for (const auto& code : codes)
    if (!vocabulary.knows(domain, code))
      r.fail(node, where + ": args." + spec.name + " names unknown code '" + code + "' (not in " + domain + ")");
}

// Every placeholder of `wording` must be filled by all `outcomes` (or be the item's own).
void check_wording(const PackReader& r, const YAML::Node& at, const std::string& where, const std::string& key,
                   const std::string& wording, const std::vector<const Outcome*>& outcomes) {
  for (const auto& name : placeholders_in(wording)) {
    if (item_placeholder(name)) continue;
    for (const Outcome* o : outcomes) {
      const bool filled =
          std::any_of(o->fills.begin(), o->fills.end(), [&](const char* f) { return name == f; });
      if (!filled)
        r.fail(at, where + ": '" + key + "' uses {" + name + "}, which the measure does not fill when it returns " +
                       to_string(o->state) + " (" + o->reason + ")");
    }
  }
  if (wording.find('{') != std::string::npos && wording.find('}', wording.rfind('{')) == std::string::npos)
    r.fail(at, where + ": unclosed '{' in '" + key + "'");
}

Role role_from(const PackReader& r, const YAML::Node& node) {
  const std::string t = node.as<std::string>();
  if (t == "indication") return Role::kIndication;
  if (t == "requirement") return Role::kRequirement;
  if (t == "supporting") return Role::kSupporting;
  if (t == "flag") return Role::kFlag;
  r.fail(node, "role must be indication, requirement, supporting or flag");
}

CriterionRule parse_criterion(const PackReader& r, const YAML::Node& node, const std::set<std::string>& citation_ids,
                              const Vocabulary& vocabulary) {
  static const std::set<std::string> kKeys = {
      "id",        "title", "measure",    "args",    "min",     "max",         "citation",       "role",
      "group",     "phase", "looked_for", "met",     "not_met", "not_documented", "to_change", "when",
      "only_if_diagnosis", "only_if_request_flag"};
  if (!node.IsMap()) r.fail(node, "each criterion must be a map");
  CriterionRule c;
  c.line = line_of(node);
  c.id = r.text(node, "id");
  const std::string where = "criterion '" + c.id + "'";
  for (const auto& kv : node)
    if (!kKeys.count(kv.first.as<std::string>()))
      r.fail(kv.first, where + ": unknown key '" + kv.first.as<std::string>() + "'");
  c.title = r.text(node, "title");
  c.measure = r.text(node, "measure");
  const MeasureContract* spec = find_measure(c.measure);
  if (!spec) r.fail(node["measure"], where + ": unknown fact measure '" + c.measure + "'");

  // Arguments: `min` / `max` beside them are arguments too. Kinds first, so that a code
  // list can be checked against the kind it names.
  // (YAML::Node assignment writes through to the document, so nodes are looked up, never
  // moved around.)
  std::vector<std::string> given;
  const YAML::Node args = node["args"];
  if (args) {
    if (!args.IsMap()) r.fail(args, "'args' must be a map");
    for (const auto& kv : args) given.push_back(kv.first.as<std::string>());
  }
  for (const char* bound : {"min", "max"})
    if (node[bound]) given.push_back(bound);
  std::stable_partition(given.begin(), given.end(), [](const std::string& g) { return g == "kind"; });
  for (const auto& name : given) {
    const YAML::Node value = (name == "min" || name == "max") && node[name] ? node[name] : args[name];
    const ArgSpec* arg = spec->arg(name);
    if (!arg) r.fail(value, where + ": measure '" + c.measure + "' takes no argument '" + name + "'");
    if (c.args.has(name)) r.fail(value, where + ": argument '" + name + "' given twice");
    c.args.set(name, typed_value(r, value, *arg, where));
    check_codes(r, value, *arg, c.args, vocabulary, where);
  }
  for (const auto& arg : spec->args)
    if (arg.required && !c.args.has(arg.name))
      r.fail(node, where + ": measure '" + c.measure + "' needs " +
                       (std::string(arg.name) == "min" || std::string(arg.name) == "max" ? std::string("'") + arg.name + "'"
                                                                                        : std::string("args.") + arg.name));
  if (c.args.has("min") && c.args.has("max") && c.args.number("min") > c.args.number("max"))
    r.fail(node, where + ": min above max");

  c.citation = r.text(node, "citation");
  if (!citation_ids.count(c.citation))
    r.fail(node["citation"], where + ": unknown citation '" + c.citation + "'");
  if (node["role"]) c.role = role_from(r, node["role"]);
  c.group = r.text(node, "group", /*required=*/false);
  if (!c.group.empty() && c.role != Role::kIndication) r.fail(node["group"], where + ": only an indication has a group");
  if (c.group.empty()) c.group = c.id;
  if (node["phase"]) {
    c.phase = r.text(node, "phase");
    if (c.phase != "any" && c.phase != "initiating" && c.phase != "ongoing")
      r.fail(node["phase"], "phase must be any, initiating or ongoing");
  }
  if (node["only_if_diagnosis"]) {
    ArgSpec dx{"only_if_diagnosis", ArgType::kCodes, false, "diagnosis.subject"};
    Args tmp;
    tmp.set(dx.name, typed_value(r, node["only_if_diagnosis"], dx, where));
    check_codes(r, node["only_if_diagnosis"], dx, tmp, vocabulary, where);
    c.only_if_diagnosis = tmp.codes(dx.name);
  }
  if (node["only_if_request_flag"]) {
    ArgSpec fl{"only_if_request_flag", ArgType::kCodes, false, "request_flag"};
    Args tmp;
    tmp.set(fl.name, typed_value(r, node["only_if_request_flag"], fl, where));
    check_codes(r, node["only_if_request_flag"], fl, tmp, vocabulary, where);
    c.only_if_request_flag = tmp.codes(fl.name);
  }
  c.looked_for = r.text(node, "looked_for");
  c.met = r.text(node, "met");
  c.not_met = r.text(node, "not_met");
  c.not_documented = r.text(node, "not_documented");
  c.to_change = r.text(node, "to_change", /*required=*/c.decisive());

  if (const YAML::Node when = node["when"]) {
    if (!when.IsMap()) r.fail(when, where + ": 'when' must map reason codes to wording");
    for (const auto& kv : when) {
      const std::string reason = kv.first.as<std::string>();
      const Outcome* o = nullptr;
      for (const auto& out : spec->outcomes)
        if (reason == out.reason) o = &out;
      if (!o) r.fail(kv.first, where + ": measure '" + c.measure + "' has no outcome '" + reason + "'");
      const std::string text = collapse_whitespace(kv.second.as<std::string>());
      check_wording(r, kv.second, where, "when." + reason, text, {o});
      c.when[reason] = text;
    }
  }
  // Wording: each state's sentence may use only what every outcome of that state fills
  // (outcomes with their own wording under `when` aside).
  auto outcomes_of = [&](CriterionState s) {
    std::vector<const Outcome*> out;
    for (const auto& o : spec->outcomes)
      if (o.state == s && !c.when.count(o.reason) && o.possible_with(c.args)) out.push_back(&o);
    return out;
  };
  check_wording(r, node["met"], where, "met", c.met, outcomes_of(CriterionState::kMet));
  check_wording(r, node["not_met"], where, "not_met", c.not_met, outcomes_of(CriterionState::kNotMet));
  check_wording(r, node["not_documented"], where, "not_documented", c.not_documented,
                outcomes_of(CriterionState::kNotDocumented));
  {
    std::vector<const Outcome*> unmet;
    for (const auto& o : spec->outcomes)
      if (o.state != CriterionState::kMet && o.possible_with(c.args)) unmet.push_back(&o);
    if (node["to_change"]) check_wording(r, node["to_change"], where, "to_change", c.to_change, unmet);
  }
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

RulePack RuleSet::parse_pack(const std::string& yaml, const std::string& file, const Vocabulary& vocabulary,
                             const Phrases& phrases, const RulePack* base) {
  static const std::set<std::string> kPackKeys = {"id",      "extends",   "topic",      "title",     "version",
                                                  "effective_from", "effective_to", "priority", "companion",
                                                  "applies_to", "position", "citations", "criteria", "prior_course"};
  static const std::set<std::string> kAppliesKeys = {"drug_classes", "drug_topics", "drugs", "services",
                                                     "body_regions", "request_flags", "injury_within_days"};
  (void)phrases;  // every outcome's phrase was checked when the phrases loaded
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
    for (const auto& kv : root)
      if (!kPackKeys.count(kv.first.as<std::string>()))
        r.fail(kv.first, "unknown key '" + kv.first.as<std::string>() + "'");
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
    for (const auto& kv : applies)
      if (!kAppliesKeys.count(kv.first.as<std::string>()))
        r.fail(kv.first, "unknown key 'applies_to." + kv.first.as<std::string>() + "'");
    auto coded = [&](const char* key, const char* domain) {
      std::vector<std::string> codes = r.list(applies, key);
      for (const auto& code : codes)
        if (!vocabulary.knows(domain, code))
          r.fail(applies[key], std::string("applies_to.") + key + " names unknown code '" + code + "' (not in " +
                                   domain + ")");
      return codes;
    };
    p.drug_classes = coded("drug_classes", "drug_class");
    p.drug_topics = coded("drug_topics", "drug_topic");
    p.drug_keys = coded("drugs", "drug");
    p.service_topics = coded("services", "service_topic");
    p.body_regions = coded("body_regions", "body_region");
    p.request_flags = coded("request_flags", "request_flag");
    if (const YAML::Node days = applies["injury_within_days"]) {
      int n = 0;
      if (!days.IsScalar() || !YAML::convert<int>::decode(days, n) || n <= 0)
        r.fail(days, "applies_to.injury_within_days must be a positive whole number of days");
      p.injury_within_days = n;
    }
    if (p.drug_classes.empty() && p.drug_topics.empty() && p.drug_keys.empty() && p.service_topics.empty())
      r.fail(applies, "'applies_to' names no drug classes, topics, drugs or services");
    p.position = r.text(root, "position");
    if (const YAML::Node prior = root["prior_course"]) {
      if (!prior.IsMap()) r.fail(prior, "'prior_course' must be a map of kind and subject");
      const std::string kind = r.text(prior, "kind");
      const auto k = fact_kind_from_string(kind);
      if (!k) r.fail(prior["kind"], "prior_course: unknown fact kind '" + kind + "'");
      p.prior_course_kind = *k;
      p.prior_course_subjects = r.list(prior, "subject");
      for (const auto& code : p.prior_course_subjects)
        if (!vocabulary.knows(kind + ".subject", code))
          r.fail(prior["subject"], "prior_course names unknown code '" + code + "' (not in " + kind + ".subject)");
    } else if (base) {
      p.prior_course_kind = base->prior_course_kind;
      p.prior_course_subjects = base->prior_course_subjects;
    }

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
      CriterionRule c = parse_criterion(r, n, ids, vocabulary);
      if (p.companion && c.decisive())
        r.fail(n, "criterion '" + c.id + "': a companion pack's criteria must be supporting");
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

RuleSet RuleSet::load(const std::string& dir, const Vocabulary& vocabulary, const Phrases& phrases) {
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
      RulePack p = parse_pack(it->text, it->file, vocabulary, phrases, base);
      if (!pack_ids.insert(p.id).second)
        throw DataError(it->file, 1, "duplicate pack id '" + p.id + "'");
      set.packs_.push_back(std::move(p));
      it = pending.erase(it);
      progress = true;
    }
    if (!progress) parse_pack(pending.front().text, pending.front().file, vocabulary, phrases, nullptr);  // throws
  }
  return set;
}

const RulePack* RuleSet::for_request(const ParsedRequest& r, const std::optional<Date>& on,
                                     const std::optional<Date>& injury) const {
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return !x.empty() && std::find(v.begin(), v.end(), x) != v.end();
  };
  const RulePack* best = nullptr;
  int best_score = -1;
  for (const auto& p : packs_) {
    if (p.companion) continue;
    int score = -1;
    if (r.kind == ParsedRequest::Kind::kDrug && r.drug) {
      if (!applies(p, r.drug->key, r.drug->topic, r.drug->drug_class, &score)) continue;
    } else if (r.kind == ParsedRequest::Kind::kService) {
      if (!has(p.service_topics, r.service_topic)) continue;
      score = 100;
    } else {
      continue;
    }
    // Narrowed packs: only for their regions and flags, and then before the general one.
    if (!p.body_regions.empty()) {
      if (!has(p.body_regions, r.body_region)) continue;
      score += 50;
    }
    if (!p.request_flags.empty()) {
      const bool any = std::any_of(p.request_flags.begin(), p.request_flags.end(),
                                   [&](const std::string& f) { return has(r.flags, f); });
      if (!any) continue;
      score += 60;
    }
    if (p.injury_within_days) {
      if (!on || !injury) continue;
      const int days = on->first_day() - injury->first_day();
      if (days < 0 || days > *p.injury_within_days) continue;
      score += 40;  // below a request flag's 60: "post-op Norco" is judged as post-operative
    }
    score += p.priority;
    // A pack in force beats a superseded one, whatever its specificity; among superseded
    // ones the latest.
    if (p.in_force(on)) score += 100000;
    else if (p.effective_to) score += std::min(p.effective_to->first_day() / 1000, 90000);
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

const RulePack* RuleSet::by_topic(const std::string& topic) const {
  for (const auto& p : packs_)
    if (p.topic == topic) return &p;
  return nullptr;
}

}  // namespace imr
