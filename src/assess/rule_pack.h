// Rule packs: guideline criteria as clinician-editable, versioned, effective-dated data.
//
// A pack (one YAML file under data/rules/) covers one guideline topic — "opioids",
// "benzodiazepines" — and says which requests it governs (drug classes, drug topics,
// services), what the guideline's position is (in our own words), the citations it may
// use (section and pages; MTUS or a non-MTUS source that supplements it), and its
// criteria. Each criterion names a measure (a registered function over the record's facts
// and the parsed request, see measures.h), its thresholds, its citation, whether it is
// decisive, and the rationale wording for each of its three states.
//
// Loading validates everything — unknown measure, unknown citation id, missing wording,
// a threshold a measure needs but lacks — and throws DataError with the file and line.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assess/args.h"
#include "assess/criterion.h"
#include "core/citation.h"
#include "core/date.h"
#include "extract/fact.h"

namespace imr {

class Vocabulary;
class Phrases;
struct ParsedRequest;

struct GuidelineCitation {
  std::string id;        // referenced by criteria
  std::string family;    // "MTUS", "ODG", "ACOEM"
  std::string document;  // "MTUS Chronic Pain Medical Treatment Guidelines (2009)"
  std::string section;   // "Opioids, On-Going Management"
  std::string pages;     // "78"
  bool non_mtus = false; // cited as "Non-MTUS Citation" (supplements MTUS)
  Citation to_citation() const;
};

struct CriterionRule {
  std::string id;           // "opioids.pain_relief"
  std::string title;        // "Quantified pain relief"
  std::string measure;      // registry name: "pain_relief_quantified"
  Args args;                // typed and checked at load (args.h); `min` / `max` included
  std::string citation;     // GuidelineCitation id
  Role role = Role::kIndication;
  // Indications: the group the criterion belongs to; each group needs one indication met.
  // A criterion with no group is a group of its own.
  std::string group;
  bool decisive() const { return role == Role::kIndication || role == Role::kRequirement; }
  std::string phase = "any";  // "any", "initiating" (new use) or "ongoing" (continued use)
  // Evaluated only when the record documents one of these diagnoses (codes of
  // diagnosis.subject); otherwise the criterion does not apply to the item.
  std::vector<std::string> only_if_diagnosis;
  // Evaluated only for a request written with one of these flags ("interlaminar").
  std::vector<std::string> only_if_request_flag;
  std::string looked_for;   // what the engine searched the record for
  std::string met;          // rationale wording per state; {placeholders} filled from
  std::string not_met;      // the finding (see measures.h)
  std::string not_documented;
  std::map<std::string, std::string> when;  // wording for one reason code, replacing its state's
  std::string to_change;    // documentation that would change the outcome
  int line = 0;
};

struct RulePack {
  std::string id;           // "mtus2009.opioids"
  std::string topic;        // "opioids"
  std::string title;        // "Opioids"
  std::string version;
  Date effective_from;
  std::optional<Date> effective_to;
  std::vector<std::string> drug_classes;  // requests whose drug is of these classes
  std::vector<std::string> drug_topics;   // ... or whose drug table topic is one of these
  std::vector<std::string> drug_keys;     // ... or exactly these drugs
  std::vector<std::string> service_topics;  // service requests of these topics (data/services.yaml)
  // Narrowing (a pack that names them beats one that does not, and applies only then):
  std::vector<std::string> body_regions;    // ... for these body regions
  std::vector<std::string> request_flags;   // ... written with these flags ("postoperative")
  // ... for requests at most this many days after the injury (the acute phase: the MTUS
  // has treated pain lasting three months or more as chronic since 2015). Without an injury
  // date the pack does not apply.
  std::optional<int> injury_within_days;
  // What a course of this service already given looks like in the record (services:
  // "more sessions" rather than a first trial): facts of this kind with these subjects.
  std::optional<FactKind> prior_course_kind;
  std::vector<std::string> prior_course_subjects;
  int priority = 0;         // the most specific pack wins (fentanyl over opioids)
  // A companion pack (weaning) is never the governing pack of a request; its criteria
  // (all supporting) are added to an upheld determination of continued use.
  bool companion = false;
  // A pack may extend another: it takes the base's citations and criteria after its own
  // (a criterion with the same id replaces the base's).
  std::string extends;
  std::string position;     // the guideline's position, our words, for the rationale
  std::vector<GuidelineCitation> citations;
  std::vector<CriterionRule> criteria;
  std::string file;
  int line = 0;

  const GuidelineCitation* citation(const std::string& id) const;
  bool in_force(const std::optional<Date>& on) const;
};

class RuleSet {
 public:
  // Loads every *.yaml under `dir` (sorted by name). The set's version combines the
  // manifest's (dir/VERSION) with each pack's.
  // Codes named in arguments are checked against `vocabulary`; {detail} phrases against
  // `phrases`.
  static RuleSet load(const std::string& dir, const Vocabulary& vocabulary, const Phrases& phrases);
  // Parses one pack from YAML text (for tests and the loader).
  // `base` is the pack named by `extends:` (required when the pack extends one).
  static RulePack parse_pack(const std::string& yaml, const std::string& file, const Vocabulary& vocabulary,
                             const Phrases& phrases, const RulePack* base = nullptr);

  const std::vector<RulePack>& packs() const { return packs_; }
  const std::string& version() const { return version_; }
  // The pack governing a request in force on `on` (else the most recent one, which the
  // caller reports as superseded); nullptr when none covers it. Drugs match by key, topic
  // or class, services by topic; a pack naming the request's body region or flags beats
  // one that does not, and a pack naming others does not apply.
  // `injury` is the date of injury, for packs narrowed to the acute phase.
  const RulePack* for_request(const ParsedRequest& request, const std::optional<Date>& on,
                              const std::optional<Date>& injury = std::nullopt) const;
  const RulePack* by_topic(const std::string& topic) const;
  // Companion packs that apply to a drug, in force on `on`.
  std::vector<const RulePack*> companions_for_drug(const std::string& key,
                                                   const std::string& topic,
                                                   const std::string& drug_class,
                                                   const std::optional<Date>& on) const;

  void add(RulePack pack) { packs_.push_back(std::move(pack)); }
  void set_version(std::string v) { version_ = std::move(v); }

 private:
  std::vector<RulePack> packs_;
  std::string version_;
};

}  // namespace imr
