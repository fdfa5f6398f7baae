// Fuzz target: the reviewer registry as JSON (service/reviewer.h).
#include "fuzz/fuzz_support.h"
#include "service/reviewer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  imr::fuzz::expect_clear_refusal(
      [&] { imr::parse_reviewer_registry(imr::fuzz::as_text(data, size), "fuzz.json"); });
  return 0;
}
