// The drug table: every drug the engine knows, loaded from data/drugs.yaml.
//
// Data, not code: brand names, generic ingredients, common misspellings, class, the
// guideline topic that governs the class, and for opioids the morphine-equivalent factor.
// Loaded and validated once at start-up (errors name the file and line); immutable and
// safe to share between threads afterwards.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "intake/name_index.h"

namespace imr {

// Conversion to oral morphine milligram equivalents (CDC 2016 table).
struct MmeFactor {
  // Plain factor per mg of the opioid ingredient (hydrocodone 1, oxycodone 1.5, ...).
  std::optional<double> per_mg;
  // Transdermal fentanyl: factor per mcg/hr of patch strength (2.4).
  std::optional<double> per_mcg_hr;
  // Methadone: by total daily dose band, {max mg/day (inclusive), factor}, ascending.
  std::vector<std::pair<double, double>> bands;
};

struct Drug {
  std::string key;                       // stable id: "hydrocodone_apap"
  std::string generic;                   // "hydrocodone/acetaminophen"
  std::vector<std::string> ingredients;  // {"hydrocodone", "acetaminophen"}
  std::vector<std::string> brands;       // {"Norco", "Vicodin", "Lortab"}
  std::vector<std::string> misspellings;
  std::string drug_class;  // "opioid", "benzodiazepine", "muscle_relaxant", "nsaid", ...
  std::string topic;       // rule topic that governs it: "opioids", "benzodiazepines", ...
  std::string default_form;   // "tablet", "patch", "capsule", "cream", ...
  std::string default_route;  // "oral", "transdermal", "topical"
  std::optional<MmeFactor> mme;  // opioids only
  bool long_acting = false;      // ER/LA opioid formulations
  // MTUS Drug Formulary status for dates of service from 2018: "exempt", "non-exempt",
  // or empty when the table does not say.
  std::string formulary_status;
  int line = 0;  // line in the data file, for messages
};

class DrugTable {
 public:
  DrugTable() = default;
  // Movable, not copyable: names() points into drugs().
  DrugTable(const DrugTable&) = delete;
  DrugTable& operator=(const DrugTable&) = delete;
  DrugTable(DrugTable&&) = default;
  DrugTable& operator=(DrugTable&&) = default;

  // Loads and validates a drug table. Throws DataError("file:line: problem") for a
  // missing field, an unknown class, a duplicate name, or an MME factor on a non-opioid.
  static DrugTable load(const std::string& path);
  static DrugTable parse(std::string_view yaml, const std::string& file_name);

  // Finds a drug by any of its names (brand, generic, ingredient combination or listed
  // misspelling), case-insensitively. Returns nullptr when unknown.
  const Drug* find(std::string_view name) const;
  const Drug* by_key(std::string_view key) const;
  const std::vector<Drug>& drugs() const { return drugs_; }
  std::string version() const { return version_; }
  // How a letter names a class: "an opioid analgesic"; "a medication" for an unknown one.
  std::string class_label(const std::string& drug_class) const;
  const std::map<std::string, std::string>& classes() const { return class_labels_; }
  // The date from which the MTUS Drug Formulary status applies (drugs.yaml
  // `formulary_from`); none when the table does not give it.
  const std::optional<Date>& formulary_from() const { return formulary_from_; }

  // Every name the table knows (lower case) with the drug it names; longest first, for
  // scanning free text.
  const std::vector<std::pair<std::string, const Drug*>>& names() const { return names_; }
  // The same names for finding the earliest in a text; hit indexes are indexes into names().
  const NameIndex& name_index() const { return name_index_; }

 private:
  void index();
  std::string version_;
  std::map<std::string, std::string> class_labels_;  // class code -> label
  std::optional<Date> formulary_from_;
  std::vector<Drug> drugs_;
  std::map<std::string, size_t, std::less<>> by_name_;
  std::map<std::string, size_t, std::less<>> by_key_;
  std::vector<std::pair<std::string, const Drug*>> names_;
  NameIndex name_index_;
};

}  // namespace imr
