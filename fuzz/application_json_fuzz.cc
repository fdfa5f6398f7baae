// Fuzz target: an IMR application as JSON (service/application.h).
#include "fuzz/fuzz_support.h"
#include "service/application.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  imr::fuzz::expect_clear_refusal(
      [&] { imr::parse_application_json(imr::fuzz::as_text(data, size), "fuzz.json"); });
  return 0;
}
