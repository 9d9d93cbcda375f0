// The serve module's parts without HTTP: admission (workers + a bounded queue, then 503),
// template names, base64, image headers, the zip of several files, the worker pool's shared
// parts of a job.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "serve/admission.h"
#include "serve/card_archive.h"
#include "serve/problem.h"
#include "serve/request_image.h"
#include "serve/template_shelf.h"
#include "serve/worker_pool.h"

namespace cardface::serve {
namespace {

using Clock = std::chrono::steady_clock;

TEST(Admission, WorkersThenABoundedQueueThen503) {
  Admission admission(2, 1);
  const auto later = Clock::now() + std::chrono::seconds(30);
  std::optional<Admission::Ticket> a(admission.enter(later));
  std::optional<Admission::Ticket> b(admission.enter(later));
  std::atomic<bool> queued_got_in{false};
  std::thread queued([&] {
    Admission::Ticket t = admission.enter(later);
    queued_got_in = true;
  });
  while (admission.in_flight() < 3) std::this_thread::yield();
  EXPECT_FALSE(queued_got_in);
  try {
    admission.enter(later);
    ADD_FAILURE() << "a fourth request was admitted";
  } catch (const Refusal& r) {
    EXPECT_EQ(r.status(), 503);
    EXPECT_EQ(r.retry_after_s(), 1);
  }
  a.reset();  // a worker comes free: the queued request takes it
  queued.join();
  EXPECT_TRUE(queued_got_in);
  EXPECT_EQ(admission.in_flight(), 1u);
}

TEST(Admission, TheDeadlinePassesWhileQueued) {
  Admission admission(1, 4);
  const Admission::Ticket held = admission.enter(Clock::now() + std::chrono::seconds(30));
  try {
    admission.enter(Clock::now() + std::chrono::milliseconds(20));
    ADD_FAILURE() << "admitted past the deadline";
  } catch (const Refusal& r) {
    EXPECT_EQ(r.status(), 503);
  }
}

TEST(TemplateName, OnlyPlainNames) {
  EXPECT_TRUE(is_template_name("fprc-2023"));
  EXPECT_TRUE(is_template_name("icao_td1.v2"));
  for (const char* bad : {"", ".", "..", "../x", "a/b", "/etc", ".hidden", "a\\b", "a b", "é"})
    EXPECT_FALSE(is_template_name(bad)) << bad;
  EXPECT_FALSE(is_template_name(std::string(65, 'a')));
}

TEST(Base64, Rfc4648Examples) {
  // RFC 4648 section 10.
  EXPECT_EQ(decode_base64("Zm9vYmFy", "/x"), "foobar");
  EXPECT_EQ(decode_base64("Zm9vYg==", "/x"), "foob");
  EXPECT_EQ(decode_base64("Zm9vYmE=", "/x"), "fooba");
  EXPECT_EQ(decode_base64("", "/x"), "");
  EXPECT_EQ(encode_base64("fooba"), "Zm9vYmE=");
  try {
    decode_base64("Zm9", "/photo_base64");
    ADD_FAILURE();
  } catch (const Refusal& r) {
    EXPECT_EQ(r.status(), 400);
    EXPECT_EQ(r.problems().at(0).pointer, "/photo_base64");
  }
}

std::string png_header(std::uint32_t w, std::uint32_t h) {
  std::string b = "\x89PNG\r\n\x1a\n";
  b += std::string("\0\0\0\x0dIHDR", 8);
  for (std::uint32_t v : {w, h})
    for (int shift : {24, 16, 8, 0}) b += static_cast<char>((v >> shift) & 0xFF);
  return b;
}

TEST(ImageHeader, SidesReadBeforeDecoding) {
  EXPECT_NO_THROW(check_image_header(png_header(4000, 10), 4000, "photo"));
  try {
    check_image_header(png_header(4001, 10), 4000, "photo");
    ADD_FAILURE();
  } catch (const Refusal& r) {
    EXPECT_EQ(r.status(), 422);
    EXPECT_EQ(r.problems().at(0).message,
              "image too large (4001 x 10; this server takes at most 4000 x 4000)");
  }
  EXPECT_THROW(check_image_header("GIF89a", 4000, "photo"), Refusal);
  // A JPEG's size is in its SOF0 marker: FF C0, length, precision, height, width.
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x0F\xA1\x00\x10",
                         17);
  EXPECT_THROW(check_image_header(jpeg, 4000, "photo"), Refusal);  // 4001 tall
  EXPECT_NO_THROW(check_image_header(jpeg, 4001, "photo"));
}

TEST(Archive, SameFilesSameBytesStoredInOrder) {
  const std::vector<ArchiveEntry> files = {{"front.png", {1, 2, 3}}, {"back.png", {4, 5}}};
  const std::string a = zip_archive(files);
  EXPECT_EQ(a, zip_archive(files));
  EXPECT_EQ(a.substr(0, 4), std::string("PK\x03\x04", 4));
  // Stored (method 0): the name follows the 30-byte local header, the bytes follow it.
  EXPECT_EQ(a[8], 0);
  EXPECT_EQ(a.substr(30, 9), "front.png");
  EXPECT_EQ(a.substr(39, 3), std::string("\x01\x02\x03", 3));
}

TEST(WorkerPool, SharedWorkGoesToAnIdleThread) {
  WorkerPool pool(2);
  std::thread::id job, part;
  std::atomic<bool> started{false};
  auto wait_for = [](auto done) {
    const auto give_up = Clock::now() + std::chrono::seconds(10);
    while (!done() && Clock::now() < give_up) std::this_thread::yield();
  };
  pool.run([&] {
    job = std::this_thread::get_id();
    wait_for([&] { return pool.idle_threads() == 1; });  // the other thread is up and idle
    auto shared = pool.share([&] {
      part = std::this_thread::get_id();
      started = true;
    });
    wait_for([&] { return started.load(); });  // as a face takes its time before join()
    shared->join();
  });
  EXPECT_TRUE(started);
  EXPECT_NE(part, std::thread::id());
  EXPECT_NE(part, job);
}

TEST(WorkerPool, SharedWorkRunsOnTheJoiningThreadWhenNoneIsIdle) {
  WorkerPool pool(1);  // the job holds the only thread: waiting for another would never end
  int runs = 0;
  std::thread::id job, part;
  pool.run([&] {
    job = std::this_thread::get_id();
    auto shared = pool.share([&] {
      ++runs;
      part = std::this_thread::get_id();
    });
    shared->join();
  });
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(part, job);
}

TEST(WorkerPool, EveryJobSharingAtOnceStillFinishes) {
  // As many jobs as threads, each sharing parts: none may wait for a thread that is busy.
  WorkerPool pool(2);
  std::atomic<int> parts{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 4; ++c)
    callers.emplace_back([&] {
      for (int j = 0; j < 50; ++j)
        pool.run([&] {
          std::vector<std::shared_ptr<WorkerPool::Shared>> shared;
          for (int k = 0; k < 3; ++k) shared.push_back(pool.share([&] { ++parts; }));
          for (auto& s : shared) s->join();
        });
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(parts.load(), 4 * 50 * 3);  // each part exactly once
}

TEST(WorkerPool, ASharedPartsErrorReachesTheJob) {
  WorkerPool pool(2);
  EXPECT_THROW(pool.run([&] {
    auto shared = pool.share([] { throw Refusal(503, "", "the deadline passed"); });
    shared->join();
  }),
               Refusal);
}

TEST(WorkerPool, AnAbandonedPartNotYetStartedNeverRuns) {
  WorkerPool pool(1);
  bool ran = false;
  pool.run([&] {
    auto shared = pool.share([&] { ran = true; });
    shared->abandon();  // the only thread is this one: nobody started the part
  });
  EXPECT_FALSE(ran);
}

}  // namespace
}  // namespace cardface::serve
