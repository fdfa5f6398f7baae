#include "assess/args.h"

#include <cstdlib>
#include <stdexcept>

#include "core/text.h"

namespace imr {
namespace {

template <typename T>
const T& get(const std::map<std::string, ArgValue>& values, const std::string& name) {
  auto it = values.find(name);
  if (it == values.end()) throw std::logic_error("criterion argument '" + name + "' was not given");
  const T* v = std::get_if<T>(&it->second);
  if (!v) throw std::logic_error("criterion argument '" + name + "' read as the wrong type");
  return *v;
}

}  // namespace

const char* to_string(ArgType t) {
  switch (t) {
    case ArgType::kNumber: return "a number";
    case ArgType::kInteger: return "a whole number";
    case ArgType::kBoolean: return "true or false";
    case ArgType::kDays: return "a span of time (days, weeks, months)";
    case ArgType::kCodes: return "a code or a list of codes";
    case ArgType::kCodeNumbers: return "a map of code: number";
  }
  return "a value";
}

double Args::number(const std::string& name) const { return get<double>(values_, name); }

std::optional<double> Args::number_if(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  return number(name);
}

bool Args::flag(const std::string& name, bool otherwise) const {
  if (!has(name)) return otherwise;
  return get<bool>(values_, name);
}

const std::vector<std::string>& Args::codes(const std::string& name) const {
  static const std::vector<std::string> kNone;
  if (!has(name)) return kNone;
  return get<std::vector<std::string>>(values_, name);
}

std::set<std::string> Args::code_set(const std::string& name) const {
  const auto& v = codes(name);
  return {v.begin(), v.end()};
}

const std::map<std::string, double>& Args::code_numbers(const std::string& name) const {
  static const std::map<std::string, double> kNone;
  if (!has(name)) return kNone;
  return get<std::map<std::string, double>>(values_, name);
}

std::optional<double> parse_days(const std::string& text) {
  const std::string t = to_lower(std::string(trim(text)));
  if (t.empty()) return std::nullopt;
  char* end = nullptr;
  const double n = std::strtod(t.c_str(), &end);
  if (end == t.c_str() || n < 0) return std::nullopt;
  std::string unit(trim(std::string_view(end)));
  if (unit.empty() || unit == "d" || unit == "day" || unit == "days") return n;
  if (unit == "w" || unit == "week" || unit == "weeks") return n * 7;
  if (unit == "m" || unit == "month" || unit == "months") return n * 30;
  if (unit == "y" || unit == "year" || unit == "years") return n * 365;
  return std::nullopt;
}

}  // namespace imr
