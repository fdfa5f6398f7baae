// The specialty map: which reviewer specialties fit a disputed item, from data/specialties.yaml.
//
// The file declares one controlled list of specialty names (specialties and subspecialties
// alike) and a list of rules. Each rule keys on exactly one of a rule topic (the governing
// pack's topic, "opioids"), a drug class ("opioid", from data/drugs.yaml) or a service name
// ("massage therapy", from data/services.yaml), optionally narrowed by words the request
// must mention ("lumbar", "knee"), and lists the fitting specialties. An item is looked up
// by topic first, then drug class, then service; within a key, the first rule (file order)
// whose words the request mentions wins, else the key's rule without words. See
// docs/reviewers.md.
//
// Loading validates everything (unknown specialty, a rule with no key or two keys, no
// specialties, a key mapped twice without words, unknown fields) and throws DataError with
// the file and line. Immutable after loading; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imr {

struct SpecialtyRule {
  std::string topic;       // exactly one of topic, drug_class, service is set
  std::string drug_class;
  std::string service;
  std::vector<std::string> when_request_mentions;  // lower case; empty = always
  std::vector<std::string> specialties;            // canonical controlled names
  int line = 0;
};

// What the map says about one item: the fitting specialties and why (for explanations).
struct SpecialtyFit {
  std::vector<std::string> specialties;  // empty when nothing in the map covers the item
  std::string basis;  // "topic 'surgery', as the request mentions 'lumbar'", "drug class 'opioid'"
  bool found() const { return !specialties.empty(); }
};

class SpecialtyMap {
 public:
  // Throws InputError when the file cannot be read, DataError("file:line: problem") when
  // it is invalid.
  static SpecialtyMap load(const std::string& path);
  static SpecialtyMap parse(std::string_view yaml, const std::string& file);

  // The fitting specialties for an item (empty when no rule covers it).
  std::vector<std::string> fitting(const std::string& topic, const std::string& drug_class,
                                   const std::string& service,
                                   std::string_view request_text) const;
  // The same, with the rule that decided, in words.
  SpecialtyFit match(const std::string& topic, const std::string& drug_class,
                     const std::string& service, std::string_view request_text) const;

  // The controlled spelling of a specialty name (matched case-insensitively, whitespace
  // collapsed); nullopt when the name is not in the list.
  std::optional<std::string> canonical(std::string_view name) const;
  const std::vector<std::string>& specialties() const { return specialties_; }
  const std::vector<SpecialtyRule>& rules() const { return rules_; }
  const std::string& version() const { return version_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::string version_;
  std::vector<std::string> specialties_;
  std::vector<SpecialtyRule> rules_;
};

// True when `text` mentions `phrase` as whole words, case-insensitively ("lumbar" in
// "L4-5 lumbar fusion", "rotator cuff" in "Rotator-cuff repair"). Punctuation separates
// words. Linear; no regex.
bool mentions_words(std::string_view text, std::string_view phrase);

}  // namespace imr
