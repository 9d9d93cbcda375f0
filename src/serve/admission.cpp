#include "serve/admission.h"

#include <algorithm>
#include <string>

#include "serve/problem.h"

namespace cardface::serve {

Admission::Admission(int workers, int queue)
    : workers_(std::max(1, workers)), queue_(std::max(0, queue)) {}

Admission::Ticket::~Ticket() {
  if (!a_) return;
  {
    std::lock_guard lock(a_->mutex_);
    --a_->working_;
  }
  a_->freed_.notify_one();
}

Admission::Ticket Admission::enter(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (working_ < static_cast<std::size_t>(workers_) && waiting_ == 0) {
    ++working_;
    return Ticket(*this);
  }
  if (waiting_ >= static_cast<std::size_t>(queue_))
    throw Refusal(503,
                  {{"", "server",
                    "busy: " + std::to_string(workers_) + " workers and " + std::to_string(queue_) +
                        " waiting requests; try again"}},
                  1);
  ++waiting_;
  const bool got = freed_.wait_until(lock, deadline,
                                     [&] { return working_ < static_cast<std::size_t>(workers_); });
  --waiting_;
  if (!got)
    throw Refusal(503, {{"", "server", "busy: no worker came free within the request's time"}}, 1);
  ++working_;
  return Ticket(*this);
}

std::size_t Admission::in_flight() const {
  std::lock_guard lock(mutex_);
  return waiting_ + working_;
}

std::size_t Admission::working() const {
  std::lock_guard lock(mutex_);
  return working_;
}

}  // namespace cardface::serve
