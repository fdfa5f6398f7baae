#include "assess/phrases.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "assess/measures.h"
#include "core/error.h"
#include "core/file.h"

namespace imr {

Phrases Phrases::load(const std::string& file) { return parse(read_file(file), file); }

Phrases Phrases::parse(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw DataError(file, e.mark.line + 1, "not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) throw DataError(file, 1, "the phrase file must be a YAML map");
  Phrases p;
  p.file_ = file;
  if (root["version"]) p.version_ = root["version"].as<std::string>();
  const YAML::Node measures = root["measures"];
  if (!measures || !measures.IsMap()) throw DataError(file, 1, "missing 'measures' map");
  for (const auto& m : measures) {
    const std::string name = m.first.as<std::string>();
    const int line = m.first.Mark().line + 1;
    const MeasureContract* contract = find_measure(name);
    if (!contract) throw DataError(file, line, "unknown measure '" + name + "'");
    if (!m.second.IsMap()) throw DataError(file, line, "measure '" + name + "' must map reasons to phrases");
    for (const auto& r : m.second) {
      const std::string reason = r.first.as<std::string>();
      const int rline = r.first.Mark().line + 1;
      const Outcome* outcome = nullptr;
      for (const auto& o : contract->outcomes)
        if (reason == o.reason) outcome = &o;
      if (!outcome) throw DataError(file, rline, "measure '" + name + "' has no outcome '" + reason + "'");
      const std::string phrase = r.second.IsNull() ? std::string() : r.second.as<std::string>();
      for (const auto& ph : placeholders_in(phrase)) {
        const bool filled = std::any_of(outcome->fills.begin(), outcome->fills.end(),
                                        [&](const char* f) { return ph == f; });
        if (!filled)
          throw DataError(file, rline, "phrase for " + name + "." + reason + " uses {" + ph +
                                           "}, which that outcome does not fill");
      }
      p.phrases_[name + "." + reason] = phrase;
      p.lines_[name + "." + reason] = rline;
    }
  }
  for (const auto& contract : all_measures())
    for (const auto& o : contract.outcomes)
      if (!p.phrases_.count(std::string(contract.name) + "." + o.reason))
        throw DataError(file, 0, std::string("no phrase for ") + contract.name + "." + o.reason);
  return p;
}

const std::string& Phrases::phrase(const std::string& measure, const std::string& reason) const {
  static const std::string kNone;
  auto it = phrases_.find(measure + "." + reason);
  return it == phrases_.end() ? kNone : it->second;
}

std::vector<std::string> placeholders_in(const std::string& wording) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = wording.find('{', pos)) != std::string::npos) {
    const size_t end = wording.find('}', pos);
    if (end == std::string::npos) break;
    std::string name = wording.substr(pos + 1, end - pos - 1);
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    pos = end + 1;
  }
  return out;
}

}  // namespace imr
