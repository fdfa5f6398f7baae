// The measure registry: every family of measures, looked up by name.
#include "assess/measures.h"

namespace imr {
namespace {

std::vector<MeasureSpec> build() {
  std::vector<MeasureSpec> all;
  for (auto family : {medication_measures, generic_measures, drug_topic_measures, service_measures})
    for (auto& m : family()) all.push_back(std::move(m));
  return all;
}

}  // namespace

const std::vector<MeasureSpec>& all_measures() {
  static const std::vector<MeasureSpec> kAll = build();
  return kAll;
}

const MeasureSpec* find_measure(const std::string& name) {
  for (const auto& m : all_measures())
    if (name == m.name) return &m;
  return nullptr;
}

}  // namespace imr
