#pragma once
// Password hashing: Argon2id (libsodium), at OWASP's minimum cost (m=19 MiB, t=2, p=1).
#include <cstddef>
#include <string>
#include <string_view>

namespace mg::auth {

constexpr unsigned long long kPasswordOpsLimit = 2;
constexpr std::size_t kPasswordMemLimit = 19u * 1024u * 1024u;  // bytes

// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>". Slow on purpose (tens of ms): call it off
// the I/O threads. Throws std::bad_alloc when memory runs out (a busy server).
std::string hash_password(std::string_view password);

// False for a wrong password and for a stored value that is not an Argon2id hash.
bool verify_password(std::string_view stored_hash, std::string_view password);

// Verifies against a fixed hash of the same cost and discards the answer, so a login for an
// unknown e-mail takes about as long as one with a wrong password.
void verify_dummy_password(std::string_view password);

// True when the stored hash is not Argon2id at the current cost (rehash after a good login).
bool password_needs_rehash(std::string_view stored_hash);

}  // namespace mg::auth
