// Fuzz target: one disputed request line (intake/request.h), e.g. "Norco 10/325mg #180".
#include "fuzz/fuzz_support.h"
#include "intake/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& k = imr::fuzz::knowledge();
  imr::fuzz::expect_clear_refusal([&] { imr::parse_request(imr::fuzz::as_text(data, size), k.drugs); });
  return 0;
}
