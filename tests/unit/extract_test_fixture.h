// Shared helpers for the extract_*_test.cc files: a small drug table written inline (so the
// tests do not depend on data/drugs.yaml) and short-hands to run the extractor on text.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "extract/extract.h"
#include "intake/drug_table.h"

namespace imr::testing_extract {

inline const DrugTable& test_drugs() {
  static const DrugTable table = DrugTable::parse(R"(version: t
classes: {opioid: an opioid, benzodiazepine: a benzodiazepine, muscle_relaxant: a muscle relaxant, nsaid: an NSAID, anticonvulsant: an anti-epilepsy drug, analgesic: an analgesic}
drugs:
  - {key: hydrocodone_apap, generic: hydrocodone/acetaminophen, ingredients: [hydrocodone, acetaminophen], brands: [Norco, Vicodin], class: opioid, topic: opioids, mme: {per_mg: 1}}
  - {key: oxycodone_apap, generic: oxycodone/acetaminophen, ingredients: [oxycodone, acetaminophen], brands: [Percocet], class: opioid, topic: opioids, mme: {per_mg: 1.5}}
  - {key: tramadol, generic: tramadol, brands: [Ultram], class: opioid, topic: opioids, mme: {per_mg: 0.1}}
  - {key: fentanyl_patch, generic: fentanyl, brands: [Duragesic], class: opioid, topic: opioids, mme: {per_mcg_hr: 2.4}}
  - {key: buprenorphine_patch, generic: buprenorphine, brands: [Butrans], class: opioid, topic: opioids, mme: {per_mg: 1}}
  - {key: alprazolam, generic: alprazolam, brands: [Xanax], class: benzodiazepine, topic: benzodiazepines}
  - {key: diazepam, generic: diazepam, brands: [Valium], class: benzodiazepine, topic: benzodiazepines}
  - {key: clonazepam, generic: clonazepam, brands: [Klonopin], class: benzodiazepine, topic: benzodiazepines}
  - {key: lorazepam, generic: lorazepam, brands: [Ativan], class: benzodiazepine, topic: benzodiazepines}
  - {key: carisoprodol, generic: carisoprodol, brands: [Soma], class: muscle_relaxant, topic: muscle_relaxants}
  - {key: cyclobenzaprine, generic: cyclobenzaprine, brands: [Flexeril], class: muscle_relaxant, topic: muscle_relaxants}
  - {key: tizanidine, generic: tizanidine, brands: [Zanaflex], class: muscle_relaxant, topic: muscle_relaxants}
  - {key: gabapentin, generic: gabapentin, brands: [Neurontin], class: anticonvulsant, topic: anticonvulsants}
  - {key: ibuprofen, generic: ibuprofen, brands: [Motrin], class: nsaid, topic: nsaids}
  - {key: acetaminophen, generic: acetaminophen, brands: [Tylenol], class: analgesic, topic: acetaminophen}
  - {key: pregabalin, generic: pregabalin, brands: [Lyrica], class: anticonvulsant, topic: anticonvulsants}
  - {key: tapentadol, generic: tapentadol, brands: [Nucynta], class: opioid, topic: opioids, mme: {per_mg: 0.4}}
)",
                                                  "test-drugs.yaml");
  return table;
}

// The bundled clinical lexicon (data/lexicon): examination findings, symptoms, red flags
// and the further diagnoses are data.
inline const Lexicon& test_lexicon() {
  static const Lexicon lexicon = Lexicon::load(std::string(IMR_SOURCE_DIR) + "/data/lexicon");
  return lexicon;
}

inline std::vector<Fact> facts_in(const std::string& text,
                                  std::optional<Date> record_date = std::nullopt,
                                  int index = 0) {
  return extract_record_facts(RecordText{record_date, "note", text}, index, test_drugs(), test_lexicon());
}

inline std::vector<Fact> of_kind(const std::vector<Fact>& facts, FactKind kind) {
  std::vector<Fact> out;
  for (const auto& f : facts)
    if (f.kind == kind) out.push_back(f);
  return out;
}

inline std::string dump(const std::vector<Fact>& facts) {
  std::ostringstream os;
  for (const auto& f : facts) {
    os << to_string(f.kind) << " " << to_string(f.polarity) << " subject=" << f.subject
       << " qual=" << f.qualifier;
    if (f.value) os << " value=" << *f.value;
    if (f.value_max) os << " max=" << *f.value_max;
    if (f.date) os << " date=" << f.date->iso();
    if (f.since) os << " since=" << f.since->iso();
    if (f.duration_days) os << " days=" << *f.duration_days;
    os << " ev=[" << f.evidence.record << ":" << f.evidence.start << "," << f.evidence.end
       << ")\n";
  }
  return os.str();
}

// The evidence covers the whole of a one-sentence text.
inline void expect_whole_sentence(const Fact& f, const std::string& text, int record = 0) {
  EXPECT_EQ(f.evidence.record, record);
  EXPECT_EQ(f.evidence.start, 0u);
  EXPECT_EQ(f.evidence.end, text.size());
  EXPECT_EQ(f.evidence.text, text);
}

// The evidence is exactly `sentence`, found in `text`.
inline void expect_sentence(const Fact& f, const std::string& text, const std::string& sentence,
                            int record = 0) {
  const size_t at = text.find(sentence);
  ASSERT_NE(at, std::string::npos) << sentence;
  EXPECT_EQ(f.evidence.record, record);
  EXPECT_EQ(f.evidence.start, at);
  EXPECT_EQ(f.evidence.end, at + sentence.size());
  EXPECT_EQ(f.evidence.text, sentence);
}

inline std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "none"; }

}  // namespace imr::testing_extract
