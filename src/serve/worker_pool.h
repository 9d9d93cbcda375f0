// The threads renders run on: a fixed set, so what a thread keeps warm (fonts, shaping
// caches, heap arenas) is kept by a few threads rather than by every connection thread.
// Admission decides who may run; the pool only runs it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cardface::serve {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `work` on a pool thread and waits for it; its exception is rethrown here.
  void run(const std::function<void()>& work);

  // A part of a job (a card's other face) offered to an idle pool thread while the job goes
  // on with its own part. Whatever no pool thread has started by join() runs on the joining
  // thread, so a job never waits for a busy pool (no deadlock, whatever the pool's size) and
  // the work is done exactly once.
  class Shared {
   public:
    explicit Shared(std::function<void()> work) : work_(std::move(work)) {}
    // Runs the work here unless a pool thread took it, then waits for it; rethrows its error.
    void join();
    // For unwinding: waits for a pool thread that took the work; never starts it.
    void abandon();
    void run_if_unclaimed();  // what the pool thread does

   private:
    void run();
    std::function<void()> work_;
    std::atomic<bool> claimed_{false};
    std::mutex mutex_;
    std::condition_variable finished_;
    bool done_ = false;
    std::exception_ptr error_;
  };
  // Offers `work` to an idle thread, ahead of queued jobs; with none idle, it stays with the
  // caller (join runs it).
  std::shared_ptr<Shared> share(std::function<void()> work);

  int idle_threads();  // waiting for a job now

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  int idle_ = 0;  // threads waiting for a job
  std::vector<std::thread> threads_;
};

}  // namespace cardface::serve
