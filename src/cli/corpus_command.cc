// `imr corpus add|search|stats|precedents|letter|generate` — the decision corpus
// (docs/corpus.md): published IMR determination letters stored, searched and counted.
//
//   add PATH...         ingest letters (PDF or text; directories recursively); progress on a
//                       terminal, one summary line on stdout; an unreadable letter is one line
//                       "imr: FILE: reason (skipped)" on stderr and exit code 1 at the end
//   search [WORDS]      full text and filters; newest first or --order relevance
//   stats --by DIM      overturn rates with counts and 95% intervals; text, json or csv
//   precedents REQUEST  the overturn rate for that kind of request and the most similar items
//   letter ID           one stored letter as `imr parse` prints it
//   generate            synthetic letters for the scale benchmark (scripts/bench-corpus.sh)
//   bench               the benchmark's queries timed on a store (median and p95)
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/error.h"
#include "corpus/answer_json.h"
#include "corpus/ingest.h"
#include "corpus/precedents.h"
#include "corpus/schema.h"
#include "corpus/search.h"
#include "corpus/stats.h"
#include "corpus/synthetic.h"
#include "corpus/timing.h"
#include "service/case_service.h"

namespace imr::cli {
namespace {

using nlohmann::json;

struct CorpusOptions {
  std::string store;
  std::string format = "text";
};

void add_store_option(CLI::App* cmd, CorpusOptions& o) {
  cmd->add_option("--store", o.store, "Store: a SQLite file, or a postgresql:// URL (default imr.db)")
      ->envname("IMR_STORE");
}

std::unique_ptr<sql::Database> open(const CorpusOptions& o) {
  return corpus::open_corpus(o.store.empty() ? "imr.db" : o.store);
}

void out(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fflush(stdout);
}

void add_filter_options(CLI::App* cmd, corpus::Filter& f) {
  cmd->add_option("--category", f.category, "Rule topic of the request (imaging_mri, opioids, ...)");
  cmd->add_option("--region", f.body_region, "Body region (lumbar_spine, knee, ...; data/body_regions.yaml)");
  cmd->add_option("--drug", f.drug, "A drug's generic name or a drug class (tramadol, opioid)");
  cmd->add_option("--decision", f.decision, "upheld or overturned");
  cmd->add_option("--specialty", f.specialty, "Part of the reviewer's specialty (orthopaedic)");
  cmd->add_option("--guideline", f.guideline, "Guideline cited by the reviewer: MTUS, ODG, ACOEM or part of a name");
  cmd->add_option("--section", f.section, "Part of a guideline section cited by the reviewer");
  cmd->add_option("--priority", f.priority, "standard or expedited");
  cmd->add_option("--from", f.from, "Decision date on or after, YYYY-MM-DD");
  cmd->add_option("--to", f.to, "Decision date on or before, YYYY-MM-DD");
  cmd->add_option("--year", f.year, "Decision year");
  cmd->add_flag("--all-versions", f.all_versions, "Include letters replaced by an amended version");
}

std::string fmt_rate(const corpus::Rate& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%5.1f%% (%4.1f–%4.1f)", 100 * r.rate, 100 * r.low, 100 * r.high);
  return buf;
}

std::string hit_text(const corpus::SearchHit& h) {
  std::string s = h.case_number + " item " + std::to_string(h.position) + " (" +
                  (h.decision_date.empty() ? "undated" : h.decision_date) + ", letter " + std::to_string(h.letter_id) +
                  (h.current ? "" : ", replaced") + "): " + h.request + " — " + h.decision + "\n";
  s += "    " + (h.category.empty() ? std::string("(unknown kind)") : h.category) + ", " + h.body_region;
  if (!h.specialty.empty()) s += "; reviewer: " + h.specialty;
  s += "\n    " + h.snippet + "\n";
  return s;
}

// A progress line on a terminal, redrawn at most five times a second.
class ProgressLine {
 public:
  void show(const corpus::IngestProgress& p) {
    const auto now = std::chrono::steady_clock::now();
    if (p.done != p.total && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double rate = p.seconds > 0 ? p.done / p.seconds : 0;
    const double left = rate > 0 ? (p.total - p.done) / rate : 0;
    const int width = 30;
    const int filled = p.total ? static_cast<int>(width * p.done / p.total) : width;
    std::fprintf(stderr, "\r[%s%s] %lld/%lld letters  %.0f letters/s  %d:%02d left ", std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), static_cast<long long>(p.done),
                 static_cast<long long>(p.total), rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    std::fflush(stderr);
    shown_ = true;
  }
  void finish() {
    if (shown_) std::fprintf(stderr, "\n");
  }

 private:
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

Action add_command(CLI::App* parent, const GlobalOptions& global) {
  struct Options {
    CorpusOptions c;
    std::vector<std::string> paths;
    int threads = 0, batch = 2000;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("add", "Ingest letters (PDF or text files, or directories of them)");
  cmd->add_option("paths", o->paths, "Letter files or directories")->required();
  add_store_option(cmd, o->c);
  cmd->add_option("--threads", o->threads, "Readers (default: one per core)")->check(CLI::Range(0, 256));
  cmd->add_option("--batch", o->batch, "Letters per transaction")->check(CLI::Range(1, 100000));
  cmd->add_flag("--quiet", o->quiet, "No progress bar, even on a terminal");
  return [o, &global]() -> int {
    const std::string dir = data_dir(global);
    const DrugTable drugs = DrugTable::load(dir + "/drugs.yaml");
    const ServiceTable services = ServiceTable::load(dir + "/services.yaml", dir + "/body_regions.yaml");
    auto db = open(o->c);
    ProgressLine line;
    corpus::IngestOptions io;
    io.threads = o->threads;
    io.batch = o->batch;
    if (!o->quiet && ::isatty(STDERR_FILENO)) io.on_progress = [&](const corpus::IngestProgress& p) { line.show(p); };
    io.on_error = [&](const std::string& file, const std::string& reason) {
      line.finish();
      std::fprintf(stderr, "imr: %s: %s (skipped)\n", file.c_str(), reason.c_str());
    };
    const corpus::IngestSummary s = corpus::ingest(*db, o->paths, drugs, services, io);
    line.finish();
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "corpus: %lld letters read in %.1f s (%.0f letters/s): %lld added, %lld amended, %lld already "
                  "present, %lld unreadable; %lld items\n",
                  static_cast<long long>(s.files), s.seconds, s.letters_per_second(), static_cast<long long>(s.added),
                  static_cast<long long>(s.amended), static_cast<long long>(s.skipped),
                  static_cast<long long>(s.failed), static_cast<long long>(s.items));
    out(buf);
    return s.failed ? kExitInputError : kExitOk;
  };
}

Action search_command(CLI::App* parent) {
  struct Options {
    CorpusOptions c;
    corpus::SearchOptions s;
    std::vector<std::string> words;
    std::string order = "newest";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("search", "Search the corpus: full text and filters");
  cmd->add_option("words", o->words, "Words the item's request or rationale must contain (\"a phrase\" in quotes)");
  add_store_option(cmd, o->c);
  add_filter_options(cmd, o->s.filter);
  cmd->add_option("--order", o->order, "newest (default) or relevance")->check(CLI::IsMember({"newest", "relevance"}));
  cmd->add_option("--limit", o->s.limit, "Items per page (default 20)")->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", o->s.offset, "Items to skip")->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", o->c.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [o]() -> int {
    for (const std::string& w : o->words) o->s.filter.text += (o->s.filter.text.empty() ? "" : " ") + w;
    o->s.by_relevance = o->order == "relevance";
    corpus::validate(o->s.filter);
    auto db = open(o->c);
    const corpus::SearchResult r = corpus::search(*db, o->s);
    if (o->c.format == "json") {
      json hits = json::array();
      for (const auto& h : r.hits) hits.push_back(corpus::to_json(h));
      out(json{{"total", r.total}, {"total_is_lower_bound", r.total_is_lower_bound}, {"offset", o->s.offset},
               {"hits", hits}}
              .dump(2) +
          "\n");
    } else {
      std::string s = std::to_string(r.total) + (r.total_is_lower_bound ? "+" : "") + " items";
      if (r.total > 0)
        s += ", " + std::to_string(o->s.offset + 1) + "–" + std::to_string(o->s.offset + r.hits.size()) + " shown";
      s += "\n";
      for (const auto& h : r.hits) s += hit_text(h);
      out(s);
    }
    return kExitOk;
  };
}

Action stats_command(CLI::App* parent) {
  struct Options {
    CorpusOptions c;
    corpus::Filter f;
    std::vector<std::string> words;
    std::string by = "category";
    int top = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("stats", "Overturn rates with counts and 95% intervals, by one dimension");
  cmd->add_option("words", o->words, "Only items whose request or rationale contain these words");
  add_store_option(cmd, o->c);
  add_filter_options(cmd, o->f);
  cmd->add_option("--by", o->by, "category (default), body_region, drug_class, specialty, section, year, priority");
  cmd->add_option("--top", o->top, "Only the N values with the most items")->check(CLI::NonNegativeNumber);
  cmd->add_option("--format", o->c.format, "text, json or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  return [o]() -> int {
    for (const std::string& w : o->words) o->f.text += (o->f.text.empty() ? "" : " ") + w;
    auto db = open(o->c);
    corpus::Stats st = corpus::stats(*db, o->f, o->by);
    if (o->c.format == "json") {
      out(corpus::to_json(st, static_cast<size_t>(o->top)).dump(2) + "\n");
      return kExitOk;
    }
    if (o->top > 0 && st.rows.size() > static_cast<size_t>(o->top)) st.rows.resize(o->top);
    if (o->c.format == "csv") {
      auto field = [](const std::string& v) {
        std::string q = "\"";
        for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
      };
      std::string s = o->by + ",items,overturned,rate,low,high\n";
      char buf[128];
      auto line = [&](const std::string& value, const corpus::Rate& r) {
        std::snprintf(buf, sizeof buf, ",%lld,%lld,%.4f,%.4f,%.4f\n", static_cast<long long>(r.items),
                      static_cast<long long>(r.overturned), r.rate, r.low, r.high);
        s += field(value) + buf;
      };
      for (const auto& r : st.rows) line(r.value, r.rate);
      line("(all)", st.total);
      out(s);
    } else {
      size_t width = o->by.size();
      for (const auto& r : st.rows) width = std::max(width, r.value.size() + 2);
      width = std::min<size_t>(width, 60);
      char buf[256];
      std::string s;
      auto line = [&](const std::string& value, const std::string& items, const std::string& over, const std::string& rate) {
        std::snprintf(buf, sizeof buf, "%-*s %8s %10s  %s\n", static_cast<int>(width), value.substr(0, width).c_str(),
                      items.c_str(), over.c_str(), rate.c_str());
        s += buf;
      };
      line(o->by, "items", "overturned", "overturn rate (95% interval)");
      for (const auto& r : st.rows)
        line(r.value.empty() ? "(none)" : r.value, std::to_string(r.rate.items), std::to_string(r.rate.overturned),
             fmt_rate(r.rate));
      line("(all)", std::to_string(st.total.items), std::to_string(st.total.overturned), fmt_rate(st.total));
      out(s);
    }
    return kExitOk;
  };
}

Action precedents_command(CLI::App* parent, const GlobalOptions& global) {
  struct Options {
    CorpusOptions c;
    std::string request, exclude;
    int limit = 5;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("precedents", "Past decisions on the same kind of request, most similar first");
  cmd->add_option("request", o->request, "The request as written (\"MRI of the lumbar spine\")")->required();
  add_store_option(cmd, o->c);
  cmd->add_option("--limit", o->limit, "How many similar items (default 5)")->check(CLI::Range(1, 100));
  cmd->add_option("--exclude-case", o->exclude, "Leave out this case number's letter");
  cmd->add_option("--format", o->c.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [o, &global]() -> int {
    const std::string dir = data_dir(global);
    const DrugTable drugs = DrugTable::load(dir + "/drugs.yaml");
    const ServiceTable services = ServiceTable::load(dir + "/services.yaml", dir + "/body_regions.yaml");
    auto db = open(o->c);
    const corpus::Precedents p = corpus::find_precedents(*db, o->request, drugs, services, o->limit, o->exclude);
    if (o->c.format == "json") {
      out(corpus::to_json(p).dump(2) + "\n");
    } else {
      std::string s = "Request: " + p.request + "\nKind: " + (p.category.empty() ? "(unknown)" : p.category) + ", " +
                      p.body_region + "\n";
      s += p.rate.items ? "Overturned " + std::to_string(p.rate.overturned) + " of " + std::to_string(p.rate.items) +
                              ": " + fmt_rate(p.rate) + "\n"
                        : std::string("No past items of this kind.\n");
      for (const auto& h : p.similar) s += hit_text(h);
      out(s);
    }
    return kExitOk;
  };
}

Action letter_command(CLI::App* parent) {
  struct Options {
    CorpusOptions c;
    int64_t id = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("letter", "Print one stored letter (by the letter id search shows) as JSON");
  cmd->add_option("id", o->id, "Letter id")->required();
  add_store_option(cmd, o->c);
  return [o]() -> int {
    auto db = open(o->c);
    const auto l = corpus::find_letter(*db, o->id);
    if (!l) throw NotFoundError("no letter " + std::to_string(o->id) + " in the corpus");
    json j = json::parse(l->letter_json);
    j["corpus"] = {{"letter_id", l->id}, {"case_number", l->case_number}, {"current", l->current},
                   {"source", l->source_name}};
    out(j.dump(2) + "\n");
    return kExitOk;
  };
}

Action generate_command(CLI::App* parent) {
  struct Options {
    std::string dir;
    int64_t letters = 1000;
    uint64_t seed = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("generate", "Write synthetic letters (for the scale benchmark)");
  cmd->add_option("--out", o->dir, "Directory to write into (created)")->required();
  cmd->add_option("--letters", o->letters, "How many letters")->check(CLI::Range(int64_t{1}, int64_t{10000000}));
  cmd->add_option("--seed", o->seed, "Seed (the same seed writes the same letters)");
  return [o]() -> int {
    corpus::write_synthetic_letters(o->dir, o->letters, o->seed);
    out("corpus: wrote " + std::to_string(o->letters) + " synthetic letters to " + o->dir + "\n");
    return kExitOk;
  };
}

Action bench_command(CLI::App* parent, const GlobalOptions& global) {
  struct Options {
    CorpusOptions c;
    int runs = 30;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = parent->add_subcommand("bench", "Time the benchmark's searches and statistics on this store");
  add_store_option(cmd, o->c);
  cmd->add_option("--runs", o->runs, "Runs of each query (default 30)")->check(CLI::Range(1, 10000));
  cmd->add_option("--format", o->c.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [o, &global]() -> int {
    const std::string dir = data_dir(global);
    const DrugTable drugs = DrugTable::load(dir + "/drugs.yaml");
    const ServiceTable services = ServiceTable::load(dir + "/services.yaml", dir + "/body_regions.yaml");
    auto db = open(o->c);
    const auto timings = corpus::time_queries(*db, o->runs, drugs, services);
    if (o->c.format == "json") {
      json rows = json::array();
      for (const auto& t : timings)
        rows.push_back({{"query", t.name}, {"p50_ms", t.p50_ms}, {"p95_ms", t.p95_ms}, {"max_ms", t.max_ms},
                        {"cpu_p50_ms", t.cpu_p50_ms}, {"cpu_p95_ms", t.cpu_p95_ms}, {"results", t.results}});
      out(rows.dump(2) + "\n");
    } else {
      std::string s;
      char buf[256];
      std::snprintf(buf, sizeof buf, "%-44s %9s %9s %9s %9s %9s %9s\n", "query", "p50 ms", "p95 ms", "max ms",
                    "cpu p50", "cpu p95", "results");
      s += buf;
      for (const auto& t : timings) {
        std::snprintf(buf, sizeof buf, "%-44s %9.2f %9.2f %9.2f %9.2f %9.2f %9lld\n", t.name.c_str(), t.p50_ms,
                      t.p95_ms, t.max_ms, t.cpu_p50_ms, t.cpu_p95_ms, t.results);
        s += buf;
      }
      out(s);
    }
    return kExitOk;
  };
}

}  // namespace

Action add_corpus_command(CLI::App& app, const GlobalOptions& global) {
  CLI::App* sub = app.add_subcommand("corpus", "The decision corpus: ingest, search and count published letters");
  sub->require_subcommand(1);
  std::vector<std::pair<CLI::App*, Action>> actions;
  auto keep = [&](Action a) { actions.emplace_back(sub->get_subcommands([](CLI::App*) { return true; }).back(), std::move(a)); };
  keep(add_command(sub, global));
  keep(search_command(sub));
  keep(stats_command(sub));
  keep(precedents_command(sub, global));
  keep(letter_command(sub));
  keep(generate_command(sub));
  keep(bench_command(sub, global));
  return [actions]() -> int {
    for (const auto& [cmd, action] : actions)
      if (cmd->parsed()) return action();
    return kExitUsage;
  };
}

}  // namespace imr::cli
