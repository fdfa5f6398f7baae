// imr: Independent Medical Review from the command line.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "core/error.h"
#include "service/case_service.h"

namespace imr::cli {

std::string data_dir(const GlobalOptions& global) {
  if (!global.data_dir.empty()) return global.data_dir;
  if (const char* env = std::getenv("IMR_DATA_DIR"); env && *env) return env;
  return IMR_DEFAULT_DATA_DIR;
}

}  // namespace imr::cli

int main(int argc, char** argv) {
  using namespace imr::cli;
  CLI::App app{"imr: Independent Medical Review of disputed treatment (California workers' comp)"};
  app.set_version_flag("--version", IMR_VERSION);
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--data", global.data_dir, "Data directory (drug table, rule packs, templates)")
      ->envname("IMR_DATA_DIR");

  std::vector<std::pair<CLI::App*, Action>> commands;
  // get_subcommands() without a filter lists only *parsed* subcommands; a filter lists all.
  auto add = [&](Action action) {
    commands.emplace_back(app.get_subcommands([](CLI::App*) { return true; }).back(), std::move(action));
  };
  add(add_parse_command(app, global));
  add(add_request_command(app, global));
  add(add_review_command(app, global));
  add(add_eval_command(app, global));
  add(add_rules_command(app, global));
  add(add_case_command(app, global));
  add(add_reviewers_command(app, global));
  add(add_users_command(app, global));
  add(add_serve_command(app, global));
  add(add_corpus_command(app, global));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (auto& [sub, action] : commands)
      if (sub->parsed()) return action();
  } catch (const imr::RefusedError& e) {
    std::fprintf(stderr, "imr: refused: %s\n", e.what());
    return kExitRefused;
  } catch (const imr::ConflictError& e) {
    std::fprintf(stderr, "imr: conflict: %s\n", e.what());
    return kExitConflict;
  } catch (const imr::NotFoundError& e) {
    std::fprintf(stderr, "imr: %s\n", e.what());
    return kExitInputError;
  } catch (const imr::StoreError& e) {
    std::fprintf(stderr, "imr: store: %s\n", e.what());
    return kExitInputError;
  } catch (const imr::DataError& e) {
    std::fprintf(stderr, "imr: data error: %s\n", e.what());
    return kExitDataError;
  } catch (const imr::InputError& e) {
    std::fprintf(stderr, "imr: %s\n", e.what());
    return kExitInputError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "imr: internal error: %s\n", e.what());
    return kExitInputError;
  }
  return kExitUsage;
}
