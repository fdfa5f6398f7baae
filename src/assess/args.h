// Typed criterion arguments.
//
// A measure declares the arguments it takes (ArgSpec: a name, a type, whether it is
// required, and for codes the vocabulary domain they come from). The pack loader turns a
// criterion's `args` (and its `min` / `max`) into typed values once, checking every key,
// type, range and code; an unknown key, a wrong type or an unknown code stops start-up
// with file and line. During a review a measure reads the values it declared: nothing is
// parsed then, and a missing required value cannot happen.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace imr {

enum class ArgType {
  kNumber,       // 3.5
  kInteger,      // 6
  kBoolean,      // true / false
  kDays,         // a span of time: 30, "30 days", "6 weeks", "3 months", "1 year" -> days
  kCodes,        // one code or a list of codes of a vocabulary domain
  kCodeNumbers,  // a map code -> number ({crps: 24, radiculopathy: 10})
};

const char* to_string(ArgType t);

struct ArgSpec {
  const char* name;
  ArgType type;
  bool required = false;
  // kCodes / kCodeNumbers: the vocabulary domain of the codes ("exam_finding.subject",
  // "drug_class"). "@kind.subject" / "@kind.qualifier" take the fact kind named by the
  // criterion's own `kind` argument.
  const char* domain = "";
  const char* doc = "";
  double lo = 0;        // numbers: inclusive bounds
  double hi = 100000;
};

using ArgValue = std::variant<double, bool, std::vector<std::string>, std::map<std::string, double>>;

// The typed arguments of one criterion.
class Args {
 public:
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // Each accessor returns the declared value; a name the measure did not declare, or of
  // another type, is a programming error (std::logic_error).
  double number(const std::string& name) const;
  std::optional<double> number_if(const std::string& name) const;
  int integer(const std::string& name) const { return static_cast<int>(number(name)); }
  int days(const std::string& name) const { return static_cast<int>(number(name)); }
  bool flag(const std::string& name, bool otherwise = false) const;
  // Empty when the argument was not given.
  const std::vector<std::string>& codes(const std::string& name) const;
  std::set<std::string> code_set(const std::string& name) const;
  const std::map<std::string, double>& code_numbers(const std::string& name) const;

  void set(const std::string& name, ArgValue v) { values_[name] = std::move(v); }
  const std::map<std::string, ArgValue>& values() const { return values_; }

 private:
  std::map<std::string, ArgValue> values_;
};

// Reads "30", "30 days", "6 weeks", "3 months", "1 year" as days; nullopt otherwise.
std::optional<double> parse_days(const std::string& text);

}  // namespace imr
