#include "libs/http/server.hpp"

#include <sys/resource.h>
#include <array>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <csignal>
#include <mutex>
#include <thread>
#include <unordered_map>
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

// The file limit, raised to its hard maximum; connections may use most of it,
// the rest is kept for the database, the web app's files and logs.
std::size_t connections_for_file_limit() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return 1000;
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  const auto files = static_cast<std::size_t>(lim.rlim_cur);
  return files > 512 ? files - files / 10 - 128 : files / 2;
}

}  // namespace

class Session;

struct Server::Impl {
  Impl(ServerSettings s, Dispatch d, Classify c, Inline i)
      : settings(std::move(s)),
        dispatch(std::move(d)),
        classify(std::move(c)),
        take(std::move(i)),
        ioc(settings.io_threads),
        acceptor(asio::make_strand(ioc)),
        signals(ioc, SIGINT, SIGTERM),
        workers(static_cast<std::size_t>(settings.worker_threads), settings.queue_capacity),
        heavy(static_cast<std::size_t>(std::max(1, settings.heavy_threads)),
              settings.heavy_queue_capacity),
        accept_retry(ioc) {
    if (settings.max_connections == 0) settings.max_connections = connections_for_file_limit();
    settings.max_connections_per_address =
        std::min(settings.max_connections_per_address,
                 std::max<std::size_t>(1, settings.max_connections / 2));
  }

  void accept();
  void admit(tcp::socket socket);
  void begin_shutdown();
  void wait_for_drain(std::chrono::steady_clock::time_point deadline);
  // False when the connection would pass a limit (then it is not counted). At
  // the total cap, an idle connection of the address holding the most is
  // closed to make room, so one flooder cannot keep everybody else out.
  bool open_connection(const std::string& address);
  void close_connection(const std::string& address);

  ServerSettings settings;
  Dispatch dispatch;
  Classify classify;
  Inline take;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  WorkerPool workers;
  WorkerPool heavy;
  std::atomic<std::size_t> active{0};
  std::atomic<std::size_t> receiving{0};  // requests still arriving when shutdown began
  std::atomic<bool> draining{false};
  std::mutex sessions_mutex;
  std::unordered_set<Session*> sessions;
  std::unordered_map<std::string, std::size_t> per_address;  // under sessions_mutex
  std::size_t connections = 0;                               // under sessions_mutex
  std::unique_ptr<asio::steady_timer> drain_timer;
  asio::steady_timer accept_retry;
};

namespace {

// How long a connection that looks idle stays open once it must close.
constexpr auto kIdleGrace = std::chrono::milliseconds(200);

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  // The connection is already counted for `remote` (Impl::open_connection).
  Session(tcp::socket socket, Server::Impl& server, std::string remote)
      : stream_(std::move(socket)), server_(server), remote_(std::move(remote)) {
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.insert(this);
  }
  ~Session() {
    done_receiving();
    {
      std::lock_guard lock(server_.sessions_mutex);
      server_.sessions.erase(this);
    }
    server_.close_connection(remote_);
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  const std::string& remote() const { return remote_; }

  // Called on shutdown (and to make room for another address): the
  // connection closes after the request it is answering or receiving, with
  // Connection: close. One that looks idle gets a moment first: its read may
  // already hold a request taken off the socket whose handler has not run.
  // Shutdown waits for it either way.
  void close_if_idle() {
    auto self = weak_from_this().lock();
    if (!self) return;  // already on its way out
    asio::post(stream_.get_executor(), [self] {
      self->closing_ = true;
      if (self->busy_) return;
      if (!self->receiving_) {
        self->receiving_ = true;
        ++self->server_.receiving;
      }
      if (self->request_begun()) return;
      auto grace = std::make_shared<asio::steady_timer>(self->stream_.get_executor(), kIdleGrace);
      grace->async_wait([self, grace](beast::error_code) {
        if (self->busy_ || self->request_begun()) return;  // answered, then closed
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      });
    });
  }

 private:
  // Some bytes of a request arrived: parsed, buffered, or waiting in the socket.
  bool request_begun() {
    if (parser_ && parser_->got_some()) return true;
    if (buffer_.size() > 0) return true;
    beast::error_code ec;
    return stream_.socket().available(ec) > 0 && !ec;
  }

  void read() {
    if ((server_.draining || closing_) && !request_begun()) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.settings.max_header_bytes));
    parser_->body_limit(server_.settings.max_body_bytes);
    stream_.expires_after(server_.settings.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void done_receiving() {
    if (!receiving_) return;
    receiving_ = false;
    --server_.receiving;
  }

  void on_read(beast::error_code ec, std::size_t) {
    done_receiving();
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
    head_ = msg.method() == bhttp::verb::head;
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
    if (server_.take && server_.take(req, [self](Response res) {
          asio::post(self->stream_.get_executor(),
                     [self, res = std::move(res)]() mutable { self->write(std::move(res)); });
        }))
      return;
    const bool heavy = server_.classify && server_.classify(req) == Lane::heavy;
    auto& lane = heavy ? server_.heavy : server_.workers;
    bool posted = lane.try_post([self, req = std::move(req)]() mutable {
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
    const auto length = res.body.size();
    if (!head_) msg->body() = std::move(res.body);
    msg->keep_alive(keep_alive_ && !server_.draining && !closing_);
    msg->prepare_payload();
    // HEAD: the headers GET would send, Content-Length included, and no body.
    if (head_ && res.status != 204 && res.status != 304) msg->content_length(length);
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
  bool head_ = false;
  bool receiving_ = false;  // counted in Impl::receiving (a request arriving at shutdown)
  bool closing_ = false;    // closes after this request
  std::size_t drained_ = 0;
};

bool Server::Impl::open_connection(const std::string& address) {
  std::lock_guard lock(sessions_mutex);
  auto& mine = per_address[address];
  if (mine >= settings.max_connections_per_address) return false;
  if (connections >= settings.max_connections) {
    // Full: room only for an address that holds less than the biggest holder.
    const auto biggest =
        std::max_element(per_address.begin(), per_address.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (biggest == per_address.end() || biggest->second <= mine + 1) {
      if (mine == 0) per_address.erase(address);
      return false;
    }
    Session* victim = nullptr;
    for (Session* candidate : sessions)
      if (candidate->remote() == biggest->first) {
        victim = candidate;
        break;
      }
    if (!victim) {
      if (mine == 0) per_address.erase(address);
      return false;
    }
    victim->close_if_idle();
  }
  ++per_address[address];
  ++connections;
  return true;
}

void Server::Impl::close_connection(const std::string& address) {
  std::lock_guard lock(sessions_mutex);
  --connections;
  if (auto it = per_address.find(address); it != per_address.end() && --it->second == 0)
    per_address.erase(it);
}

void Server::Impl::admit(tcp::socket socket) {
  beast::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  std::string remote = ec ? std::string() : ep.address().to_string();
  if (!open_connection(remote)) {
    // Refused cheaply: no read, no answer, the descriptor back at once.
    socket.close(ec);
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  std::make_shared<Session>(std::move(socket), *this, std::move(remote))->start();
}

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      // Out of descriptors (or another transient failure): back off instead
      // of spinning on an accept that keeps failing.
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](beast::error_code) {
        if (acceptor.is_open()) accept();
      });
      return;
    }
    admit(std::move(socket));
    if (acceptor.is_open()) accept();
  });
}

void Server::Impl::begin_shutdown() {
  if (draining.exchange(true)) return;
  log::info("shutdown: no longer accepting; finishing requests in flight");
  asio::post(acceptor.get_executor(), [this] {
    // Connections the kernel already accepted for us are clients that sent
    // (or are sending) a request before the signal: take them in, then close.
    beast::error_code ec;
    acceptor.non_blocking(true, ec);
    for (;;) {
      tcp::socket socket(asio::make_strand(ioc));
      acceptor.accept(socket, ec);
      if (ec) break;
      admit(std::move(socket));
    }
    acceptor.close(ec);
    accept_retry.cancel();
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
    if ((active == 0 && receiving == 0) || std::chrono::steady_clock::now() >= deadline) {
      if (active != 0 || receiving != 0)
        log::warn("shutdown: grace period over with requests still in flight");
      ioc.stop();
      return;
    }
    wait_for_drain(deadline);
  });
}

Server::Server(ServerSettings settings, Dispatch dispatch, Classify classify, Inline take)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(dispatch), std::move(classify),
                                   std::move(take))) {}

boost::asio::io_context& Server::context() {
  return impl_->ioc;
}

Server::~Server() {
  impl_->workers.stop();
  impl_->heavy.stop();
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
  impl_->heavy.stop();
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_shutdown(); });
}

std::size_t Server::active_requests() const {
  return impl_->active;
}

std::size_t Server::open_connections() const {
  std::lock_guard lock(impl_->sessions_mutex);
  return impl_->connections;
}

std::size_t Server::max_connections() const {
  return impl_->settings.max_connections;
}

}  // namespace mg::http
