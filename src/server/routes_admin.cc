// Administration: users, the reviewer registry, the deadline dashboard and statistics.
#include "auth/password.h"
#include "server/api.h"
#include "service/case_json.h"
#include "service/statistics.h"

namespace imr::server {

using nlohmann::json;

namespace {

constexpr const char* kAdministratorsOnly = "only administrators do this";

}  // namespace

void add_admin_routes(Api& api) {
  api.add({"GET", "/api/users"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    json users = json::array();
    for (const auto& u : api.auth.users()) users.push_back(auth::to_json(u));
    send_json(c.res, 200, {{"users", users}});
  });

  api.add({"POST", "/api/users"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    const json body = json_body(c.req);
    auth::NewUser user;
    user.id = required_string(body, "id");
    const std::string role = required_string(body, "role");
    const auto parsed = auth::parse_role(role);
    if (!parsed) bad_request("'role' must be intake, reviewer or administrator");
    user.role = *parsed;
    user.reviewer_id = optional_string(body, "reviewer_id").value_or("");
    const auto given = optional_string(body, "password");
    const std::string password = given ? *given : auth::generate_password();
    json out;
    try {
      out = auth::to_json(api.auth.add_user(user, password, c.user().id));
    } catch (const ConflictError& e) {
      throw HttpError(409, "conflict", e.what());
    }
    if (!given) out["password"] = password;  // shown once, never stored in clear
    send_json(c.res, 201, out);
  });

  api.add({"PUT", "/api/users/{id}/password"}, [&api](Call& c) {
    const std::string id = c.param(1);
    require(auth::can_manage_users(c.user()) || c.user().id == id, "only administrators change another user's password");
    const json body = json_body(c.req);
    const auto given = optional_string(body, "password");
    const std::string password = given ? *given : auth::generate_password();
    api.auth.set_password(id, password, c.user().id);
    json out = {{"ok", true}};
    if (!given) out["password"] = password;
    send_json(c.res, 200, out);
  });

  api.add({"PUT", "/api/users/{id}/active"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    const json body = json_body(c.req);
    auto it = body.find("active");
    if (it == body.end() || !it->is_boolean()) bad_request("'active' must be true or false");
    const std::string id = c.param(1);
    api.auth.set_active(id, it->get<bool>(), c.user().id);
    const auto user = api.auth.find_user(id);
    send_json(c.res, 200, auth::to_json(*user));
  });

  api.add({"GET", "/api/reviewers"}, [&api](Call& c) {
    require(c.user().role != auth::Role::reviewer, "only intake staff and administrators see the registry");
    json reviewers = json::array();
    for (const auto& r : api.cases.reviewers()) reviewers.push_back(to_json(r));
    send_json(c.res, 200, {{"reviewers", reviewers}});
  });

  api.add({"POST", "/api/reviewers"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    const size_t n = api.cases.import_reviewers(c.req.body, "request body", c.user().id);
    send_json(c.res, 200, {{"imported", n}});
  });

  api.add({"GET", "/api/dashboard"}, [&api](Call& c) {
    require(c.user().role != auth::Role::reviewer, "only intake staff and administrators see every case");
    OpenCaseQuery q;
    q.limit = query_int(c.req, "limit", 500, 1, 5000);
    q.offset = query_int(c.req, "offset", 0, 0, 10'000'000);
    json cases = json::array();
    json counts = {{"overdue", 0}, {"at risk", 0}, {"on track", 0}, {"nothing due", 0}};
    for (const auto& e : api.cases.open_cases(q)) {
      cases.push_back(to_json(e));
      const std::string key = e.due_state.empty() ? "nothing due" : e.due_state;
      counts[key] = counts.value(key, 0) + 1;
    }
    send_json(c.res, 200, {{"cases", cases}, {"counts", counts}});
  });

  api.add({"GET", "/api/stats"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    send_json(c.res, 200, to_json(compute_statistics(api.cases.all_cases())));
  });
}

}  // namespace imr::server
