// The `imr` subcommands. Each file adds one subcommand to the app and returns the action
// to run when it was chosen. Actions return the process exit code and let InputError /
// DataError propagate: main() prints them as one line and exits non-zero.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace imr::cli {

struct GlobalOptions {
  std::string data_dir;  // --data; empty = IMR_DATA_DIR or the bundled data/
};

using Action = std::function<int()>;

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;  // a file the user gave is bad
inline constexpr int kExitUsage = 2;       // wrong arguments
inline constexpr int kExitDataError = 3;   // a data file (rules, drugs) is bad
inline constexpr int kExitRefused = 4;     // the case rules refuse it (wrong reviewer, already signed...)
inline constexpr int kExitConflict = 5;    // someone else changed the case first (stale version)

Action add_parse_command(CLI::App& app, const GlobalOptions& global);
Action add_request_command(CLI::App& app, const GlobalOptions& global);
Action add_review_command(CLI::App& app, const GlobalOptions& global);
Action add_eval_command(CLI::App& app, const GlobalOptions& global);
Action add_rules_command(CLI::App& app, const GlobalOptions& global);
Action add_case_command(CLI::App& app, const GlobalOptions& global);
Action add_reviewers_command(CLI::App& app, const GlobalOptions& global);
Action add_users_command(CLI::App& app, const GlobalOptions& global);
Action add_serve_command(CLI::App& app, const GlobalOptions& global);
Action add_corpus_command(CLI::App& app, const GlobalOptions& global);

struct ServiceHandle;
struct ServiceOptions;
int run_import(ServiceHandle& h, const std::string& path, int batch_size, const ServiceOptions& opts);

// Resolves the data directory: --data, else $IMR_DATA_DIR, else the bundled one.
std::string data_dir(const GlobalOptions& global);

}  // namespace imr::cli
