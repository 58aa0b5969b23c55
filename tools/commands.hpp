// Subcommands of the `parley` executable.
#pragma once

#include <cstdint>
#include <string>

namespace parley::tools {

int run_serve(int argc, char** argv);
int run_events(int argc, char** argv);

// µs since the epoch, from the system clock.
int64_t wall_clock_us();
// "req-" and 16 random hex digits.
std::string new_request_id();

}  // namespace parley::tools
