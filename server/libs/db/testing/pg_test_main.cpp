// Entry point of the PostgreSQL tests: they run under scripts/with-test-db.sh,
// which starts a throwaway cluster and exports its URLs.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  if (!std::getenv("TEST_DATABASE_OWNER_URL")) {
    std::cerr << "pg_tests: run under scripts/with-test-db.sh (TEST_DATABASE_OWNER_URL unset)\n";
    return 2;
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
