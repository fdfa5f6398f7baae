// Fuzz target: fact extraction (extract/extract.h) over one record of arbitrary text.
#include "extract/extract.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& k = imr::fuzz::knowledge();
  imr::RecordText record;
  record.title = "record";
  record.text = std::string(imr::fuzz::as_text(data, size));
  imr::fuzz::expect_clear_refusal([&] { imr::extract_facts({record}, k.drugs); });
  return 0;
}
