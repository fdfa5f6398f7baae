// The engine's own sentences, as data (data/wording.yaml): the rationale's opening and
// closing, the record basis, the no-rule rationale, reviewer notes. The code names which
// sentences exist and the values each may use; the words are a clinician's to edit. The
// loader refuses a missing sentence, an unknown one, and a placeholder its sentence is not
// given, with file and line.
#pragma once

#include <map>
#include <string>

namespace imr {

class Wording {
 public:
  static Wording load(const std::string& file);
  static Wording parse(const std::string& yaml, const std::string& file);

  // The sentence `key` with its placeholders filled. `key` must be one the code declares.
  std::string sentence(const std::string& key, const std::map<std::string, std::string>& vars) const;
  const std::string& version() const { return version_; }

 private:
  std::map<std::string, std::string> sentences_;
  std::string version_;
};

}  // namespace imr
