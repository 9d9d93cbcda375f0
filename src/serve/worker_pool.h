// The threads renders run on: a fixed set, so what a thread keeps warm (fonts, shaping
// caches, heap arenas) is kept by a few threads rather than by every connection thread.
// Admission decides who may run; the pool only runs it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
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

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace cardface::serve
