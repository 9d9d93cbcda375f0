// Generated artwork that does not depend on the card (background guilloche, the Great Wall, a
// relief with a fixed motif) is computed once per template and element and reused by every
// card: composing a batch should not redo the trigonometry of 100,000 points per card.
// Thread-safe; two threads may compute the same entry once each (the results are equal).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <vector>

#include "cardface/scene.h"

namespace cardface::tmpl {

class GeometryMemo {
 public:
  using Paths = std::vector<Path>;

  // The paths `make` gives for `element` placed at `offset`, made at most once (or twice).
  std::shared_ptr<const Paths> get(const void* element, Point offset,
                                   const std::function<Paths()>& make);

 private:
  std::mutex mutex_;
  std::map<std::tuple<const void*, double, double>, std::shared_ptr<const Paths>> paths_;
};

}  // namespace cardface::tmpl
