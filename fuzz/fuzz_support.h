// What every fuzz target shares: the bundled knowledge loaded once, and the rule that an
// input the library refuses must be refused with one of its own errors. InputError and
// DataError are the library's clear "this input is bad" answers and end the run quietly;
// anything else escaping (a json::exception, std::out_of_range, bad_alloc...) is a finding:
// it is not caught, so libFuzzer reports it as a crash with the input that caused it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"
#include "decide/engine.h"

namespace imr::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline const Knowledge& knowledge() {
  static const std::shared_ptr<const Knowledge> k = load_knowledge(IMR_SOURCE_DIR "/data");
  return *k;
}

// Runs f; the library's own refusals are expected answers to hostile input.
template <typename F>
void expect_clear_refusal(F&& f) {
  static const bool quiet = (set_warning_sink(nullptr), true);  // warnings are answers too
  (void)quiet;
  try {
    f();
  } catch (const InputError&) {
  } catch (const DataError&) {
  }
}

}  // namespace imr::fuzz

// Loads the knowledge before the first input, so its time (seconds under ASan) is not
// counted against the first input's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  imr::fuzz::knowledge();
  return 0;
}
