// How many requests may work at once (the workers) and wait (a bounded queue). A request
// beyond both is refused at once with 503 and Retry-After, never queued without bound.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace cardface::serve {

class Admission {
 public:
  Admission(int workers, int queue);

  // Holds a worker while it lives.
  class Ticket {
   public:
    explicit Ticket(Admission& a) : a_(&a) {}
    Ticket(Ticket&& other) noexcept : a_(other.a_) { other.a_ = nullptr; }
    Ticket(const Ticket&) = delete;
    ~Ticket();

   private:
    Admission* a_;
  };

  // Waits for a worker until `deadline`. Throws Refusal 503 when the queue is full or the
  // deadline passes first.
  Ticket enter(std::chrono::steady_clock::time_point deadline);

  int workers() const { return workers_; }
  int queue() const { return queue_; }
  std::size_t in_flight() const;  // working and waiting
  std::size_t working() const;

 private:
  int workers_;
  int queue_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t waiting_ = 0;
  std::size_t working_ = 0;
};

}  // namespace cardface::serve
