// The {detail} phrases of measure outcomes, as data (data/measure_phrases.yaml).
//
// A measure returns a reason code with its state ("no_frequency"); what that reason says
// in a letter is a phrase a clinician can edit, keyed "measure.reason", with placeholders
// filled from the finding. The loader checks that every outcome every measure declares has
// its phrase, that every phrase belongs to a declared outcome, and that a phrase uses only
// placeholders its outcome fills.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace imr {

class Phrases {
 public:
  static Phrases load(const std::string& file);
  static Phrases parse(const std::string& yaml, const std::string& file);

  // The phrase for a measure's reason; "" when none.
  const std::string& phrase(const std::string& measure, const std::string& reason) const;
  const std::string& version() const { return version_; }
  const std::string& file() const { return file_; }

 private:
  std::map<std::string, std::string> phrases_;  // "measure.reason" -> phrase
  std::map<std::string, int> lines_;
  std::string version_;
  std::string file_;
};

// The {names} a wording uses, in order of first use.
std::vector<std::string> placeholders_in(const std::string& wording);

}  // namespace imr
