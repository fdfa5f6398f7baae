// `imr eval LETTER...|DIR` — run the engine blind on real letters and compare.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "core/error.h"
#include "decide/engine.h"
#include "eval/eval.h"
#include "eval/eval_report.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "intake/letter_items.h"
#include "letters/letter.h"

namespace imr::cli {
namespace {

std::vector<std::string> expand(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".pdf")) files.push_back(e.path().string());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) throw InputError(p, "no letters (*.txt, *.pdf) in this directory");
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

Action add_eval_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand(
      "eval", "Run the engine blind on real letters and compare with the reviewers' decisions");
  struct Opts {
    std::vector<std::string> paths;
    std::string format = "text";
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("paths", opts->paths, "Letters (text or PDF) or directories of them")->required();
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [opts, &global]() {
    const Engine engine(load_knowledge(data_dir(global)));
    // A batch over many letters goes on past an unreadable one: each is reported on one
    // line, the totals cover the letters read, and the exit code says something was skipped.
    std::vector<EvalItem> items;
    std::vector<std::string> skipped;
    for (const auto& file : expand(opts->paths)) {
      try {
        Letter letter = read_letter(load_document_text(file), file);
        classify_letter_items(letter, engine.knowledge().drugs, engine.knowledge().services);
        const Review review = engine.review(case_from_letter(letter));
        auto compared = compare_letter(letter, review);
        items.insert(items.end(), compared.begin(), compared.end());
      } catch (const InputError& e) {
        std::cerr << "imr: " << e.what() << "\n";
        skipped.push_back(file);
      }
    }
    const EvalReport report = make_report(std::move(items));
    if (opts->format == "json") {
      nlohmann::json j = to_json(report);
      j["skipped"] = skipped;
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << render_eval_text(report);
      if (!skipped.empty()) std::cout << "skipped " << skipped.size() << " unreadable letter(s); see the errors above\n";
    }
    return skipped.empty() ? kExitOk : kExitInputError;
  };
}

}  // namespace imr::cli
