// Fuzz target: the letter reader (letters/letter.h) over arbitrary text, and the case it
// yields for a blind review (intake/letter_case.h).
#include "fuzz/fuzz_support.h"
#include "intake/letter_case.h"
#include "letters/letter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(imr::fuzz::as_text(data, size));
  imr::fuzz::expect_clear_refusal([&] {
    const imr::Letter letter = imr::read_letter(text, "fuzz.txt");
    imr::case_from_letter(letter);
  });
  return 0;
}
