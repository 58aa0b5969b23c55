// The tools a model may call in a shop conversation (search_products,
// get_product_details, add_to_cart, view_cart, remove_from_cart,
// create_order, get_payment_link, check_order_status, search_knowledge), and
// the check of a call's arguments against its tool's JSON Schema. A call that
// fails the check is answered with the reason as a tool error and never run.
#pragma once

#include <string>
#include <vector>

#include "llm/llm_types.hpp"

namespace parley::llm {

const std::vector<ToolDef>& shop_tools();

// "" when `call` names one of `tools` and its arguments fit that tool's
// schema; otherwise what is wrong, in words the model can act on.
std::string check_arguments(const std::vector<ToolDef>& tools, const ToolCall& call);

// The schema subset the tools use: an object's properties, required and
// additionalProperties false; string (minLength, maxLength, enum), integer
// (minimum, maximum), number, boolean. "" when `value` fits.
std::string check_schema(const nlohmann::json& schema, const nlohmann::json& value,
                         const std::string& path);

}  // namespace parley::llm
