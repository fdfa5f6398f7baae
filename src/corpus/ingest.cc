#include "corpus/ingest.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/error.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "corpus/record.h"
#include "corpus/schema.h"
#include "corpus/writer.h"
#include "intake/document.h"
#include "letters/letter.h"

namespace imr::corpus {
namespace {

namespace fs = std::filesystem;

bool is_letter_file(const fs::path& p) {
  const std::string ext = to_lower(p.extension().string());
  return ext == ".pdf" || ext == ".txt";
}

void walk(const fs::path& dir, const std::function<void(const std::string&)>& fn) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) throw InputError(dir.string(), "cannot list the directory: " + ec.message());
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const auto& e : entries) {
    std::error_code ignored;
    if (e.is_directory(ignored))
      walk(e.path(), fn);
    else if (is_letter_file(e.path()))
      fn(e.path().string());
  }
}

// What a reader hands the writer: a record, or the reason the file could not be read.
struct Result {
  std::string file;
  std::optional<LetterRecord> record;
  std::string error;
};

Result read_one(const std::string& file, const DrugTable& drugs, const ServiceTable& services) {
  Result r;
  r.file = file;
  try {
    const std::string bytes = read_file(file);
    const std::string text = document_text_from_bytes(bytes, file);
    const Letter letter = read_letter(text, file);
    r.record = make_record(letter, text, sha256_hex(bytes), drugs, services);
  } catch (const InputError& e) {
    r.error = e.problem();
  } catch (const std::exception& e) {
    r.error = std::string("cannot be read: ") + e.what();
  }
  return r;
}

std::string now_iso() {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  return Timestamp{seconds}.iso();
}

// Jobs in, results out in job order, with at most `window` jobs between the oldest result not
// yet taken and the newest job handed out.
class Pipeline {
 public:
  explicit Pipeline(size_t window) : window_(window) {}

  // Producer: blocks while the window is full.
  void push(std::string file) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return next_job_ - next_result_ < window_ || failed_; });
    if (failed_) return;
    jobs_.push_back({next_job_++, std::move(file)});
    work_.notify_one();
  }
  void close() {
    std::lock_guard lock(m_);
    closed_ = true;
    work_.notify_all();
    results_ready_.notify_all();
  }
  // Stops everyone (the writer failed).
  void abort() {
    std::lock_guard lock(m_);
    failed_ = closed_ = true;
    jobs_.clear();
    work_.notify_all();
    room_.notify_all();
    results_ready_.notify_all();
  }

  // Workers.
  std::optional<std::pair<size_t, std::string>> take_job() {
    std::unique_lock lock(m_);
    work_.wait(lock, [&] { return !jobs_.empty() || closed_; });
    if (jobs_.empty()) return std::nullopt;
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    return job;
  }
  void put_result(size_t index, Result result) {
    std::lock_guard lock(m_);
    done_.emplace(index, std::move(result));
    results_ready_.notify_all();
  }

  // Writer: the next result in job order; nullopt when every job's result was taken.
  std::optional<Result> next_result() {
    std::unique_lock lock(m_);
    results_ready_.wait(lock, [&] { return done_.count(next_result_) || (closed_ && next_result_ == next_job_) || failed_; });
    auto it = done_.find(next_result_);
    if (it == done_.end()) return std::nullopt;
    Result r = std::move(it->second);
    done_.erase(it);
    ++next_result_;
    room_.notify_all();
    return r;
  }

 private:
  const size_t window_;
  std::mutex m_;
  std::condition_variable work_, room_, results_ready_;
  std::deque<std::pair<size_t, std::string>> jobs_;
  std::map<size_t, Result> done_;
  size_t next_job_ = 0, next_result_ = 0;
  bool closed_ = false, failed_ = false;
};

}  // namespace

void list_letter_files(const std::vector<std::string>& inputs, const std::function<void(const std::string&)>& fn) {
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec))
      walk(input, fn);
    else
      fn(input);  // a file given by name is read whatever its extension (and reported if it is not a letter)
  }
}

IngestSummary ingest(sql::Database& db, const std::vector<std::string>& inputs, const DrugTable& drugs,
                     const ServiceTable& services, const IngestOptions& options) {
  migrate(db);
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

  IngestProgress progress;
  list_letter_files(inputs, [&](const std::string&) { ++progress.total; });

  const int threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t batch = static_cast<size_t>(std::max(1, options.batch));
  Pipeline pipeline(batch + 4 * static_cast<size_t>(threads));

  std::vector<std::thread> readers;
  for (int t = 0; t < threads; ++t)
    readers.emplace_back([&] {
      while (auto job = pipeline.take_job()) pipeline.put_result(job->first, read_one(job->second, drugs, services));
    });

  IngestSummary summary;
  std::exception_ptr writer_error;
  std::thread writer([&] {
    try {
      std::vector<Result> pending;
      auto commit = [&] {
        if (pending.empty()) return;
        const std::string now = now_iso();
        IngestSummary counted;
        db.transact([&](sql::Session& s) {
          counted = IngestSummary{};
          Writer w(s);
          for (const Result& r : pending) {
            switch (w.write(*r.record, now)) {
              case WriteOutcome::added: ++counted.added; break;
              case WriteOutcome::amended: ++counted.amended; break;
              case WriteOutcome::skipped: ++counted.skipped; continue;
            }
            counted.items += static_cast<int64_t>(r.record->items.size());
          }
          w.flush();
        });
        summary.added += counted.added;
        summary.amended += counted.amended;
        summary.skipped += counted.skipped;
        summary.items += counted.items;
        pending.clear();
      };
      while (auto r = pipeline.next_result()) {
        ++summary.files;
        if (!r->record) {
          ++summary.failed;
          if (options.on_error) options.on_error(r->file, r->error);
        } else {
          pending.push_back(std::move(*r));
          if (pending.size() >= batch) commit();
        }
        ++progress.done;
        progress.seconds = elapsed();
        if (options.on_progress) options.on_progress(progress);
      }
      commit();
    } catch (...) {
      writer_error = std::current_exception();
      pipeline.abort();
    }
  });

  std::exception_ptr listing_error;
  try {
    list_letter_files(inputs, [&](const std::string& file) { pipeline.push(file); });
  } catch (...) {
    listing_error = std::current_exception();
  }
  pipeline.close();
  writer.join();
  for (auto& t : readers) t.join();
  if (writer_error) std::rethrow_exception(writer_error);
  if (listing_error) std::rethrow_exception(listing_error);
  // Both engines plan from the statistics ANALYZE keeps: refreshed after a run that stored
  // letters (SQLite from a sample, a fraction of a second at any size; PostgreSQL's own
  // sample, seconds), so the first searches after a large ingest are planned well.
  if (summary.added + summary.amended > 0)
    db.transact([](sql::Session& s) {
      s.script(s.dialect() == sql::Dialect::sqlite
                   ? "PRAGMA analysis_limit=400; ANALYZE;"
                   : "ANALYZE corpus_letters; ANALYZE corpus_items; ANALYZE corpus_item_texts; "
                     "ANALYZE corpus_citations; ANALYZE corpus_sections;");
    });
  summary.seconds = elapsed();
  return summary;
}

}  // namespace imr::corpus
