#include "tmpl/geometry_memo.h"

namespace cardface::tmpl {

std::shared_ptr<const GeometryMemo::Paths> GeometryMemo::get(const void* element, Point offset,
                                                             const std::function<Paths()>& make) {
  const auto key = std::make_tuple(element, offset.x, offset.y);
  {
    std::lock_guard lock(mutex_);
    if (auto it = paths_.find(key); it != paths_.end()) return it->second;
  }
  auto made = std::make_shared<const Paths>(make());  // outside the lock: it may take a while
  std::lock_guard lock(mutex_);
  return paths_.emplace(key, std::move(made)).first->second;
}

}  // namespace cardface::tmpl
