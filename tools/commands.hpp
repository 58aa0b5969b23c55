// Subcommands of the `parley` executable and what they share.
#pragma once

#include <cstdint>
#include <string>

#include "tools/settings.hpp"

namespace parley::tools {

int run_serve(int argc, char** argv);
int run_events(int argc, char** argv);
int run_catalog(int argc, char** argv);
int run_knowledge(int argc, char** argv);
int run_projections(int argc, char** argv);
int run_replay(int argc, char** argv);
int run_cluster(int argc, char** argv);

// µs since the epoch, from the system clock.
int64_t wall_clock_us();
// The system's local time as "2026-11-22T10:00:00+05:30".
std::string local_now_iso();
// "req-" and 16 random hex digits.
std::string new_request_id();

// The demo catalog CSV built into the binary (data/demo_catalog.csv).
std::string demo_catalog_csv();
// PARLEY_ADMIN_TOKEN, else the token saved in $PARLEY_DATA_DIR/admin-token,
// else a new random one saved there (mode 0600) and printed once.
bool admin_token(const Settings& settings, std::string* token, std::string* error);

}  // namespace parley::tools
