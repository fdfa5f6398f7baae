// `imr eval` — placeholder until implemented.
#include "cli/command.h"

namespace imr::cli {

Action add_eval_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("eval", "(not yet implemented)");
  return [] { return kExitUsage; };
}

}  // namespace imr::cli
