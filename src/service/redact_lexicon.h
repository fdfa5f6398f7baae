// The redactor's word lists: what is known to be safe (common English words, the clinical
// vocabulary, the letter's own proper nouns) and what marks an identifier (credentials,
// relation and role words, organisation and street words, given-name forms, places).
//
// Loaded once from data_dir/redaction/lexicon.yaml, which names its sources: Debian's scowl
// and wordnet-base word lists (read where the packages install them), the project's own data
// (drugs, services, specialties, rule packs) and the team-written lists beside it. Every
// problem is a DataError naming the file (and line where there is one); a missing Debian list
// names the package to install. Immutable after loading, so one lexicon serves every thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace imr {

namespace redaction {
struct CompiledPatterns;  // the label patterns built from the lists (redact_internal.h)
}

struct RedactionLexicon {
  using WordSet = std::unordered_set<std::string>;
  // Lower-case words known to be safe.
  WordSet common;         // scowl english-words (up to level 80) and contractions
  WordSet rare;           // of those, the words only the rare levels (70, 80) have
  WordSet clinical;       // clinical-words.txt and every word of the project's data files
  WordSet product_words;  // of those, the words of the drug table (drug and product names)
  WordSet safe_proper;    // the letter's own proper nouns: California, MTUS, months, languages
  WordSet function_words; // "the", "per", "his": never part of a name or organisation
  WordSet word_prefixes;  // "non", "post": a hyphenated word with one is still a word
  std::vector<std::string> clinical_suffixes;  // "itis", "ectomy": a long word ending so is clinical
  // Lower-case capitalised words from scowl's proper-name lists (given names, surnames, places).
  WordSet proper;
  // Verbs (WordNet): lemmas and irregular forms ("said" -> "say"); auxiliaries ("is", "can").
  WordSet verb_lemmas;
  std::unordered_map<std::string, std::string> verb_irregular;
  WordSet auxiliaries;
  // Identifier context (lower case; entries keep their written dots: "m.d.", "pa-c").
  WordSet honorifics, credentials, relation_words, role_words, organization_words,
      organization_heads, name_connectors, surname_particles, street_suffixes,
      ambiguous_street_suffixes, street_prefixes, place_suffixes, unit_words, directions, states,
      place_prepositions;
  // Multi-word labels (lower case, single spaces): "patient name", "mrn", "claim no".
  std::vector<std::string> name_labels, id_labels, claim_labels, organization_labels;
  // Labels after which even a one- to three-digit number identifies ("Store #22", "Badge 417").
  std::vector<std::string> short_id_labels;
  // Examination tests and signs named after people, as written ("Hawkins-Kennedy", "Neer"):
  // such a name followed by its result ("Neer and Hawkins-Kennedy positive") is clinical.
  std::vector<std::string> eponymous_tests;
  WordSet eponymous_test_names;  // the same, as written, for lookups
  // Hosts of public references kept in web addresses ("mdguidelines.com", "ca.gov").
  std::vector<std::string> public_web_addresses;
  // Guidelines and their publishers as cited ("ACOEM", "ODG"), lower case.
  WordSet guideline_sources;
  // Organisations named alone ("Kaiser", "Quest Diagnostics", "YMCA"), as written.
  std::vector<std::string> known_organizations;
  // Clinical phrases kept as written wherever they occur ("Hua Tuo Jiaji", "Brown-Séquard").
  std::vector<std::string> clinical_phrases;
  // Given name (lower case) -> its other forms (as written), both ways: "william" -> Bill, Will.
  std::unordered_map<std::string, std::vector<std::string>> name_forms;
  // Places (as written, "Walnut Creek"); and the lower-case single words among them.
  std::vector<std::string> places;
  WordSet place_words;
  std::string version;
  // Built once at load time from the lists above.
  std::shared_ptr<const redaction::CompiledPatterns> compiled;

  // Throws DataError naming the file (and line) for anything missing or malformed.
  static RedactionLexicon load(const std::string& data_dir);
  // The lexicon of a data directory, loaded on first use and kept for the process (loading
  // takes about half a second; commands that write no letter never pay it). Thread-safe.
  static std::shared_ptr<const RedactionLexicon> shared(const std::string& data_dir);

  // Word tests on the lower-case form.
  bool is_common(std::string_view lower) const;  // common, clinical, safe proper or function word
  bool is_clinical(std::string_view lower) const { return clinical.count(std::string(lower)) > 0; }
  bool is_proper(std::string_view lower) const { return proper.count(std::string(lower)) > 0; }
  // "says", "reported", "had", "cannot": a verb form that follows its subject.
  bool is_finite_verb(std::string_view lower) const;
  bool in(const WordSet& set, std::string_view lower) const { return set.count(std::string(lower)) > 0; }
};

}  // namespace imr
