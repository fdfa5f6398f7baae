// The review engine: a case file in, per-item determinations out.
//
// An Engine holds the loaded knowledge (drug table, rule packs) and is immutable after
// construction: one Engine may serve many threads at once. review() is a pure function of
// the case and the knowledge — the same input gives byte-identical output.
#pragma once

#include <memory>
#include <string>

#include "assess/rule_pack.h"
#include "decide/determination.h"
#include "intake/case.h"
#include "intake/drug_table.h"
#include "intake/request.h"

namespace imr {

struct Knowledge {
  DrugTable drugs;
  ServiceTable services;
  RuleSet rules;
  std::string version() const;  // "rules <v>; drugs <v>"
};

// Loads data_dir/drugs.yaml, data_dir/services.yaml, data_dir/body_regions.yaml and data_dir/rules/. Throws DataError naming file and line.
std::shared_ptr<const Knowledge> load_knowledge(const std::string& data_dir);

class Engine {
 public:
  explicit Engine(std::shared_ptr<const Knowledge> knowledge);
  Review review(const Case& c) const;
  const Knowledge& knowledge() const { return *knowledge_; }

 private:
  std::shared_ptr<const Knowledge> knowledge_;
};

}  // namespace imr
