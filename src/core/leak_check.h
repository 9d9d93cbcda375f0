// A pause in LeakSanitizer's bookkeeping around one call into a dependency whose own leak a
// suppression cannot name narrowly (tools/lsan/README.md). Allocations this thread makes while
// a LeakCheckPause lives are not reported; everything else is. Nothing in a build without
// AddressSanitizer.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define CARDFACE_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CARDFACE_LEAK_CHECKED 1
#endif
#endif

#ifdef CARDFACE_LEAK_CHECKED
#include <sanitizer/lsan_interface.h>
#endif

namespace cardface::core {

class LeakCheckPause {
 public:
#ifdef CARDFACE_LEAK_CHECKED
  LeakCheckPause() {
    __lsan_disable();
  }
  ~LeakCheckPause() {
    __lsan_enable();
  }
#else
  LeakCheckPause() {}  // user-provided: a pause that does nothing is still not "unused"
  ~LeakCheckPause() {}
#endif
  LeakCheckPause(const LeakCheckPause&) = delete;
  LeakCheckPause& operator=(const LeakCheckPause&) = delete;
};

}  // namespace cardface::core
