// `imr rules` — placeholder until implemented.
#include "cli/command.h"

namespace imr::cli {

Action add_rules_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("rules", "(not yet implemented)");
  return [] { return kExitUsage; };
}

}  // namespace imr::cli
