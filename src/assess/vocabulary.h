// The vocabulary: every code a rule pack may name, in one place.
//
// Extraction emits facts of a kind with a subject and a qualifier; rule packs test those
// facts by code. Both sides agree on the codes through this vocabulary, which is data
// (data/vocabulary.yaml: fact kinds with their legal subjects and qualifiers) plus the
// code lists of the other tables (drug keys, drug classes and topics from the drug table,
// service topics from the service table, body regions). The pack loader checks every code
// an argument names against its domain and stops start-up on an unknown one; a test checks
// that extraction emits only codes listed here.
//
// Domains are named "<fact_kind>.subject", "<fact_kind>.qualifier", "fact_kind", "drug",
// "drug_class", "drug_topic", "service_topic", "topic", "body_region", "request_flag" and
// "request_field" (the parsed request's fields).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/fact.h"

namespace imr {

class DrugTable;
class Lexicon;
class ServiceTable;

struct FactKindVocabulary {
  std::string kind;                 // "exam_finding"
  std::string description;
  std::map<std::string, std::string> subjects;    // code -> what it means
  std::map<std::string, std::string> qualifiers;  // code -> what it means
  // Subjects also drawn from other domains ("drug", "drug_class"): a prior trial names a
  // therapy, a drug or a class.
  std::vector<std::string> subjects_from;
  // Free-text subjects (a procedure as written): any subject is legal.
  bool open_subjects = false;
};

class Vocabulary {
 public:
  // Loads data/vocabulary.yaml. Every fact kind of the engine must be described, and no
  // other; errors name the file and line.
  static Vocabulary load(const std::string& file);
  static Vocabulary parse(const std::string& yaml, const std::string& file);

  // Adds the code lists of the other tables as domains.
  void add_tables(const DrugTable& drugs, const ServiceTable& services, const std::set<std::string>& request_flags);
  void add_domain(const std::string& name, std::set<std::string> codes);
  // Adds the codes the lexicon emits (kind, subject, qualifier) with their descriptions.
  void add_lexicon(const Lexicon& lexicon);

  // Whether `code` is legal in `domain`; an unknown domain knows nothing.
  bool knows(const std::string& domain, const std::string& code) const;
  bool has_domain(const std::string& domain) const;
  // The codes of a domain (empty for an open one or an unknown one).
  const std::set<std::string>& codes(const std::string& domain) const;

  const FactKindVocabulary* kind(FactKind k) const;
  const std::vector<FactKindVocabulary>& kinds() const { return kinds_; }
  const std::string& version() const { return version_; }

 private:
  std::vector<FactKindVocabulary> kinds_;
  std::map<std::string, std::set<std::string>> domains_;
  std::set<std::string> open_domains_;
  std::string version_;
};

}  // namespace imr
