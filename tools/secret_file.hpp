// A secret the server keeps in its data directory (the key of shoppers' signed
// links, …): read from the file, or made on the first start — random bytes,
// written as hex with mode 0600.
#pragma once

#include <string>

namespace parley::tools {

// The secret's raw bytes in `secret`; `bytes` is its size when it is made
// (O_EXCL, mode 0600, synced with its directory). False with `error` when the
// file cannot be read or written, or holds no hex.
bool load_or_create_secret(const std::string& path, size_t bytes, std::string* secret,
                           std::string* error);
// Makes `dir` (and its parents) if missing and sets it to mode 0700, saying
// so on stderr when it was open to others. False with `error` if it cannot.
bool make_private_dir(const std::string& dir, std::string* error);

// The same without making one: false with `error` when there is none.
bool load_secret(const std::string& path, std::string* secret, std::string* error);

}  // namespace parley::tools
