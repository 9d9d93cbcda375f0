#include "serve/worker_pool.h"

#include <future>

namespace cardface::serve {

WorkerPool::WorkerPool(int threads) {
  for (int i = 0; i < threads; ++i)
    threads_.emplace_back([this] {
      while (true) {
        std::function<void()> job;
        {
          std::unique_lock lock(mutex_);
          ++idle_;
          ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
          --idle_;
          if (jobs_.empty()) return;
          job = std::move(jobs_.front());
          jobs_.pop_front();
        }
        job();
      }
    });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) t.join();
}

void WorkerPool::run(const std::function<void()>& work) {
  std::packaged_task<void()> task(work);
  std::future<void> done = task.get_future();
  {
    std::lock_guard lock(mutex_);
    jobs_.emplace_back([&task] { task(); });
  }
  ready_.notify_one();
  done.get();
}

void WorkerPool::Shared::run() {
  try {
    work_();
  } catch (...) {
    error_ = std::current_exception();
  }
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  finished_.notify_all();
}

void WorkerPool::Shared::run_if_unclaimed() {
  if (!claimed_.exchange(true)) run();
}

void WorkerPool::Shared::join() {
  if (!claimed_.exchange(true)) {
    run();
  } else {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return done_; });
  }
  if (error_) std::rethrow_exception(error_);
}

void WorkerPool::Shared::abandon() {
  if (!claimed_.exchange(true)) return;  // nobody started it: nothing to wait for
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [this] { return done_; });
}

int WorkerPool::idle_threads() {
  std::lock_guard lock(mutex_);
  return idle_;
}

std::shared_ptr<WorkerPool::Shared> WorkerPool::share(std::function<void()> work) {
  auto shared = std::make_shared<Shared>(std::move(work));
  {
    std::lock_guard lock(mutex_);
    if (idle_ <= int(jobs_.size())) return shared;  // every idle thread has a job waiting
    jobs_.emplace_front([shared] { shared->run_if_unclaimed(); });
  }
  ready_.notify_one();
  return shared;
}

}  // namespace cardface::serve
