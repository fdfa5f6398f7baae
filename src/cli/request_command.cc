// `imr request` — placeholder until implemented.
#include "cli/command.h"

namespace imr::cli {

Action add_request_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("request", "(not yet implemented)");
  return [] { return kExitUsage; };
}

}  // namespace imr::cli
