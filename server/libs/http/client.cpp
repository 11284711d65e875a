#include "libs/http/client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "libs/http/api_error.hpp"

namespace mg::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

constexpr const char* kForwardedRequestHeaders[] = {"authorization", "content-type", "traceparent",
                                                    "accept"};
constexpr const char* kForwardedResponseHeaders[] = {"X-Total-Count", "Retry-After", "Allow",
                                                     "Cache-Control"};

}  // namespace

Upstream parse_upstream(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || parsed->scheme() != "http" || parsed->host().empty())
    throw std::invalid_argument("upstream must be http://host:port, got '" + url + "'");
  Upstream u;
  u.host = std::string(parsed->host());
  u.port = parsed->has_port() ? std::string(parsed->port()) : "80";
  u.base_path = std::string(parsed->path());
  if (!u.base_path.empty() && u.base_path.back() == '/') u.base_path.pop_back();
  return u;
}

Response forward(const Upstream& upstream, const Request& req, std::string_view trace_id,
                 std::chrono::seconds timeout) {
  try {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(timeout);
    asio::ip::tcp::resolver resolver(ioc);
    stream.connect(resolver.resolve(upstream.host, upstream.port));

    std::string target = upstream.base_path + req.path;
    if (!req.query.empty()) target += "?" + req.query;
    bhttp::request<bhttp::string_body> out{bhttp::string_to_verb(req.method), target, 11};
    out.set(bhttp::field::host, upstream.host + ":" + upstream.port);
    for (const char* name : kForwardedRequestHeaders)
      if (auto v = req.header(name); !v.empty()) out.set(name, v);
    out.set("X-Forwarded-For", req.remote_address);
    if (!trace_id.empty()) out.set("X-Trace-Id", trace_id);
    out.body() = req.body;
    out.keep_alive(false);
    out.prepare_payload();
    bhttp::write(stream, out);

    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64u << 20);
    bhttp::read(stream, buffer, parser);
    auto& in = parser.get();

    Response res;
    res.status = in.result_int();
    if (auto ct = in.find(bhttp::field::content_type); ct != in.end())
      res.content_type = std::string(ct->value());
    for (const char* name : kForwardedResponseHeaders)
      if (auto h = in.find(name); h != in.end()) res.header(name, std::string(h->value()));
    res.body = std::move(in.body());
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    return res;
  } catch (const boost::system::system_error&) {
    throw errors::unavailable("Módulo indisponível no momento.").with_retry_after(1);
  }
}

}  // namespace mg::http
