#include "server/static_files.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/error.h"
#include "core/file.h"

namespace imr::server {

namespace {

std::string content_type(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript"},  {".mjs", "text/javascript"},
      {".css", "text/css"},                  {".json", "application/json"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".ico", "image/x-icon"},      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},  {".webp", "image/webp"}};
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace

bool serve_static_file(const std::string& root, const std::string& path, Response& res) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string::npos) return false;
  for (const auto& part : fs::path(path)) if (part == "..") return false;
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return false;
  fs::path file = base / fs::path(path).relative_path();
  if (fs::is_directory(file, ec)) file /= "index.html";
  const fs::path real = fs::canonical(file, ec);
  if (ec || !fs::is_regular_file(real, ec)) return false;
  if (std::mismatch(base.begin(), base.end(), real.begin(), real.end()).first != base.end()) return false;
  try {
    res.status = 200;
    res.set_content(read_file(real.string(), /*allow_empty=*/true), content_type(real));
  } catch (const InputError&) {
    return false;
  }
  return true;
}

}  // namespace imr::server
