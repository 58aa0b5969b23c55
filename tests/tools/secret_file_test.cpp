// Secrets kept in the data directory (the order-link key, the master key).
#include "tools/secret_file.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/temp_dir.hpp"

namespace parley::tools {
namespace {

TEST(SecretFile, MadeOnceWithMode0600ThenReadBack) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/link-key";
  std::string first, again, error;
  ASSERT_TRUE(load_or_create_secret(path, 32, &first, &error)) << error;
  EXPECT_EQ(first.size(), 32u);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_TRUE(load_or_create_secret(path, 32, &again, &error)) << error;
  EXPECT_EQ(again, first);
}

// Probe: an empty key file was silently replaced, voiding every link sent.
TEST(SecretFile, AnUnreadableFileIsAnErrorNotReplaced) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/link-key";
  std::ofstream(path) << "";
  std::string secret, error;
  EXPECT_FALSE(load_or_create_secret(path, 32, &secret, &error));
  EXPECT_NE(error.find("holds no hex secret"), std::string::npos) << error;
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_TRUE(content.empty()) << "left as it was";
}

// A read-only tool must not make a master key of its own: one made there is
// not the one the server sealed with.
TEST(SecretFile, LoadingOnlyNeverMakesTheFile) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/master-key";
  std::string secret, error;
  EXPECT_FALSE(load_secret(path, &secret, &error));
  EXPECT_FALSE(std::ifstream(path).good());
  ASSERT_TRUE(load_or_create_secret(path, 32, &secret, &error)) << error;
  std::string again;
  ASSERT_TRUE(load_secret(path, &again, &error)) << error;
  EXPECT_EQ(again, secret);
}

// Probe: the data directory (keys, customer records) was world-readable.
TEST(SecretFile, TheDataDirectoryIsMadePrivate) {
  testing::TempDir dir;
  const std::string made = dir.path() + "/new/data", open_one = dir.path() + "/open";
  std::string error;
  ASSERT_TRUE(make_private_dir(made, &error)) << error;
  ASSERT_EQ(mkdir(open_one.c_str(), 0755), 0);
  ASSERT_TRUE(make_private_dir(open_one, &error)) << error;
  for (const auto& d : {made, open_one}) {
    struct stat st {};
    ASSERT_EQ(stat(d.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u) << d;
  }
}

}  // namespace
}  // namespace parley::tools
