// Discovery beyond one search: the requests that browse the catalog or
// refer to the last list, in five languages. Pure; the policy runs them.
//   categories  "what categories do you have?", "¿qué categorías tienen?"
//   more        "show me more", "ещё", "ada lagi?", "aur dikhao"
//   cheaper     "something cheaper", "más barato", "дешевле", "yang lebih murah"
//   refine      a colour or size asked of the last list: "есть в черном цвете?",
//               "do you have them in size 39?"
#pragma once

#include <string>

#include "brain/nlu.hpp"
#include "domain/conversation.hpp"

namespace parley::brain {

enum class BrowseKind { none, categories, more, cheaper, refine };

struct Browse {
  BrowseKind kind = BrowseKind::none;
  std::string refinement;  // refine: the colour or size words to add to the last search
};

Browse browse_request(const Understanding& u, const std::string& text,
                      const domain::conversation::State& state);

}  // namespace parley::brain
