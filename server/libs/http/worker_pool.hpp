#pragma once
// Threads that may block (database, password hashing) behind a bounded queue:
// when the queue is full, `try_post` says no and the caller answers 503
// instead of letting the backlog grow without bound.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mg::http {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t capacity);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool try_post(std::function<void()> job);
  // Finishes the queued jobs, then joins the threads.
  void stop();
  std::size_t queued() const;

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t capacity_;
  bool stopping_ = false;
};

}  // namespace mg::http
