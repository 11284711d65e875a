#include "libs/http/server.hpp"

#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "libs/http/response.hpp"
#include "libs/http/target.hpp"
#include "libs/http/worker_pool.hpp"
#include "libs/observability/log.hpp"
#include "libs/observability/trace.hpp"

namespace mg::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

}  // namespace

class Session;

struct Server::Impl {
  Impl(ServerSettings s, Dispatch d)
      : settings(std::move(s)),
        dispatch(std::move(d)),
        ioc(settings.io_threads),
        acceptor(asio::make_strand(ioc)),
        signals(ioc, SIGINT, SIGTERM),
        workers(static_cast<std::size_t>(settings.worker_threads), settings.queue_capacity) {}

  void accept();
  void begin_shutdown();
  void wait_for_drain(std::chrono::steady_clock::time_point deadline);

  ServerSettings settings;
  Dispatch dispatch;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  WorkerPool workers;
  std::atomic<std::size_t> active{0};
  std::atomic<bool> draining{false};
  std::mutex sessions_mutex;
  std::unordered_set<Session*> sessions;
  std::unique_ptr<asio::steady_timer> drain_timer;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.insert(this);
  }
  ~Session() {
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.erase(this);
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  // Called on shutdown: an idle connection is closed now; a busy one closes
  // after its response.
  void close_if_idle() {
    auto self = weak_from_this().lock();
    if (!self) return;  // already on its way out
    asio::post(stream_.get_executor(), [self] {
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void read() {
    if (server_.draining) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.settings.max_header_bytes));
    parser_->body_limit(server_.settings.max_body_bytes);
    stream_.expires_after(server_.settings.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::body_limit) {
      keep_alive_ = false;
      return answer_now(error_response(errors::payload_too_large()));
    }
    if (ec == bhttp::error::header_limit) {
      keep_alive_ = false;
      return answer_now(
          error_response(ApiError(431, "bad_request", "Cabeçalhos da requisição muito grandes.")));
    }
    if (ec) return close();

    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    Request req;
    req.method = std::string(msg.method_string());
    auto target = parse_target(msg.target());
    if (!target) {
      keep_alive_ = false;
      return answer_now(error_response(errors::bad_request("Endereço da requisição inválido.")));
    }
    req.path = std::move(target->path);
    req.query = std::move(target->query);
    req.query_params = std::move(target->params);
    req.headers.reserve(8);
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.remote_address = remote_;

    busy_ = true;
    ++server_.active;
    auto self = shared_from_this();
    bool posted = server_.workers.try_post([self, req = std::move(req)]() mutable {
      Response res = self->server_.dispatch(req);
      asio::post(self->stream_.get_executor(),
                 [self, res = std::move(res)]() mutable { self->write(std::move(res)); });
    });
    if (!posted) {
      Response busy = error_response(errors::unavailable("Servidor ocupado. Tente novamente."));
      busy.header("Retry-After", "1");
      write(std::move(busy));
    }
  }

  // A response for a request that never reached the workers (too large):
  // it still carries a trace id, and the rest of the body is drained after
  // it so the client, still sending, reads the answer instead of a reset.
  void answer_now(Response res) {
    busy_ = true;
    ++server_.active;
    std::string trace;
    if (parser_) {
      auto it = parser_->get().find("X-Trace-Id");
      if (it != parser_->get().end() && it->value().size() <= 64) trace = std::string(it->value());
    }
    res.header("X-Trace-Id", trace.empty() ? trace::new_id() : trace);
    drain_after_write_ = true;
    write(std::move(res));
  }

  void drain() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.expires_after(std::chrono::seconds(5));
    auto scratch = std::make_shared<std::array<char, 16384>>();
    stream_.async_read_some(asio::buffer(*scratch), [self = shared_from_this(), scratch](
                                                        beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > (64u << 20)) return self->stream_.close();
      self->drain();
    });
  }

  void write(Response res) {
    auto msg = std::make_shared<bhttp::response<bhttp::string_body>>();
    msg->version(11);
    msg->result(static_cast<bhttp::status>(res.status));
    msg->set(bhttp::field::content_type, res.content_type);
    for (auto& [k, v] : res.headers) msg->insert(k, v);
    msg->body() = std::move(res.body);
    msg->keep_alive(keep_alive_ && !server_.draining);
    msg->prepare_payload();
    stream_.expires_after(server_.settings.read_timeout);
    bhttp::async_write(stream_, *msg,
                       [self = shared_from_this(), msg](beast::error_code ec, std::size_t) {
                         self->busy_ = false;
                         --self->server_.active;
                         if (!ec && self->drain_after_write_) return self->drain();
                         if (ec || !msg->keep_alive()) return self->close();
                         self->read();
                       });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string remote_;
  bool keep_alive_ = true;
  bool busy_ = false;
  bool drain_after_write_ = false;
  std::size_t drained_ = 0;
};

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(socket), *this)->start();
    }
    if (acceptor.is_open()) accept();
  });
}

void Server::Impl::begin_shutdown() {
  if (draining.exchange(true)) return;
  log::info("shutdown: no longer accepting; finishing requests in flight");
  asio::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
  });
  {
    std::lock_guard lock(sessions_mutex);
    for (Session* s : sessions) s->close_if_idle();
  }
  wait_for_drain(std::chrono::steady_clock::now() + settings.shutdown_grace);
}

void Server::Impl::wait_for_drain(std::chrono::steady_clock::time_point deadline) {
  if (!drain_timer) drain_timer = std::make_unique<asio::steady_timer>(ioc);
  drain_timer->expires_after(std::chrono::milliseconds(20));
  drain_timer->async_wait([this, deadline](beast::error_code) {
    if (active == 0 || std::chrono::steady_clock::now() >= deadline) {
      if (active != 0) log::warn("shutdown: grace period over with requests still in flight");
      ioc.stop();
      return;
    }
    wait_for_drain(deadline);
  });
}

Server::Server(ServerSettings settings, Dispatch dispatch)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(dispatch))) {}

Server::~Server() {
  impl_->workers.stop();
}

void Server::listen() {
  auto& a = impl_->acceptor;
  auto address = asio::ip::make_address(impl_->settings.host);
  tcp::endpoint ep(address, impl_->settings.port);
  a.open(ep.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(asio::socket_base::max_listen_connections);
}

unsigned short Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_shutdown();
  });
  impl_->accept();
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->settings.io_threads; ++i)
    extra.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : extra) t.join();
  impl_->workers.stop();
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

std::size_t Server::active_requests() const {
  return impl_->active;
}

}  // namespace mg::http
