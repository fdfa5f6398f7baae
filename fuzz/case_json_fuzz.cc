// Fuzz target: a case file as JSON (intake/case.h), then the engine's review of whatever it
// accepted: every accepted case must be reviewable.
#include "fuzz/fuzz_support.h"
#include "intake/case.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const imr::Engine engine(std::shared_ptr<const imr::Knowledge>(&imr::fuzz::knowledge(), [](const imr::Knowledge*) {}));
  imr::fuzz::expect_clear_refusal([&] {
    const imr::Case c = imr::parse_case_json(imr::fuzz::as_text(data, size), "fuzz.json");
    engine.review(c);
  });
  return 0;
}
