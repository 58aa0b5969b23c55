// Answers as each provider sends them (shapes from their API references),
// for the fake servers of the LLM tests.
#pragma once

#include <string>

namespace parley::testing::llm_answers {

struct Family {
  const char* provider;      // openai, anthropic, gemini
  const char* path;          // the request path for model "m1"
  const char* stream_path;   // the streamed request's path
  const char* plain;         // "Hello! How can I help?", 42 in, 7 out
  const char* tools;         // search_products{"query":"screws"} and view_cart{}
  const char* invalid_args;  // search_products with arguments that are not JSON
  const char* stream;        // "Hel" "lo", then search_products{"query":"drill"}; 30 in, 12 out
};

inline const Family kOpenAi{
    "openai",
    "/v1/chat/completions",
    "/v1/chat/completions",
    R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m1-2024",
        "choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help?","refusal":null},
        "logprobs":null,"finish_reason":"stop"}],
        "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}})",
    R"({"id":"chatcmpl-2","object":"chat.completion","model":"m1-2024",
        "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
          {"id":"call_a","type":"function","function":{"name":"search_products","arguments":"{\"query\":\"screws\"}"}},
          {"id":"call_b","type":"function","function":{"name":"view_cart","arguments":"{}"}}]},
        "finish_reason":"tool_calls"}],
        "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}})",
    R"({"id":"chatcmpl-3","object":"chat.completion","model":"m1-2024",
        "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
          {"id":"call_c","type":"function","function":{"name":"search_products","arguments":"{\"query\": \"scr"}}]},
        "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}})",
    "data: "
    "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m1-2024\",\"choices\":[{"
    "\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}\n\n"
    "data: "
    "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_x\",\"type\":"
    "\"function\",\"function\":{\"name\":\"search_products\",\"arguments\":\"\"}}]}}]}\n\n"
    "data: "
    "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
    "\"arguments\":\"{\\\"query\\\":\"}}]}}]}\n\n"
    "data: "
    "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
    "\"arguments\":\"\\\"drill\\\"}\"}}]}}]}\n\n"
    "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
    "data: "
    "{\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":12,\"total_tokens\":42}}"
    "\n\n"
    "data: [DONE]\n\n"};

inline const Family kAnthropic{
    "anthropic",
    "/v1/messages",
    "/v1/messages",
    R"({"id":"msg_1","type":"message","role":"assistant","model":"m1-2024",
        "content":[{"type":"text","text":"Hello! How can I help?"}],
        "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":42,"output_tokens":7}})",
    R"({"id":"msg_2","type":"message","role":"assistant","model":"m1-2024",
        "content":[{"type":"tool_use","id":"call_a","name":"search_products","input":{"query":"screws"}},
                   {"type":"tool_use","id":"call_b","name":"view_cart","input":{}}],
        "stop_reason":"tool_use","usage":{"input_tokens":100,"output_tokens":20}})",
    R"({"id":"msg_3","type":"message","role":"assistant","model":"m1-2024",
        "content":[{"type":"tool_use","id":"call_c","name":"search_products","input":"{\"query\": \"scr"}],
        "stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5}})",
    "event: message_start\n"
    "data: "
    "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_4\",\"type\":\"message\",\"role\":"
    "\"assistant\",\"model\":\"m1-2024\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_"
    "tokens\":30,\"output_tokens\":1}}}\n\n"
    "event: content_block_start\n"
    "data: "
    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":"
    "\"\"}}\n\n"
    "event: ping\ndata: {\"type\": \"ping\"}\n\n"
    "event: content_block_delta\n"
    "data: "
    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
    "\"Hel\"}}\n\n"
    "event: content_block_delta\n"
    "data: "
    "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
    "\"lo\"}}\n\n"
    "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: content_block_start\n"
    "data: "
    "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":"
    "\"call_x\",\"name\":\"search_products\",\"input\":{}}}\n\n"
    "event: content_block_delta\n"
    "data: "
    "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
    "\"partial_json\":\"{\\\"query\\\": \\\"dr\"}}\n\n"
    "event: content_block_delta\n"
    "data: "
    "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
    "\"partial_json\":\"ill\\\"}\"}}\n\n"
    "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
    "event: message_delta\n"
    "data: "
    "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
    "\"usage\":{\"output_tokens\":12}}\n\n"
    "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"};

inline const Family kGemini{
    "gemini",
    "/v1beta/models/m1:generateContent",
    "/v1beta/models/m1:streamGenerateContent",
    R"({"candidates":[{"content":{"parts":[{"text":"Hello! How can I help?"}],"role":"model"},
        "finishReason":"STOP","index":0}],
        "usageMetadata":{"promptTokenCount":42,"candidatesTokenCount":7,"totalTokenCount":49},
        "modelVersion":"m1-2024"})",
    R"({"candidates":[{"content":{"parts":[
          {"functionCall":{"name":"search_products","args":{"query":"screws"}}},
          {"functionCall":{"name":"view_cart","args":{}}}],"role":"model"},
        "finishReason":"STOP","index":0}],
        "usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":20,"totalTokenCount":120},
        "modelVersion":"m1-2024"})",
    R"({"candidates":[{"content":{"parts":[
          {"functionCall":{"name":"search_products","args":"{\"query\": \"scr"}}],"role":"model"},
        "finishReason":"STOP","index":0}],
        "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5,"totalTokenCount":15}})",
    "data: "
    "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"},\"index\":0}"
    "],\"usageMetadata\":{\"promptTokenCount\":30,\"candidatesTokenCount\":1,\"totalTokenCount\":"
    "31},\"modelVersion\":\"m1-2024\"}\r\n\r\n"
    "data: "
    "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}],\"role\":\"model\"},\"index\":0}]"
    ",\"usageMetadata\":{\"promptTokenCount\":30,\"candidatesTokenCount\":2,\"totalTokenCount\":32}"
    ",\"modelVersion\":\"m1-2024\"}\r\n\r\n"
    "data: "
    "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"search_products\","
    "\"args\":{\"query\":\"drill\"}}}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
    "\"usageMetadata\":{\"promptTokenCount\":30,\"candidatesTokenCount\":12,\"totalTokenCount\":42}"
    ",\"modelVersion\":\"m1-2024\"}\r\n\r\n"};

}  // namespace parley::testing::llm_answers
