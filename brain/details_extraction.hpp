// Details a language model read from free text (the "extractor" agent, when
// a shop switches one on): a shopper's checkout details, asked on the
// caller's thread while the conversation's checkout waits for them, and a
// new lead's contact, asked by the CRM desk. Only when the rules' own reading
// leaves something missing; the rules' reading wins, the model's fills only
// the fields it missed, and the entity's decider checks every field as it
// checks the rules' (ProvideDetails, lead::Create). Pure types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/llm_usage.hpp"
#include "domain/shop.hpp"

namespace parley::brain {

enum class DetailsFor : uint8_t {
  delivery,      // name, phone, e-mail, address, city of a shop's customer
  lead_contact,  // the contact person of a business lead: name, phone, e-mail
};

struct DetailsExtraction {
  domain::Customer details;                    // what the model read; empty fields: none
  std::vector<domain::llm_usage::Call> calls;  // every call made, failed ones too
};

class DetailsExtractor {
 public:
  virtual ~DetailsExtractor() = default;
  // False while no model is switched on for the extractor agent.
  virtual bool active() const = 0;
  // Blocks up to its own deadline; never on a CAF scheduler thread.
  // `conversation_id`: whose usage the calls are ("" for the desk's).
  virtual DetailsExtraction extract(const std::string& text, const std::string& language,
                                    DetailsFor what, const std::string& conversation_id,
                                    int64_t at_us) const = 0;
};

// The rules' details with the empty fields filled from the model's.
domain::Customer with_gaps_filled(const domain::Customer& rules, const domain::Customer& model);

}  // namespace parley::brain
