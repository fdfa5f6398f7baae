#include "core/error.h"

namespace imr {
namespace {
std::string join_file(const std::string& file, const std::string& problem) {
  return file.empty() ? problem : file + ": " + problem;
}
}  // namespace

InputError::InputError(std::string file, std::string problem)
    : std::runtime_error(join_file(file, problem)),
      file_(std::move(file)),
      problem_(std::move(problem)) {}

DataError::DataError(std::string file, int line, std::string problem)
    : std::runtime_error(line > 0 ? file + ":" + std::to_string(line) + ": " + problem
                                  : join_file(file, problem)),
      file_(std::move(file)),
      line_(line) {}

}  // namespace imr
