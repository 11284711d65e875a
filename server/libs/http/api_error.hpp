#pragma once
// An HTTP answer other than success, thrown by the http and api layers (below
// them, failures are values: libs/core/failure.hpp). The pipeline writes it in
// the error shape of API.md: {"error": {"code", "message", "details"}}.
#include <stdexcept>
#include <string>
#include <utility>

#include "libs/core/failure.hpp"

namespace mg {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, ErrorDetails details = {})
      : std::runtime_error(code),
        status_(status),
        code_(std::move(code)),
        message_(std::move(message)),
        details_(std::move(details)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }  // pt-BR, for a person
  const ErrorDetails& details() const { return details_; }
  // Seconds for a Retry-After header (429, 503); 0 for none.
  int retry_after() const { return retry_after_; }
  ApiError& with_retry_after(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  int status_;
  std::string code_;
  std::string message_;
  ErrorDetails details_;
  int retry_after_ = 0;
};

// The codes of API.md §1 that the HTTP and api layers raise themselves.
namespace errors {
inline ApiError bad_request(std::string message) {
  return {400, "bad_request", std::move(message)};
}
inline ApiError unauthorized(std::string message = "Autenticação necessária.") {
  return {401, "unauthorized", std::move(message)};
}
inline ApiError invalid_credentials() {
  return {401, "invalid_credentials", "E-mail ou senha inválidos."};
}
inline ApiError token_expired() {
  return {401, "token_expired", "Sessão expirada. Entre novamente."};
}
inline ApiError token_revoked() {
  return {401, "token_revoked", "Sessão encerrada. Entre novamente."};
}
inline ApiError forbidden(std::string message = "Você não tem permissão para esta ação.") {
  return {403, "forbidden", std::move(message)};
}
inline ApiError tenant_mismatch() {
  return {403, "tenant_mismatch", "A oficina informada não corresponde à sua sessão."};
}
inline ApiError plan_required(std::string message = "Recurso indisponível no plano atual.") {
  return {403, "plan_required", std::move(message)};
}
inline ApiError not_found(std::string message = "Registro não encontrado.") {
  return {404, "not_found", std::move(message)};
}
inline ApiError conflict(std::string message, ErrorDetails details = {}) {
  return {409, "conflict", std::move(message), std::move(details)};
}
inline ApiError payload_too_large() {
  return {413, "payload_too_large", "O corpo da requisição excede o limite permitido."};
}
inline ApiError validation(std::string message, ErrorDetails details = {}) {
  return {422, "validation_error", std::move(message), std::move(details)};
}
inline ApiError unprocessable(std::string code, std::string message, ErrorDetails details = {}) {
  return {422, std::move(code), std::move(message), std::move(details)};
}
inline ApiError rate_limited() {
  return {429, "rate_limited", "Muitas tentativas. Aguarde um pouco e tente novamente."};
}
inline ApiError unavailable(std::string message = "Serviço temporariamente indisponível.") {
  return {503, "unavailable", std::move(message)};
}
}  // namespace errors

}  // namespace mg
