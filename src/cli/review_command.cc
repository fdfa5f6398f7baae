// `imr review` — placeholder until implemented.
#include "cli/command.h"

namespace imr::cli {

Action add_review_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("review", "(not yet implemented)");
  return [] { return kExitUsage; };
}

}  // namespace imr::cli
