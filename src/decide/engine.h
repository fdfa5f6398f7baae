// The review engine: a case file in, per-item determinations out.
//
// An Engine holds the loaded knowledge (drug table, rule packs) and is immutable after
// construction: one Engine may serve many threads at once. review() is a pure function of
// the case and the knowledge — the same input gives byte-identical output.
#pragma once

#include <memory>
#include <string>

#include "assess/phrases.h"
#include "assess/rule_pack.h"
#include "assess/vocabulary.h"
#include "decide/determination.h"
#include "decide/wording.h"
#include "extract/lexicon.h"
#include "intake/case.h"
#include "intake/drug_table.h"
#include "intake/request.h"

namespace imr {

struct Knowledge {
  DrugTable drugs;
  ServiceTable services;
  Lexicon lexicon;        // the words that name findings (data/lexicon)
  Vocabulary vocabulary;  // the codes packs and extraction share
  Phrases phrases;        // each measure outcome's {detail}
  Wording wording;        // the engine's own sentences
  RuleSet rules;
  std::string version() const;  // "rules <v>; drugs <v>"
};

// Loads data_dir/drugs.yaml, services.yaml, body_regions.yaml, vocabulary.yaml, lexicon/,
// measure_phrases.yaml, wording.yaml and rules/. Throws DataError naming file and line.
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
