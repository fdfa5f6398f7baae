// A guideline citation as letters write it and as the engine emits it.
#pragma once

#include <string>
#include <vector>

namespace imr {

struct Citation {
  // "MTUS Chronic Pain Medical Treatment Guidelines", "ODG", "ACOEM", "MTUS Acupuncture
  // Medical Treatment Guidelines", ...
  std::string source;
  // Section or topic as written: "Benzodiazepines", "Opioids, Criteria for Use".
  std::string section;
  // Pages as written: "24", "76-80", "78, 86". Empty when the letter gave none.
  std::string pages;
  // The original text the citation was read from (letters) or a rendered form (engine).
  std::string text;

  friend bool operator==(const Citation&, const Citation&) = default;
};

enum class Decision { kUpheld, kOverturned };

inline const char* to_string(Decision d) { return d == Decision::kUpheld ? "upheld" : "overturned"; }

}  // namespace imr
