// Every limit on untrusted input and load, in one place. docs/limits.md is the same table
// for people (a test checks that the two agree); the code reads the values from here only.
//
// Sized for real case files: a record set of hundreds of pages is a few MB of text, a PDF of
// it tens of MB. Past a limit the input is refused with one error naming the file (or the
// request) and the limit, never read further.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace imr::limits {

// --- Files and documents (command line and server) ---
inline constexpr size_t kMaxFileBytes = 32u << 20;       // one file or upload, as read
inline constexpr size_t kMaxTextBytes = 8u << 20;        // text of one document (after PDF extraction)
inline constexpr int kMaxPdfPages = 3000;                // pages extracted from one PDF
inline constexpr int kPdfCpuSeconds = 20;                // CPU time of one PDF's extraction
inline constexpr int kPdfWallSeconds = 60;               // wall time of one PDF's extraction
inline constexpr size_t kPdfMemoryBytes = 1536u << 20;   // address space of the extraction process
inline constexpr int kMaxJsonDepth = 64;                 // nesting of a JSON document

// --- Cases ---
inline constexpr size_t kMaxItemsPerCase = 100;          // disputed items in one case
inline constexpr size_t kMaxRecordsPerCase = 500;        // medical records in one case
inline constexpr size_t kMaxCaseTextBytes = 8u << 20;    // all records of one case, together
inline constexpr size_t kMaxEvidencePerCriterion = 20;   // quotes a criterion shows (first and last)

// --- Server: requests ---
inline constexpr size_t kMaxHeaderBytes = 16u << 10;     // request line and headers
inline constexpr size_t kMaxBodyBytes = 40u << 20;       // an upload (a file plus its form)
inline constexpr size_t kMaxCommandBodyBytes = 1u << 20; // a JSON command
inline constexpr size_t kMaxPublicBodyBytes = 16u << 10; // a request before login
inline constexpr size_t kMaxQueryParams = 32;
inline constexpr size_t kMaxFormParts = 16;
inline constexpr int kHeadSeconds = 10;                  // to send the request line and headers (and idle wait)
inline constexpr int kCommandSeconds = 20;               // to send a whole command request
inline constexpr int kUploadSeconds = 120;               // to send a whole upload request
inline constexpr int kWriteSeconds = 60;                 // to take a whole response
inline constexpr size_t kRecordPageBytes = 256u << 10;   // record text per page (default)
inline constexpr size_t kMaxRecordPageBytes = 1u << 20;  // record text per page (largest)

// --- Server: load ---
inline constexpr int kMaxConnections = 256;              // open at once; more are refused at once
inline constexpr int kMaxConnectionsPerAddress = 32;     // from one client address
inline constexpr int kWorkerThreads = 16;                // requests handled at once

// --- Logins ---
inline constexpr int kMaxLoginFailures = 5;              // per user id and client address
inline constexpr int kMaxLoginFailuresPerAddress = 20;   // per client address, any user id
inline constexpr int kMaxLoginFailuresPerUser = 50;      // per user id, all but known addresses
inline constexpr int kLoginWindowSeconds = 15 * 60;
inline constexpr int kKnownAddressDays = 30;
inline constexpr int kPasswordChecksAtOnce = 2;          // Argon2id, 64 MiB each
inline constexpr int kPasswordCheckWaitSeconds = 10;

// The table docs/limits.md must show: name and value (bytes, seconds or a count).
struct Limit {
  const char* name;
  int64_t value;
};
inline constexpr std::array kAll = {
    Limit{"kMaxFileBytes", kMaxFileBytes},
    Limit{"kMaxTextBytes", kMaxTextBytes},
    Limit{"kMaxPdfPages", kMaxPdfPages},
    Limit{"kPdfCpuSeconds", kPdfCpuSeconds},
    Limit{"kPdfWallSeconds", kPdfWallSeconds},
    Limit{"kPdfMemoryBytes", kPdfMemoryBytes},
    Limit{"kMaxJsonDepth", kMaxJsonDepth},
    Limit{"kMaxItemsPerCase", kMaxItemsPerCase},
    Limit{"kMaxRecordsPerCase", kMaxRecordsPerCase},
    Limit{"kMaxCaseTextBytes", kMaxCaseTextBytes},
    Limit{"kMaxEvidencePerCriterion", kMaxEvidencePerCriterion},
    Limit{"kMaxHeaderBytes", kMaxHeaderBytes},
    Limit{"kMaxBodyBytes", kMaxBodyBytes},
    Limit{"kMaxCommandBodyBytes", kMaxCommandBodyBytes},
    Limit{"kMaxPublicBodyBytes", kMaxPublicBodyBytes},
    Limit{"kMaxQueryParams", kMaxQueryParams},
    Limit{"kMaxFormParts", kMaxFormParts},
    Limit{"kHeadSeconds", kHeadSeconds},
    Limit{"kCommandSeconds", kCommandSeconds},
    Limit{"kUploadSeconds", kUploadSeconds},
    Limit{"kWriteSeconds", kWriteSeconds},
    Limit{"kRecordPageBytes", kRecordPageBytes},
    Limit{"kMaxRecordPageBytes", kMaxRecordPageBytes},
    Limit{"kMaxConnections", kMaxConnections},
    Limit{"kMaxConnectionsPerAddress", kMaxConnectionsPerAddress},
    Limit{"kWorkerThreads", kWorkerThreads},
    Limit{"kMaxLoginFailures", kMaxLoginFailures},
    Limit{"kMaxLoginFailuresPerAddress", kMaxLoginFailuresPerAddress},
    Limit{"kMaxLoginFailuresPerUser", kMaxLoginFailuresPerUser},
    Limit{"kLoginWindowSeconds", kLoginWindowSeconds},
    Limit{"kKnownAddressDays", kKnownAddressDays},
    Limit{"kPasswordChecksAtOnce", kPasswordChecksAtOnce},
    Limit{"kPasswordCheckWaitSeconds", kPasswordCheckWaitSeconds},
};

}  // namespace imr::limits
