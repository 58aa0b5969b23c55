// The KeyStore contract (events/key_store.hpp) on both stores, and what only
// RocksDB can show: a key survives a reopen, an erased key survives in no file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "events/memory_event_store.hpp"
#include "events/rocks_event_store.hpp"
#include "tests/support/events.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::events {
namespace {

using testing::ev;
using testing::req;

std::unique_ptr<RocksEventStore> open_rocks(const std::string& path) {
  RocksEventStore::Options o;
  o.path = path;
  auto s = RocksEventStore::open(o);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Every file under `dir` that holds `needle`.
std::vector<std::string> files_holding(const std::string& dir, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.find(needle) != std::string::npos) out.push_back(f.path().filename().string());
  }
  return out;
}

void put_get_erase(KeyStore& keys) {
  EXPECT_EQ(keys.get_key("owner/a").status().code(), StoreErrc::not_found);
  ASSERT_TRUE(keys.put_key("owner/a", "k1").ok());
  ASSERT_TRUE(keys.put_key("owner/b", "k2").ok());
  EXPECT_EQ(*keys.get_key("owner/a"), "k1");
  ASSERT_TRUE(keys.erase_keys({"owner/a"}).ok());
  EXPECT_EQ(keys.get_key("owner/a").status().code(), StoreErrc::not_found);
  EXPECT_EQ(*keys.get_key("owner/b"), "k2");
  EXPECT_TRUE(keys.erase_keys({"never/put"}).ok());
  EXPECT_TRUE(keys.erase_keys({}).ok());
}

TEST(KeyStore, AKeyPutIsReadUntilItIsErasedInMemory) {
  MemoryEventStore store;
  put_get_erase(store);
}

TEST(KeyStore, AKeyPutIsReadUntilItIsErasedInRocksDb) {
  testing::TempDir dir;
  auto store = open_rocks(dir.sub("db"));
  ASSERT_TRUE(store);
  put_get_erase(*store);
}

TEST(KeyStore, AKeyPutBeforeAnAcknowledgedAppendSurvivesAReopen) {
  testing::TempDir dir;
  {
    auto store = open_rocks(dir.sub("db"));
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->put_key("owner/a", "k1").ok());
    ASSERT_TRUE(store->append(req("c", "a", 0, {ev("x")})).status.ok());
  }
  auto store = open_rocks(dir.sub("db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->get_key("owner/a"), "k1");
}

TEST(KeyStore, AnErasedKeyIsInNoFileOfTheStore) {
  testing::TempDir dir;
  const std::string secret = "SECRET-KEY-MATERIAL-0123456789abcdef";
  auto store = open_rocks(dir.sub("db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->put_key("owner/a", secret).ok());
  ASSERT_TRUE(store->append(req("c", "a", 0, {ev("x")})).status.ok());
  ASSERT_TRUE(store->flush().ok());  // the put now sits in a table file too
  ASSERT_FALSE(files_holding(dir.sub("db"), secret).empty());
  ASSERT_TRUE(store->erase_keys({"owner/a"}).ok());
  EXPECT_EQ(files_holding(dir.sub("db"), secret), std::vector<std::string>{});
  store.reset();
  store = open_rocks(dir.sub("db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->get_key("owner/a").status().code(), StoreErrc::not_found);
  EXPECT_EQ(files_holding(dir.sub("db"), secret), std::vector<std::string>{});
}

}  // namespace
}  // namespace parley::events
