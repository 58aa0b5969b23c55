#include "http/order_access.hpp"

namespace parley::http {

std::optional<HttpResponse> deny_order_view(const Authorizer* auth,
                                            const payments::OrderLinks* links,
                                            const HttpRequest& req, const std::string& order_id,
                                            int64_t now_s) {
  if (req.query.count("sig") || req.query.count("exp")) {
    if (links && links->valid(order_id, req.query_value("exp"), req.query_value("sig"), now_s))
      return std::nullopt;
    return json_error(403, "invalid_link",
                      "this link is not valid for order " + order_id + " or has expired");
  }
  if (!auth) return json_error(401, "unauthorized", "send Authorization: Bearer <token>");
  return auth->deny(req, {Role::sales, Role::admin});
}

}  // namespace parley::http
