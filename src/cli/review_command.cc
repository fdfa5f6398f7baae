// `imr review CASE...` — draft the determination of a case file (JSON) or a letter.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "core/file.h"
#include "decide/engine.h"
#include "intake/case_loader.h"
#include "render/letter_text.h"
#include "render/review_json.h"
#include "render/summary.h"

namespace imr::cli {

Action add_review_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand(
      "review", "Draft per-item determinations and the Final Determination Letter for a case file "
                "(JSON) or a letter (text or PDF)");
  struct Opts {
    std::vector<std::string> files;
    std::string format = "text";
    std::string reviewer;
    bool facts = false;
  };
  auto opts = std::make_shared<Opts>();
  cmd->add_option("files", opts->files, "Case JSON files or letters")->required();
  cmd->add_option("--format", opts->format, "text (the letter) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--reviewer", opts->reviewer,
                  "Reviewer profile JSON (licensure, certifications, subspecialties) for the letter");
  cmd->add_flag("--facts", opts->facts, "With --format json: include every extracted fact");
  return [opts, &global]() {
    auto knowledge = load_knowledge(data_dir(global));
    const Engine engine(knowledge);
    std::optional<ReviewerProfile> profile;
    if (!opts->reviewer.empty())
      profile = parse_reviewer_json(read_file(opts->reviewer), opts->reviewer);
    // Build everything first: a bad file prints nothing of itself (no half output).
    std::vector<std::string> outputs;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& file : opts->files) {
      Case c = load_case_file(file);
      if (profile) c.reviewer = profile;
      const Review review = engine.review(c);
      if (opts->format == "json") {
        all.push_back(to_json(review, opts->facts));
      } else {
        const std::string summary = compose_case_summary(c, review, knowledge->drugs, &knowledge->vocabulary);
        outputs.push_back(render_letter_text(c, review, summary));
      }
    }
    if (opts->format == "json") {
      std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
    } else {
      for (size_t i = 0; i < outputs.size(); ++i) std::cout << (i ? "\n\f\n" : "") << outputs[i];
    }
    return kExitOk;
  };
}

}  // namespace imr::cli
