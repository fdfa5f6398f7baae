// The measure registry: every family of measures, looked up by name.
#include <set>
#include <stdexcept>

#include "assess/measures.h"

namespace imr {
namespace {

std::vector<MeasureContract> build() {
  std::vector<MeasureContract> all;
  for (auto family : {generic_measures, request_measures, medication_measures, drug_topic_measures,
                      service_measures, case_measures, gap_drug_measures})
    for (auto& m : family()) all.push_back(std::move(m));
  // A contract's reasons name its outcomes; two outcomes of one state with the same
  // reason would make pack wording ambiguous.
  std::set<std::string> names;
  for (const auto& m : all) {
    if (!names.insert(m.name).second) throw std::logic_error(std::string("measure registered twice: ") + m.name);
    std::set<std::pair<int, std::string>> seen;
    for (const auto& o : m.outcomes)
      if (!seen.insert({static_cast<int>(o.state), o.reason}).second)
        throw std::logic_error(std::string("measure ") + m.name + ": outcome listed twice: " + o.reason);
  }
  return all;
}

}  // namespace

bool Outcome::possible_with(const Args& args) const {
  const std::string cond = only_if;
  if (cond.empty()) return true;
  if (cond[0] == '!') return !args.flag(cond.substr(1));
  return args.flag(cond);
}

const ArgSpec* MeasureContract::arg(const std::string& n) const {
  for (const auto& a : args)
    if (n == a.name) return &a;
  return nullptr;
}

const Outcome* MeasureContract::outcome(CriterionState state, const std::string& reason) const {
  for (const auto& o : outcomes)
    if (o.state == state && reason == o.reason) return &o;
  return nullptr;
}

const std::vector<MeasureContract>& all_measures() {
  static const std::vector<MeasureContract> kAll = build();
  return kAll;
}

const MeasureContract* find_measure(const std::string& name) {
  for (const auto& m : all_measures())
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace imr
