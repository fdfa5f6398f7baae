// Fuzz target: the document reader (intake/document.h) over arbitrary bytes. A PDF (by its
// signature) goes through the extraction itself, in process, so the fuzzer sees the code it
// runs (the command line and the server run the same function in a child process with CPU,
// memory and wall-time limits); anything else through the text path (UTF-8 repair, limits).
#include "fuzz/fuzz_support.h"
#include "intake/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(imr::fuzz::as_text(data, size));
  imr::fuzz::expect_clear_refusal([&] {
    if (bytes.compare(0, 5, "%PDF-") == 0) imr::pdf_text_in_process(bytes, "fuzz.pdf");
    else imr::document_text_from_bytes(bytes, "fuzz.txt");
  });
  return 0;
}
