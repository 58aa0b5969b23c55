// The views at rest (issue 17, item 16): rows are sealed with the views key;
// a store from before sealing is emptied once (the projections fold it
// again); another master key is refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "privacy/sealed_view_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace parley::privacy {
namespace {

const KeyBytes kMaster = {{7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
                           7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 2}};

std::string raw_values(projections::ViewStore& store) {
  std::string all;
  store.scan("", [&](std::string_view, std::string_view v) {
    all.append(v);
    return true;
  });
  return all;
}

TEST(SealedViewStore, RowsAreSealedAtRestAndReadBackAsWritten) {
  projections::MemoryViewStore inner;
  auto views = SealedViewStore::open(inner, views_key(kMaster));
  ASSERT_TRUE(views.ok());
  ASSERT_TRUE((*views)
                  ->write({{"v/orders/customer/x", R"({"name":"Zofia Wiśniewska"})"},
                           {"v/orders/customer/y", R"({"name":"Ana"})"}})
                  .ok());
  EXPECT_EQ(raw_values(inner).find("Zofia"), std::string::npos);
  EXPECT_EQ(*(*views)->get("v/orders/customer/x"), R"({"name":"Zofia Wiśniewska"})");
  std::vector<std::string> seen;
  ASSERT_TRUE((*views)
                  ->scan("v/orders/",
                         [&](std::string_view k, std::string_view v) {
                           seen.push_back(std::string(k) + "=" + std::string(v));
                           return true;
                         })
                  .ok());
  EXPECT_EQ(seen, (std::vector<std::string>{R"(v/orders/customer/x={"name":"Zofia Wiśniewska"})",
                                            R"(v/orders/customer/y={"name":"Ana"})"}));
  ASSERT_TRUE((*views)->write({{"v/orders/customer/y", std::nullopt}}).ok());
  EXPECT_EQ((*views)->get("v/orders/customer/y").status().code(), events::StoreErrc::not_found);
  EXPECT_NE(views_key(kMaster), kMaster);
}

TEST(SealedViewStore, AStoreFromBeforeSealingIsEmptiedOnceToBeFoldedAgain) {
  projections::MemoryViewStore inner;
  ASSERT_TRUE(
      inner.write({{"c/orders", "checkpoint"}, {"v/orders/order/1", "{\"plain\":1}"}}).ok());
  ASSERT_TRUE(SealedViewStore::open(inner, views_key(kMaster)).ok());
  EXPECT_EQ(inner.get("v/orders/order/1").status().code(), events::StoreErrc::not_found);
  EXPECT_EQ(inner.get("c/orders").status().code(), events::StoreErrc::not_found);
  auto views = SealedViewStore::open(inner, views_key(kMaster));
  ASSERT_TRUE((*views)->write({{"v/orders/order/2", "{}"}}).ok());
  ASSERT_TRUE(SealedViewStore::open(inner, views_key(kMaster)).ok());  // kept this time
  EXPECT_EQ(*(*views)->get("v/orders/order/2"), "{}");

  KeyBytes other = kMaster;
  other[5] ^= 1;
  EXPECT_EQ(SealedViewStore::open(inner, views_key(other)).status().code(),
            events::StoreErrc::corruption);
}

// Emptied means gone from the files, not hidden by a range delete.
TEST(SealedViewStore, APlaintextStoreFromBeforeSealingIsInNoFileAfterwards) {
  testing::TempDir dir;
  auto rocks = projections::RocksViewStore::open(dir.sub("views"));
  ASSERT_TRUE(rocks.ok());
  ASSERT_TRUE((*rocks)->write({{"v/orders/customer/x", "{\"name\":\"Zofia Plaintext\"}"}}).ok());
  ASSERT_TRUE(SealedViewStore::open(**rocks, views_key(kMaster)).ok());
  std::string files;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir.sub("views"))) {
    std::ifstream in(f.path(), std::ios::binary);
    files.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  EXPECT_EQ(files.find("Zofia Plaintext"), std::string::npos);
}

// Issue 22: rows ingested as a file are sealed like written ones.
TEST(SealedViewStore, IngestedRowsAreSealedOnDiskAndOpenOnRead) {
  testing::TempDir dir;
  auto rocks = projections::RocksViewStore::open(dir.sub("views"));
  ASSERT_TRUE(rocks.ok());
  auto views = SealedViewStore::open(**rocks, views_key(kMaster));
  ASSERT_TRUE(views.ok());
  ASSERT_TRUE((*views)->ingest({{"v/orders/customer/y", "{\"name\":\"Ingrid Ingested\"}"}}).ok());
  EXPECT_EQ(*(*views)->get("v/orders/customer/y"), "{\"name\":\"Ingrid Ingested\"}");
  std::string files;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir.sub("views"))) {
    std::ifstream in(f.path(), std::ios::binary);
    files.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  EXPECT_EQ(files.find("Ingrid Ingested"), std::string::npos);
}

}  // namespace
}  // namespace parley::privacy
