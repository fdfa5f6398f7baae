// Running work on untrusted input in a child process with limits the kernel enforces: CPU
// seconds (RLIMIT_CPU), address space (RLIMIT_AS), wall-clock seconds (the parent kills the
// child) and the size of the result. Used for PDF text extraction (intake/document.h), where
// a small hostile file can make the PDF library spin or allocate without end: whatever the
// library does, the caller gets its result or one clear error, and its own process is
// untouched.
//
// The child is forked, not exec'd: it runs `work` on a copy of the caller's memory and may
// only return a string or throw InputError. Safe from a multi-threaded process as long as
// `work` needs no lock that another thread of the parent may hold at the fork (the PDF library
// is only ever used in these children).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace imr {

struct CallLimits {
  int cpu_seconds = 20;
  int wall_seconds = 60;
  size_t memory_bytes = size_t{1536} << 20;  // address space; not applied under ASan/TSan
  size_t max_result_bytes = size_t{16} << 20;
};

// The string `work` returns. Throws InputError(name, ...) for an InputError thrown by `work`
// (its message), and for a limit passed: "took more than N s of CPU", "took longer than N s",
// "needs more than N MiB of memory", "its result is larger than N bytes", or the child
// failing otherwise ("stopped by signal N").
std::string bounded_call(const std::function<std::string()>& work, const CallLimits& limits, const std::string& name);

}  // namespace imr
