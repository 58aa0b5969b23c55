#include "llm/shop_tools.hpp"
#include <algorithm>
#include <cstdint>

namespace parley::llm {

using nlohmann::json;

namespace {

json text(int max_length, const char* description) {
  return {{"type", "string"},
          {"minLength", 1},
          {"maxLength", max_length},
          {"description", description}};
}

json object(json properties, json required) {
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

}  // namespace

const std::vector<ToolDef>& shop_tools() {
  static const std::vector<ToolDef> tools = {
      {"search_products",
       "Search the shop's catalog. Use the shopper's words; returns up to `limit` products "
       "with sku, name, price, currency and stock.",
       object({{"query", text(200, "what the shopper is looking for")},
               {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 10}}}},
              {"query"})},
      {"get_product_details",
       "Everything about one product: description, price, stock, colours and sizes.",
       object({{"sku", text(64, "the product's SKU")}}, {"sku"})},
      {"add_to_cart",
       "Add a product to the shopper's cart. Colour and size must be among the product's.",
       object({{"sku", text(64, "the product's SKU")},
               {"quantity", {{"type", "integer"}, {"minimum", 1}, {"maximum", 999}}},
               {"color", text(40, "one of the product's colours")},
               {"size", text(40, "one of the product's sizes")}},
              {"sku"})},
      {"view_cart", "The shopper's cart: lines, quantities and total.",
       object(json::object(), json::array())},
      {"remove_from_cart", "Remove a product's line from the cart.",
       object({{"sku", text(64, "the product's SKU")}}, {"sku"})},
      {"create_order",
       "Place the order for the cart. Only after the shopper confirmed the cart, the total "
       "and these delivery details.",
       object({{"name", text(120, "the shopper's full name")},
               {"phone", text(40, "phone number with country code")},
               {"email", text(254, "e-mail address")},
               {"address", text(300, "street address")},
               {"city", text(120, "city")}},
              {"name", "phone", "email", "address", "city"})},
      {"get_payment_link", "The payment link (or instructions) for an order.",
       object({{"order_id", text(64, "the order's id")}}, {"order_id"})},
      {"check_order_status", "The status of an order; the latest one when no id is given.",
       object({{"order_id", text(64, "the order's id")}}, json::array())},
      // The shop's own words, not the catalog's: the cite id lets the reply
      // name the passage it used (assistant/model_turn.hpp).
      {"search_knowledge",
       "Search the shop's own documents — FAQ, delivery, returns, payment, opening hours, "
       "policies. Returns passages with a `cite` id; answer only from them, and end the answer "
       "with [cite: <id>] of the passage you used.",
       object({{"query", text(200, "the shopper's question about the shop")},
               {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}}},
              {"query"})},
  };
  return tools;
}

std::string check_schema(const json& schema, const json& value, const std::string& path) {
  const std::string type = schema.value("type", "");
  const std::string where = path.empty() ? "the arguments" : path;
  if (type == "object") {
    if (!value.is_object()) return where + " must be an object";
    const json props = schema.value("properties", json::object());
    for (const auto& r : schema.value("required", json::array()))
      if (!value.contains(r.get<std::string>()))
        return (path.empty() ? "" : path + ".") + r.get<std::string>() + " is required";
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string p = path.empty() ? it.key() : path + "." + it.key();
      if (!props.contains(it.key())) {
        if (schema.value("additionalProperties", true) == false) return p + " is not a parameter";
        continue;
      }
      if (auto e = check_schema(props[it.key()], it.value(), p); !e.empty()) return e;
    }
    return "";
  }
  if (type == "string") {
    if (!value.is_string()) return where + " must be a string";
    const auto n = value.get<std::string>().size();
    if (n < schema.value("minLength", size_t{0})) return where + " must not be empty";
    if (n > schema.value("maxLength", SIZE_MAX))
      return where + " is longer than " + std::to_string(schema["maxLength"].get<size_t>());
    if (schema.contains("enum") &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
      return where + " must be one of " + schema["enum"].dump();
    return "";
  }
  if (type == "integer") {
    if (!value.is_number_integer()) return where + " must be a whole number";
    const auto v = value.get<int64_t>();
    if (schema.contains("minimum") && v < schema["minimum"].get<int64_t>())
      return where + " must be at least " + schema["minimum"].dump();
    if (schema.contains("maximum") && v > schema["maximum"].get<int64_t>())
      return where + " must be at most " + schema["maximum"].dump();
    return "";
  }
  if (type == "number") return value.is_number() ? "" : where + " must be a number";
  if (type == "boolean") return value.is_boolean() ? "" : where + " must be true or false";
  return "";
}

std::string check_arguments(const std::vector<ToolDef>& tools, const ToolCall& call) {
  const ToolDef* tool = nullptr;
  for (const auto& t : tools)
    if (t.name == call.name) tool = &t;
  if (!tool) {
    std::string names;
    for (const auto& t : tools) names += (names.empty() ? "" : ", ") + t.name;
    return "there is no tool named '" + call.name + "'; the tools are " + names;
  }
  if (!call.valid())
    return "the arguments are not a JSON object: " + call.invalid_arguments.substr(0, 200);
  return check_schema(tool->parameters, call.arguments, "");
}

}  // namespace parley::llm
