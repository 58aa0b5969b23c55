// Who may see one order (issue 17, item 4): a team member with the sales or
// admin role, or the shopper holding that order's signed link
// (payments/order_links.hpp: ?exp=…&sig=…).
//   a link that is wrong, for another order, or expired -> 403 invalid_link
//   no link and no token                                -> 401 unauthorized
//   a token without the role                            -> 403 forbidden
#pragma once

#include <optional>
#include <string>

#include "http/auth.hpp"
#include "payments/order_links.hpp"

namespace parley::http {

std::optional<HttpResponse> deny_order_view(const Authorizer* auth,
                                            const payments::OrderLinks* links,
                                            const HttpRequest& req, const std::string& order_id,
                                            int64_t now_s);

}  // namespace parley::http
