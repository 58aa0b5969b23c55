// The shop's testimonials over HTTP (issue 21): real shoppers' words an admin
// saves, and the few any shopper may be shown.
//   PUT    /api/v1/admin/testimonials/{id}   the testimonial as JSON (admin)
//          -> 201 created, 200 replaced or unchanged ("changed": false)
//   GET    /api/v1/admin/testimonials        all of them, newest first (admin)
//   DELETE /api/v1/admin/testimonials/{id}   (admin)
//   GET    /api/v1/testimonials?sku=&language=&limit=   as the bot picks them
// Handlers parse, run the testimonial's command, and shape the answer.
#pragma once

#include "actors/testimonial_commands.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "projections/testimonials_view.hpp"

namespace parley::http {

struct TestimonialApiContext {
  actors::TestimonialCommands& commands;
  projections::TestimonialsView& view;
  Authorizer auth;
};

void register_testimonial_api(Router& router, TestimonialApiContext& ctx);

}  // namespace parley::http
