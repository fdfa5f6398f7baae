// The built workbench (web/dist) served as static files: GET of a path under the directory
// (a directory's index.html), with the content type from the extension. Paths that leave the
// directory, are not regular files or are larger than limits::kMaxFileBytes get 404.
#pragma once

#include <string>

#include "server/message.h"

namespace imr::server {

// Fills `res` with the file for `path` ("/assets/app.js") under `root`; false when there is
// no such file (res untouched).
bool serve_static_file(const std::string& root, const std::string& path, Response& res);

}  // namespace imr::server
