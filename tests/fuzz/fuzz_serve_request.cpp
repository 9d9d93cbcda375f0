// An HTTP request body of cardface serve: POST /v1/mrz's JSON (a record, records or three MRZ
// lines) through the route's own reader, field checks and record parsing. A route refuses with
// serve::Refusal (its 4xx reply); anything else escaping is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_target.h"
#include "serve/problem.h"
#include "serve/service_state.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cardface;
  static serve::ServiceState state{serve::ServeOptions{}};
  const std::string body(reinterpret_cast<const char*>(data), size);
  fuzz::only_cardface_errors([&] {
    try {
      serve::mrz_route(state, body);
    } catch (const serve::Refusal&) {
      // the expected 4xx
    }
  });
  return 0;
}
