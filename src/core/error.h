// Errors the engine reports to its callers. Each carries one line of text that names
// the file (when there is one) and the problem, ready to print as-is.
#pragma once

#include <stdexcept>
#include <string>

namespace imr {

// Input the engine cannot use: an unreadable, empty, binary or malformed file, a letter
// with no disputed items, an unknown drug. what() is "FILE: PROBLEM" (or "PROBLEM").
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string problem);
  const std::string& file() const { return file_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::string problem_;
};

// A bundled or clinician-edited data file (drug table, rule pack, template) that fails
// validation. what() is "FILE:LINE: PROBLEM" (line omitted when 0).
class DataError : public std::runtime_error {
 public:
  DataError(std::string file, int line, std::string problem);
  const std::string& file() const { return file_; }
  int line() const { return line_; }

 private:
  std::string file_;
  int line_;
};

}  // namespace imr
