#include "decide/wording.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <vector>

#include "assess/assess.h"
#include "assess/phrases.h"
#include "core/error.h"
#include "core/file.h"
#include "core/text.h"

namespace imr {
namespace {

struct SentenceSpec {
  const char* key;
  std::vector<const char*> vars;  // the values the code gives it
};

// Every sentence the engine writes, and what it is given.
const std::vector<SentenceSpec>& specs() {
  static const std::vector<SentenceSpec> kSpecs = {
      {"opening_service", {"request"}},
      {"opening_drug", {"request", "drug", "generic", "class"}},
      {"opening_drug_generic", {"request", "drug", "class"}},
      {"closing_overturned", {"request"}},
      {"closing_upheld", {"request"}},
      {"basis_drug_and_pain", {"generic", "date", "score", "score_date"}},
      {"basis_drug", {"generic", "date"}},
      {"basis_pain", {"score", "score_date"}},
      {"basis_records", {"date"}},
      {"no_rule_service", {"service"}},
      {"no_rule_drug", {"generic", "topic"}},
      {"no_rule_unknown", {}},
      {"no_rule", {}},
      {"note_no_rule", {}},
      {"note_modified", {"certified"}},
      {"note_no_pack_in_force", {"pack", "date"}},
      {"note_formulary_exempt", {"generic"}},
      {"note_formulary_non-exempt", {"generic"}},
      {"note_formulary_unlisted", {"generic"}},
  };
  return kSpecs;
}

const SentenceSpec* spec(const std::string& key) {
  for (const auto& s : specs())
    if (key == s.key) return &s;
  return nullptr;
}

}  // namespace

Wording Wording::load(const std::string& file) { return parse(read_file(file), file); }

Wording Wording::parse(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  if (!root.IsMap() || !root["sentences"] || !root["sentences"].IsMap())
    throw DataError(file, 1, "expected a map with a 'sentences' map");
  Wording w;
  if (root["version"]) w.version_ = root["version"].as<std::string>();
  for (const auto& kv : root["sentences"]) {
    const std::string key = kv.first.as<std::string>();
    const int line = kv.first.Mark().line + 1;
    const SentenceSpec* s = spec(key);
    if (!s) throw DataError(file, line, "unknown sentence '" + key + "'");
    if (!kv.second.IsScalar()) throw DataError(file, line, "sentence '" + key + "' must be text");
    const std::string text = collapse_whitespace(kv.second.as<std::string>());
    for (const auto& name : placeholders_in(text))
      if (std::none_of(s->vars.begin(), s->vars.end(), [&](const char* v) { return name == v; }))
        throw DataError(file, line, "sentence '" + key + "' uses {" + name + "}, which it is not given");
    w.sentences_[key] = text;
  }
  for (const auto& s : specs())
    if (!w.sentences_.count(s.key)) throw DataError(file, 0, std::string("missing sentence '") + s.key + "'");
  return w;
}

std::string Wording::sentence(const std::string& key, const std::map<std::string, std::string>& vars) const {
  auto it = sentences_.find(key);
  if (it == sentences_.end()) throw std::logic_error("no sentence '" + key + "' in the wording");
  return fill_placeholders(it->second, vars);
}

}  // namespace imr
