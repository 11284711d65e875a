#include "libs/auth/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include <new>

namespace mg::auth {
namespace {

// Argon2id of a throw-away password at exactly kPasswordOpsLimit / kPasswordMemLimit
// (password_test.cpp checks that the cost matches, so a cost change shows up there).
constexpr const char* kDummyHash =
    "$argon2id$v=19$m=19456,t=2,p=1$4eqFlEmM/+dd3N4kt37wzQ$"
    "hbDYFYYr+g4G6OwlCqF0kmDPRfN0mE2IyjfZrKUs294";

void ensure_sodium() {
  // sodium_init is thread-safe and idempotent; the static just avoids calling it every time.
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("sodium_init failed");
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), kPasswordOpsLimit,
                                 kPasswordMemLimit) != 0) {
    // The only runtime failure is running out of memory: a busy server, not a bug.
    throw std::bad_alloc();
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_argon2id_STRBYTES) return false;
  const std::string stored(stored_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_argon2id_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy_password(std::string_view password) {
  ensure_sodium();
  // The result is meaningless; only the time spent matters.
  volatile int sink =
      crypto_pwhash_argon2id_str_verify(kDummyHash, password.data(), password.size());
  (void)sink;
}

bool password_needs_rehash(std::string_view stored_hash) {
  ensure_sodium();
  if (stored_hash.size() >= crypto_pwhash_argon2id_STRBYTES) return true;
  const std::string stored(stored_hash);
  return crypto_pwhash_argon2id_str_needs_rehash(stored.c_str(), kPasswordOpsLimit,
                                                 kPasswordMemLimit) != 0;
}

}  // namespace mg::auth
