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

// Whether memory_bytes is applied in this build: not under ASan or TSan, which reserve
// terabytes of address space for their shadow memory.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define IMR_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define IMR_SANITIZED 1
#endif
#endif
#ifdef IMR_SANITIZED
inline constexpr bool kCallMemoryLimitApplies = false;
#else
inline constexpr bool kCallMemoryLimitApplies = true;
#endif
// Whether a call may be made while other threads of this process allocate: glibc's malloc
// is made safe across fork, but clang 14's ASan allocator is not (a child forked while another
// thread holds its lock waits forever, then the wall-clock limit kills it). Tests that read
// PDFs from several threads at once skip under ASan for this reason.
#ifdef IMR_SANITIZED
inline constexpr bool kCallFromThreadsSafe = false;
#else
inline constexpr bool kCallFromThreadsSafe = true;
#endif

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
