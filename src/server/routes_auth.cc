// Sessions: login (the rate limit and password check are auth/login.h's), logout, the
// current session, and the two public documents (health, OpenAPI).
#include <fmt/format.h>

#include "auth/login.h"
#include "server/api.h"

namespace imr::server {

using nlohmann::json;

namespace {

std::string session_cookie(const std::string& value, int64_t max_age, bool secure) {
  return fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}{}", kSessionCookie, value, max_age,
                     secure ? "; Secure" : "");
}

}  // namespace

void add_auth_routes(Api& api) {
  api.add({"GET", "/api/health", Auth::none}, [&api](Call& c) {
    send_json(c.res, 200,
              {{"status", "ok"},
               {"store", api.cases.store_backend()},
               {"schema", api.cases.store_schema_version()},
               {"rules_version", api.rules_version}});
  });

  api.add({"GET", "/api/openapi.json", Auth::none}, [&api](Call& c) {
    if (api.openapi.empty()) throw HttpError(404, "not_found", "this server was started without its OpenAPI document");
    c.res.status = 200;
    c.res.set_content(api.openapi, "application/json; charset=utf-8");
  });

  api.add({"POST", "/api/login", Auth::none}, [&api](Call& c) {
    const json body = json_body(c.req);
    const std::string user = required_string(body, "user");
    const std::string password = required_string(body, "password");
    if (user.size() > auth::kMaxUserIdLength || password.size() > 1024)
      throw HttpError(401, "unauthenticated", "wrong user or password");
    const auth::LoginResult r = api.auth.login(user, password, c.client_address);
    if (r.outcome == auth::LoginOutcome::rate_limited) throw HttpError(429, "rate_limited", r.message);
    if (r.outcome == auth::LoginOutcome::busy) throw HttpError(503, "busy", r.message);
    if (!r.ok()) throw HttpError(401, "unauthenticated", r.message);
    c.res.set_header("Set-Cookie", session_cookie(r.session->token, auth::kDefaultSessionSeconds,
                                                  api.options.secure_cookies));
    send_json(c.res, 200, {{"user", auth::to_json(*r.user)}, {"csrf_token", r.session->csrf_token}});
  });

  api.add({"POST", "/api/logout", Auth::session}, [&api](Call& c) {
    api.auth.logout(cookie_value(c.req, kSessionCookie));
    c.res.set_header("Set-Cookie", session_cookie("", 0, api.options.secure_cookies));
    send_json(c.res, 200, {{"ok", true}});
  });

  api.add({"GET", "/api/session", Auth::session}, [](Call& c) {
    send_json(c.res, 200, {{"user", auth::to_json(c.user())}, {"csrf_token", c.session->row.csrf_token}});
  });
}

}  // namespace imr::server
