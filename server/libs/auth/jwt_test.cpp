#include "libs/auth/jwt.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

namespace mg::auth {
namespace {

constexpr std::string_view kKey = "0123456789abcdef0123456789abcdef-test-key";
constexpr std::int64_t kNow = 1'800'000'000;

// --- Independent token building (base64url + OpenSSL HMAC), not the code under test. ---

std::string b64url(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[k]); };
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (in.size() - i == 1) {
    const unsigned v = byte(i) << 16;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
  } else if (in.size() - i == 2) {
    const unsigned v = byte(i) << 16 | byte(i + 1) << 8;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
  }
  return out;
}

std::string hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string header_json(std::string_view alg) {
  return std::string(R"({"alg":")") + std::string(alg) + R"(","typ":"JWT"})";
}

// Claims as raw JSON values; tests remove or replace entries.
using RawClaims = std::map<std::string, std::string>;

RawClaims valid_claims(std::string_view type = "access") {
  return {
      {"sub", R"("42")"},
      {"tenant_id", "7"},
      {"tenant_name", R"("Oficina do Zé")"},
      {"plan", R"("PREMIUM")"},
      {"role", R"("MANAGER")"},
      {"jti", R"("00112233445566778899aabbccddeeff")"},
      {"sid", "99"},
      {"type", "\"" + std::string(type) + "\""},
      {"iat", std::to_string(kNow - 60)},
      {"exp", std::to_string(kNow + 3600)},
  };
}

std::string payload_json(const RawClaims& claims) {
  std::string out = "{";
  for (const auto& [k, v] : claims) {
    if (out.size() > 1) out += ',';
    out += "\"" + k + "\":" + v;
  }
  return out + "}";
}

// header.payload.signature with the signature computed by `md` (nullptr: empty signature).
std::string build_token(std::string_view header, std::string_view payload,
                        const EVP_MD* md = EVP_sha256(), std::string_view key = kKey) {
  std::string input = b64url(header) + "." + b64url(payload);
  std::string sig = md ? b64url(hmac(md, key, input)) : "";
  return input + "." + sig;
}

std::string hs256(const RawClaims& claims) {
  return build_token(header_json("HS256"), payload_json(claims));
}

void expect_invalid(const std::string& token, TokenType expected = TokenType::access) {
  EXPECT_EQ(verify_token(token, kKey, expected, kNow).problem, TokenProblem::invalid) << token;
}

void expect_expired(const std::string& token, std::int64_t now = kNow) {
  EXPECT_EQ(verify_token(token, kKey, TokenType::access, now).problem, TokenProblem::expired)
      << token;
}

// The claims of a token that must verify.
Claims verified(const std::string& token, TokenType expected = TokenType::access,
                std::int64_t now = kNow) {
  auto v = verify_token(token, kKey, expected, now);
  EXPECT_TRUE(v) << token;
  return v.claims;
}

Claims sample_claims(TokenType type = TokenType::access) {
  Claims c;
  c.user_id = 42;
  c.tenant_id = 7;
  c.tenant_name = "Oficina do Zé \"Motos\"";
  c.plan = "ENTERPRISE";
  c.role = "OWNER";
  c.jti = new_token_id();
  c.session_id = 1234567890123LL;
  c.type = type;
  c.issued_at = kNow;
  c.expires_at = kNow + 3600;
  return c;
}

// --- Happy paths ---

TEST(Jwt, RoundTripAccess) {
  const Claims in = sample_claims();
  const std::string token = sign_token(in, kKey);
  const Claims out = verified(token);
  EXPECT_EQ(out.user_id, in.user_id);
  EXPECT_EQ(out.tenant_id, in.tenant_id);
  EXPECT_EQ(out.tenant_name, in.tenant_name);
  EXPECT_EQ(out.plan, in.plan);
  EXPECT_EQ(out.role, in.role);
  EXPECT_EQ(out.jti, in.jti);
  EXPECT_EQ(out.session_id, in.session_id);
  EXPECT_EQ(out.type, TokenType::access);
  EXPECT_EQ(out.issued_at, in.issued_at);
  EXPECT_EQ(out.expires_at, in.expires_at);
}

TEST(Jwt, RoundTripRefresh) {
  const Claims in = sample_claims(TokenType::refresh);
  const Claims out = verified(sign_token(in, kKey), TokenType::refresh);
  EXPECT_EQ(out.type, TokenType::refresh);
  EXPECT_EQ(out.jti, in.jti);
  EXPECT_EQ(out.session_id, in.session_id);
}

TEST(Jwt, SignedTokenHasHs256HeaderAndStringSub) {
  const std::string token = sign_token(sample_claims(), kKey);
  ASSERT_EQ(std::count(token.begin(), token.end(), '.'), 2);
  const std::string header = token.substr(0, token.find('.'));
  // Both key orders a JSON encoder might produce.
  EXPECT_TRUE(header == b64url(R"({"alg":"HS256","typ":"JWT"})") ||
              header == b64url(R"({"typ":"JWT","alg":"HS256"})"))
      << header;
  // The signature is plain HS256 over header.payload.
  const auto dot2 = token.rfind('.');
  EXPECT_EQ(token.substr(dot2 + 1), b64url(hmac(EVP_sha256(), kKey, token.substr(0, dot2))));
}

TEST(Jwt, AcceptsIndependentlyBuiltToken) {
  const Claims c = verified(hs256(valid_claims()));
  EXPECT_EQ(c.user_id, 42);
  EXPECT_EQ(c.tenant_id, 7);
  EXPECT_EQ(c.tenant_name, "Oficina do Zé");
  EXPECT_EQ(c.plan, "PREMIUM");
  EXPECT_EQ(c.role, "MANAGER");
  EXPECT_EQ(c.session_id, 99);
  EXPECT_EQ(c.expires_at, kNow + 3600);
}

TEST(Jwt, NewTokenIdIsRandomHex128) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string id = new_token_id();
    ASSERT_EQ(id.size(), 32u);
    for (char ch : id) EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(ch))) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Jwt, EmptyKeyIsAProgrammingError) {
  EXPECT_THROW(sign_token(sample_claims(), ""), std::invalid_argument);
  EXPECT_THROW(verify_token(hs256(valid_claims()), "", TokenType::access, kNow),
               std::invalid_argument);
}

TEST(Jwt, SignRequiresJti) {
  Claims c = sample_claims();
  c.jti.clear();
  EXPECT_THROW(sign_token(c, kKey), std::invalid_argument);
}

// --- Algorithm attacks ---

TEST(JwtAttack, AlgNoneWithEmptySignature) {
  expect_invalid(build_token(header_json("none"), payload_json(valid_claims()), nullptr));
  expect_invalid(build_token(R"({"alg":"none"})", payload_json(valid_claims()), nullptr));
  expect_invalid(build_token(R"({"alg":"None"})", payload_json(valid_claims()), nullptr));
  // Without even the trailing dot.
  const std::string t = build_token(header_json("none"), payload_json(valid_claims()), nullptr);
  expect_invalid(t.substr(0, t.size() - 1));
}

TEST(JwtAttack, AlgNoneWithAValidHs256Signature) {
  // The signature bytes are right, but the header must still say HS256.
  expect_invalid(build_token(header_json("none"), payload_json(valid_claims())));
}

TEST(JwtAttack, OtherHmacAlgorithmsWithTheSameKey) {
  expect_invalid(build_token(header_json("HS512"), payload_json(valid_claims()), EVP_sha512()));
  expect_invalid(build_token(header_json("HS384"), payload_json(valid_claims()), EVP_sha384()));
  // Header lies about the algorithm: HS512 header with an HS256 signature and vice versa.
  expect_invalid(build_token(header_json("HS512"), payload_json(valid_claims()), EVP_sha256()));
  expect_invalid(build_token(header_json("HS256"), payload_json(valid_claims()), EVP_sha512()));
}

TEST(JwtAttack, Rs256HeaderWithHmacSignature) {
  expect_invalid(build_token(header_json("RS256"), payload_json(valid_claims())));
  expect_invalid(build_token(header_json("ES256"), payload_json(valid_claims())));
  expect_invalid(build_token(header_json("hs256"), payload_json(valid_claims())));
}

TEST(JwtAttack, MissingAlg) {
  expect_invalid(build_token(R"({"typ":"JWT"})", payload_json(valid_claims())));
}

// --- Integrity ---

TEST(JwtAttack, TamperedPayload) {
  const std::string good = hs256(valid_claims());
  RawClaims evil = valid_claims();
  evil["tenant_id"] = "8";
  evil["role"] = R"("OWNER")";
  const std::string evil_payload = b64url(payload_json(evil));
  const auto dot1 = good.find('.');
  const auto dot2 = good.rfind('.');
  expect_invalid(good.substr(0, dot1 + 1) + evil_payload + good.substr(dot2));
}

TEST(JwtAttack, TamperedHeader) {
  const std::string good = hs256(valid_claims());
  const auto dot1 = good.find('.');
  expect_invalid(b64url(R"({"alg":"HS256"})") + good.substr(dot1));
}

TEST(JwtAttack, BadSignature) {
  expect_invalid(build_token(header_json("HS256"), payload_json(valid_claims()), EVP_sha256(),
                             "another-key-another-key-another-key"));
  std::string token = hs256(valid_claims());
  token.back() = token.back() == 'A' ? 'B' : 'A';
  expect_invalid(token);
  // Truncated and extended signatures.
  const std::string good = hs256(valid_claims());
  expect_invalid(good.substr(0, good.size() - 2));
  expect_invalid(good + "AA");
  expect_invalid(good + "=");
}

TEST(JwtAttack, TokenFromAnotherKeyViaCode) {
  const std::string token = sign_token(sample_claims(), "some-other-key-some-other-key-xx");
  expect_invalid(token);
}

// --- Expiry ---

TEST(JwtExpiry, ExpiredAndBoundary) {
  RawClaims c = valid_claims();
  c["exp"] = std::to_string(kNow - 1);
  expect_expired(hs256(c));
  c["exp"] = std::to_string(kNow);  // exp <= now is expired
  expect_expired(hs256(c));
  c["exp"] = std::to_string(kNow + 1);
  verified(hs256(c));
}

TEST(JwtExpiry, SignedByCodeThenExpired) {
  const std::string token = sign_token(sample_claims(), kKey);
  verified(token, TokenType::access, kNow + 3599);
  expect_expired(token, kNow + 3600);
  expect_expired(token, kNow + 100000);
}

TEST(JwtExpiry, ExpiredWithBadSignatureIsInvalidNotExpired) {
  RawClaims c = valid_claims();
  c["exp"] = std::to_string(kNow - 1);
  expect_invalid(build_token(header_json("HS256"), payload_json(c), EVP_sha256(),
                             "wrong-key-wrong-key-wrong-key-wrong"));
}

// --- Claims ---

TEST(JwtClaims, MissingRequiredClaims) {
  for (const char* name :
       {"exp", "sub", "tenant_id", "type", "jti", "sid", "iat", "role", "plan", "tenant_name"}) {
    RawClaims c = valid_claims();
    c.erase(name);
    SCOPED_TRACE(name);
    expect_invalid(hs256(c));
  }
}

TEST(JwtClaims, MistypedOrInvalidClaims) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"exp", R"("1900000000")"},
      {"exp", "1900000000.5"},
      {"exp", "null"},
      {"exp", "true"},
      {"exp", "[1900000000]"},
      {"sub", "42"},
      {"sub", R"("0")"},
      {"sub", R"("-42")"},
      {"sub", R"("abc")"},
      {"sub", R"("042")"},
      {"sub", R"("")"},
      {"sub", R"("99999999999999999999")"},
      {"tenant_id", R"("7")"},
      {"tenant_id", "0"},
      {"tenant_id", "-7"},
      {"tenant_id", "7.0"},
      {"sid", "0"},
      {"sid", R"("99")"},
      {"jti", R"("")"},
      {"jti", "123"},
      {"type", R"("admin")"},
      {"type", R"("ACCESS")"},
      {"type", "1"},
      {"role", "1"},
      {"iat", R"("now")"},
  };
  for (const auto& [name, value] : bad) {
    RawClaims c = valid_claims();
    c[name] = value;
    SCOPED_TRACE(name + "=" + value);
    expect_invalid(hs256(c));
  }
}

TEST(JwtClaims, LongJtiRejected) {
  RawClaims c = valid_claims();
  c["jti"] = "\"" + std::string(200, 'a') + "\"";
  expect_invalid(hs256(c));
}

TEST(JwtClaims, WrongTypeBothWays) {
  expect_invalid(hs256(valid_claims("refresh")), TokenType::access);
  expect_invalid(hs256(valid_claims("access")), TokenType::refresh);
  expect_invalid(sign_token(sample_claims(TokenType::refresh), kKey), TokenType::access);
  expect_invalid(sign_token(sample_claims(TokenType::access), kKey), TokenType::refresh);
}

TEST(JwtClaims, WrongTypeEvenWhenExpiredIsInvalid) {
  RawClaims c = valid_claims("refresh");
  c["exp"] = std::to_string(kNow - 10);
  expect_invalid(hs256(c), TokenType::access);
}

// --- Garbage ---

TEST(JwtGarbage, MalformedStrings) {
  const std::string good = hs256(valid_claims());
  const std::vector<std::string> garbage = {
      "",
      ".",
      "..",
      "...",
      "abc",
      "a.b",
      "a.b.c",
      "a.b.c.d",
      "Bearer " + good,
      " " + good,
      good + " ",
      good + ".",
      "." + good,
      good.substr(0, good.find('.')),
      std::string(10000, 'A'),
      std::string(3000, 'A') + "." + std::string(3000, 'A') + "." + std::string(3000, 'A'),
      "eyJhbGciOiJIUzI1NiJ9.%%%%.abc",
      std::string("eyJh\0bGciOiJIUzI1NiJ9", 21) + ".e30.abc",
  };
  for (const auto& g : garbage) {
    SCOPED_TRACE(g.substr(0, 60));
    expect_invalid(g);
  }
}

TEST(JwtGarbage, SignedButNotJson) {
  expect_invalid(build_token(header_json("HS256"), "not json"));
  expect_invalid(build_token(header_json("HS256"), "[]"));
  expect_invalid(build_token(header_json("HS256"), "{}"));
  expect_invalid(build_token("not json", payload_json(valid_claims())));
  expect_invalid(build_token("", payload_json(valid_claims())));
  expect_invalid(build_token(header_json("HS256"), ""));
}

TEST(JwtGarbage, StandardBase64InsteadOfUrlSafe) {
  // The signature in standard base64 ('+' '/' or padding) is not a JWT signature.
  std::string token = hs256(valid_claims());
  const auto dot2 = token.rfind('.');
  std::string sig = token.substr(dot2 + 1);
  for (char& ch : sig) {
    if (ch == '-') ch = '+';
    if (ch == '_') ch = '/';
  }
  if (sig != token.substr(dot2 + 1)) expect_invalid(token.substr(0, dot2 + 1) + sig);
  expect_invalid(token + "=");
}

}  // namespace
}  // namespace mg::auth
