// The serve module's parts without HTTP: admission (workers + a bounded queue, then 503),
// template names, base64, image headers, the zip of several files.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "serve/admission.h"
#include "serve/card_archive.h"
#include "serve/problem.h"
#include "serve/request_image.h"
#include "serve/template_shelf.h"

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

}  // namespace
}  // namespace cardface::serve
