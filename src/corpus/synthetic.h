// Synthetic determination letters for the scale benchmark (scripts/bench-corpus.sh): the
// modern layout with its header table, in the project's own words, with varied requests,
// decisions, reviewer specialties, dates and priorities, and now and then an amended letter
// (a case number issued again with a later decision). Letter i depends only on (seed, i),
// so the same seed writes the same files. Every letter reads without error (tested).
#pragma once

#include <cstdint>
#include <string>

namespace imr::corpus {

// The text of synthetic letter `index` (0-based) and its file name ("CM16-0001234.txt",
// "CM16-0001234-amended.txt").
struct SyntheticLetter {
  std::string name, text;
};
SyntheticLetter synthetic_letter(uint64_t seed, int64_t index);

// Writes letters 0..count-1 under dir, a thousand to a subdirectory ("000/", "001/", ...).
// Throws InputError naming the path when it cannot write.
void write_synthetic_letters(const std::string& dir, int64_t count, uint64_t seed);

}  // namespace imr::corpus
