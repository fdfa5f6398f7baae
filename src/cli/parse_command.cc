// `imr parse` — placeholder until implemented.
#include "cli/command.h"

namespace imr::cli {

Action add_parse_command(CLI::App& app, const GlobalOptions&) {
  app.add_subcommand("parse", "(not yet implemented)");
  return [] { return kExitUsage; };
}

}  // namespace imr::cli
