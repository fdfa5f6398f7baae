// Untrusted input on the command line and in the library (docs/limits.md): files read with a
// cap while reading and only when regular, text made valid UTF-8 with the replacement
// reported, JSON numbers out of range and deep nesting as clear errors naming the file and
// field, PDF extraction bounded in CPU, memory and wall time.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/bounded_call.h"
#include "core/error.h"
#include "core/file.h"
#include "core/json_input.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "intake/case.h"
#include "intake/document.h"
#include "service/application.h"
#include "service/reviewer.h"
#include "support/cli.h"
#include "support/hostile_pdf.h"

#include <nlohmann/json.hpp>

namespace imr {
namespace {

using testing::run_imr;
using testing::scratch_dir;
using testing::scratch_file;

// Captures warnings for the test's lifetime.
class Warnings {
 public:
  Warnings() {
    set_warning_sink([this](const std::string& file, const std::string& message) {
      std::lock_guard lock(mutex_);
      seen_.push_back(file + ": " + message);
    });
  }
  ~Warnings() { set_warning_sink(nullptr); }
  std::vector<std::string> seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> seen_;
};

template <typename F>
std::string input_error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError";
  return "";
}

// --- files ----------------------------------------------------------------------------------

TEST(InputLimits, AFifoIsRefusedWithoutBlocking) {
  const std::string fifo = (scratch_dir() / "pipe").string();
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string error = input_error_of([&] { read_file(fifo); });
  EXPECT_NE(error.find(fifo), std::string::npos) << error;
  EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
}

TEST(InputLimits, ALinkToDevZeroIsRefusedNotRead) {
  const std::string link = (scratch_dir() / "zeros.txt").string();
  std::filesystem::remove(link);
  std::filesystem::create_symlink("/dev/zero", link);
  const std::string error = input_error_of([&] { read_file(link); });
  EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
  const auto r = run_imr("parse " + testing::quoted(link));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("zeros.txt"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
}

TEST(InputLimits, AFileOverTheLimitIsRefusedNamingTheLimit) {
  const std::string big = scratch_file("big.txt", std::string(limits::kMaxFileBytes + 1, 'a'));
  const std::string error = input_error_of([&] { read_file(big); });
  EXPECT_NE(error.find(std::to_string(limits::kMaxFileBytes)), std::string::npos) << error;
}

// --- UTF-8 ----------------------------------------------------------------------------------

TEST(InputLimits, InvalidUtf8IsReplacedAndEachKindCounted) {
  EXPECT_EQ(repair_utf8("plain text").replaced, 0u);
  EXPECT_EQ(repair_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").replaced, 0u);
  const Utf8Repair latin1 = repair_utf8("Pain 5\xA0/10");
  EXPECT_EQ(latin1.replaced, 1u);
  EXPECT_EQ(latin1.first_offset, 6u);
  EXPECT_EQ(latin1.text, "Pain 5\xEF\xBF\xBD/10");
  EXPECT_EQ(repair_utf8("\xC0\xAF").replaced, 2u);          // overlong '/'
  EXPECT_EQ(repair_utf8("\xED\xA0\x80").replaced, 3u);      // a UTF-16 surrogate
  EXPECT_EQ(repair_utf8("cut \xE2\x82").replaced, 2u);      // a sequence cut short
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80").replaced, 4u);  // past U+10FFFF
}

TEST(InputLimits, ALetterWithA0BytesIsReadAndTheReplacementReported) {
  Warnings warnings;
  const std::string text = document_text_from_bytes("Norco 10/325mg\xA0#180 was requested.\n", "letter.txt");
  EXPECT_EQ(repair_utf8(text).replaced, 0u);
  ASSERT_EQ(warnings.seen().size(), 1u);
  EXPECT_NE(warnings.seen()[0].find("letter.txt: 1 invalid UTF-8 byte"), std::string::npos) << warnings.seen()[0];

  // `imr parse` on such a letter: no "internal error", the warning names the file.
  const std::string letter = testing::read_all(std::string(IMR_FIXTURES_DIR) + "/letters/modern_pdf_style.txt");
  const std::string mangled = letter + "\nPage\xA0" "2 of 2\n";
  const auto r = run_imr("parse " + testing::quoted(scratch_file("nbsp-letter.txt", mangled)));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nbsp-letter.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
}

// --- JSON -----------------------------------------------------------------------------------

TEST(InputLimits, NumbersOutOfRangeNameTheFileAndField) {
  const std::string error = input_error_of(
      [] { parse_json_input(R"({"items": [{"request": "Norco"}, {"quantity": 1e400}]})", "case.json"); });
  EXPECT_NE(error.find("case.json"), std::string::npos) << error;
  EXPECT_NE(error.find("items[1].quantity"), std::string::npos) << error;
  EXPECT_NE(error.find("out of range"), std::string::npos) << error;
  const std::string digits(5000, '7');
  const std::string error2 = input_error_of([&] { parse_json_input("{\"a\": [1, " + digits + "]}", "x.json"); });
  EXPECT_NE(error2.find("a[1]"), std::string::npos) << error2;
}

TEST(InputLimits, EveryJsonReaderRefusesHugeNumbersClearly) {
  const std::string huge = "1e400";
  EXPECT_NE(input_error_of([&] { parse_case_json(R"({"items": [{"quantity": )" + huge + "}]}", "c.json"); })
                .find("c.json"),
            std::string::npos);
  EXPECT_NE(input_error_of([&] { parse_application_json(R"({"application_id": )" + huge + "}", "a.json"); })
                .find("a.json"),
            std::string::npos);
  EXPECT_NE(input_error_of([&] { parse_reviewer_registry(R"({"reviewers": [)" + huge + "]}", "r.json"); })
                .find("r.json"),
            std::string::npos);
  // And `imr review` exits with the input error, naming the file and the field.
  const auto r = run_imr("review " + testing::quoted(scratch_file("huge.json", R"({"items": [{"quantity": 1e400}]})")));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("huge.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("items[0].quantity"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
}

TEST(InputLimits, DeepNestingIsRefused) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  const std::string error = input_error_of([&] { parse_json_input(deep, "deep.json"); });
  EXPECT_NE(error.find("nested deeper than"), std::string::npos) << error;
  const std::string fine = std::string(limits::kMaxJsonDepth - 1, '[') + std::string(limits::kMaxJsonDepth - 1, ']');
  EXPECT_NO_THROW(parse_json_input(fine, "fine.json"));
}

// --- PDF and bounded work --------------------------------------------------------------------

TEST(InputLimits, BoundedCallStopsWorkThatSpins) {
  CallLimits limits;
  limits.cpu_seconds = 1;
  limits.wall_seconds = 30;
  const std::string error = input_error_of([&] {
    bounded_call(
        [] {
          volatile unsigned long x = 0;
          for (;;) x = x + 1;
          return std::string();
        },
        limits, "spin.pdf");
  });
  EXPECT_NE(error.find("spin.pdf: took more than 1 s of CPU"), std::string::npos) << error;
}

TEST(InputLimits, BoundedCallStopsWorkThatWaits) {
  CallLimits limits;
  limits.wall_seconds = 1;
  const std::string error = input_error_of([&] {
    bounded_call(
        [] {
          std::this_thread::sleep_for(std::chrono::seconds(30));
          return std::string();
        },
        limits, "slow.pdf");
  });
  EXPECT_NE(error.find("took longer than 1 s"), std::string::npos) << error;
}

TEST(InputLimits, BoundedCallPassesResultsAndInputErrorsAndCapsTheResult) {
  CallLimits limits;
  EXPECT_EQ(bounded_call([] { return std::string("text"); }, limits, "ok.pdf"), "text");
  EXPECT_EQ(input_error_of([&] {
              bounded_call([]() -> std::string { throw InputError("inner", "PDF is encrypted"); }, limits, "e.pdf");
            }),
            "e.pdf: PDF is encrypted");
  limits.max_result_bytes = 1000;
  EXPECT_NE(input_error_of([&] { bounded_call([] { return std::string(5000, 'x'); }, limits, "big.pdf"); })
                .find("larger than the limit of 1000 bytes"),
            std::string::npos);
}

TEST(InputLimits, BoundedCallStopsWorkThatAllocatesWithoutEnd) {
  if (!kCallMemoryLimitApplies) GTEST_SKIP() << "no address-space limit under ASan or TSan";
  CallLimits limits;
  limits.memory_bytes = size_t{256} << 20;
  const std::string error = input_error_of([&] {
    bounded_call(
        [] {
          std::vector<std::string> hoard;
          for (;;) hoard.emplace_back(size_t{1} << 20, 'x');
          return std::string();
        },
        limits, "hungry.pdf");
  });
  EXPECT_NE(error.find("needs more than 256 MiB of memory"), std::string::npos) << error;
}

TEST(InputLimits, AHostilePdfIsStoppedWithAClearError) {
  const std::string pdf = testing::laughing_pdf();
  EXPECT_LT(pdf.size(), 4096u);
  CallLimits limits;  // the real limits but 1 s of CPU, to keep the test short
  limits.cpu_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const std::string error =
      input_error_of([&] { bounded_call([&] { return pdf_text_in_process(pdf, "laughs.pdf"); }, limits, "laughs.pdf"); });
  EXPECT_NE(error.find("laughs.pdf: took more than 1 s of CPU"), std::string::npos) << error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(limits.wall_seconds));
  // A PDF of one ordinary page still reads, through the same child process.
  const std::string fixture = read_file(std::string(IMR_FIXTURES_DIR) + "/letters/modern_block_overturned.pdf");
  EXPECT_FALSE(document_text_from_bytes(fixture, "ok.pdf").empty());
}

}  // namespace
}  // namespace imr

namespace imr {
namespace {

TEST(InputLimits, ACaseWithTooManyItemsOrRecordsIsRefused) {
  auto case_json = [](size_t requests, size_t records) {
    nlohmann::json j;
    j["requests"] = nlohmann::json::array();
    for (size_t i = 0; i < requests; ++i) j["requests"].push_back("Norco 10/325mg #" + std::to_string(i + 1));
    j["records"] = nlohmann::json::array();
    for (size_t i = 0; i < records; ++i) j["records"].push_back({{"title", "note"}, {"text", "Pain 7/10."}});
    return j.dump();
  };
  EXPECT_NO_THROW(parse_case_json(case_json(limits::kMaxItemsPerCase, limits::kMaxRecordsPerCase), "ok.json"));
  EXPECT_NE(input_error_of([&] { parse_case_json(case_json(limits::kMaxItemsPerCase + 1, 1), "items.json"); })
                .find("more than " + std::to_string(limits::kMaxItemsPerCase)),
            std::string::npos);
  EXPECT_NE(input_error_of([&] { parse_case_json(case_json(1, limits::kMaxRecordsPerCase + 1), "records.json"); })
                .find("more than " + std::to_string(limits::kMaxRecordsPerCase)),
            std::string::npos);
}

}  // namespace
}  // namespace imr
