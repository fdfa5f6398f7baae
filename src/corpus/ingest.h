// `imr corpus add`: letters (PDF or text files, or directories of them) into the corpus.
//
// Reading (file, PDF text, letter reader, request parser) runs on `threads` workers; one
// writer stores the records in transactions of `batch` letters (corpus/writer.h), in the
// order the files were listed, so the same inputs give the same rows. Memory is bounded by
// a window of letters in flight (a few per worker plus one batch), not by the corpus: files
// are listed by walking the directories as they are read (only one directory's names are
// held at a time, to sort them), never gathered first.
//
// Safe to kill at any moment: a batch is committed whole or not at all, and a re-run skips
// what is stored (by case number and content hash). A file that cannot be read is reported
// through on_error with its reason and skipped; the batch goes on. A store error stops the
// run (it propagates) after the batches already committed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "intake/drug_table.h"
#include "intake/request_services.h"
#include "store/sql.h"

namespace imr::corpus {

struct IngestProgress {
  int64_t done = 0;   // files read and written (or failed)
  int64_t total = 0;  // files listed (known before the run starts)
  double seconds = 0;
};

struct IngestSummary {
  int64_t files = 0, added = 0, amended = 0, skipped = 0, failed = 0, items = 0;
  double seconds = 0;
  double letters_per_second() const { return seconds > 0 ? files / seconds : 0; }
};

struct IngestOptions {
  int threads = 0;    // readers; 0 = one per core
  int batch = 2000;   // letters per transaction
  std::function<void(const IngestProgress&)> on_progress;                        // after each letter
  std::function<void(const std::string& file, const std::string& reason)> on_error;  // an unreadable letter
};

// The files `imr corpus add` reads under `inputs`: each file given, and under each directory
// (recursively) every *.pdf and *.txt, directory entries in name order. Calls fn per file.
void list_letter_files(const std::vector<std::string>& inputs, const std::function<void(const std::string&)>& fn);

IngestSummary ingest(sql::Database& db, const std::vector<std::string>& inputs, const DrugTable& drugs,
                     const ServiceTable& services, const IngestOptions& options);

}  // namespace imr::corpus
