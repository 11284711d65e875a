#pragma once
// The HTTP/1.1 server: the only code that includes Boost.Beast and Asio.
// I/O threads parse requests and write responses; the dispatch function runs
// on a worker pool, so a slow database never stalls a socket.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "libs/http/request.hpp"

namespace boost::asio {
class io_context;
}

namespace mg::http {

struct ServerSettings {
  std::string host = "0.0.0.0";
  unsigned short port = 5000;
  int io_threads = 1;
  int worker_threads = 16;
  std::size_t queue_capacity = 1024;
  // Password hashing (and whatever else a route marks as heavy) runs on its own
  // small lane, so a flood of logins cannot starve reads and writes.
  int heavy_threads = 2;
  std::size_t heavy_queue_capacity = 32;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 8 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  // Open connections, in all and per client address; past either, a new
  // connection is closed as soon as it is accepted. 0: derived from the
  // process's file limit (RLIMIT_NOFILE).
  std::size_t max_connections = 0;
  std::size_t max_connections_per_address = 256;
};

using Dispatch = std::function<Response(Request&)>;

// Which lane a parsed request goes to; asked on the I/O thread, so it must be cheap.
enum class Lane { general, heavy };
using Classify = std::function<Lane(const Request&)>;
// Asked first, on the I/O thread: takes the request (and answers through the
// callback, from any thread) or leaves it, untouched, for a lane.
using Inline = std::function<bool(Request&, std::function<void(Response)>)>;

class Server {
 public:
  Server(ServerSettings settings, Dispatch dispatch, Classify classify = {}, Inline take = {});
  ~Server();

  // Binds and listens; throws when the address is taken.
  void listen();
  unsigned short port() const;
  // Serves until SIGTERM/SIGINT or stop(): then stops accepting, lets the
  // requests in flight finish (bounded by the grace period) and returns.
  void run();
  void stop();
  std::size_t active_requests() const;
  std::size_t open_connections() const;
  // The event loop, for what runs on it (db::AsyncReader).
  boost::asio::io_context& context();
  std::size_t max_connections() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace mg::http
