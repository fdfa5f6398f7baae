// Administration: users, the reviewer registry, the deadline dashboard and statistics.
#include "auth/password.h"
#include "server/api.h"
#include "service/case_json.h"
#include "service/statistics.h"

namespace imr::server {

using nlohmann::json;

namespace {

constexpr const char* kAdministratorsOnly = "only administrators do this";

std::optional<Date> date_param(const Call& c, const char* name) {
  if (!c.req.has_param(name) || c.req.get_param_value(name).empty()) return std::nullopt;
  const std::string text = c.req.get_param_value(name);
  auto d = parse_date(text);
  if (!d || text.size() != 10) bad_request(std::string("'") + name + "' must be a date (YYYY-MM-DD)");
  return d;
}

CaseStatistics statistics(Api& api, const Call& c) {
  StatisticsPeriod period{date_param(c, "from"), date_param(c, "to")};
  if (period.from && period.to && period.to->first_day() < period.from->first_day())
    bad_request("'to' is before 'from'");
  return compute_statistics(api.cases.all_cases(), period,
                            [&api](const std::string& topic) { return api.cases.topic_label(topic); });
}

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
    json counts = {{"overdue", 0}, {"at risk", 0}, {"on track", 0}, {"nothing due", 0}, {"no reviewer fits", 0}};
    for (const auto& e : api.cases.open_cases(q)) {
      json row = to_json(e);
      // A case nobody fits is not "on track": it waits for intake to assign it by hand.
      const std::string key = row.value("no_reviewer_fits", false) ? "no reviewer fits"
                              : e.due_state.empty()                ? "nothing due"
                                                                   : e.due_state;
      counts[key] = counts.value(key, 0) + 1;
      cases.push_back(std::move(row));
    }
    send_json(c.res, 200, {{"cases", cases}, {"counts", counts}});
  });

  api.add({"GET", "/api/stats"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    send_json(c.res, 200, to_json(statistics(api, c)));
  });

  api.add({"GET", "/api/stats/export"}, [&api](Call& c) {
    require(auth::can_manage_users(c.user()), kAdministratorsOnly);
    const std::string table = c.req.has_param("table") ? c.req.get_param_value("table") : "signatures";
    const CaseStatistics s = statistics(api, c);
    const auto csv = statistics_csv(s, table);
    if (!csv) bad_request("'table' must be reviewers, topics or signatures");
    std::string name = "imr-" + table;
    if (s.period.from) name += "-from-" + s.period.from->iso();
    if (s.period.to) name += "-to-" + s.period.to->iso();
    c.res.status = 200;
    c.res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    c.res.set_content(*csv, "text/csv; charset=utf-8");
  });
}

}  // namespace imr::server
