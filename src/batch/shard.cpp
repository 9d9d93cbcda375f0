// Which records a shard renders, and which shard a scheduler started this process as.
#include <charconv>
#include <cstdlib>

#include "cardface/batch.h"

namespace cardface {
namespace {

// A whole number from 0 to 1,000,000, all of `text`; nullopt otherwise.
std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0 ||
      value > 1'000'000)
    return std::nullopt;
  return value;
}

Error shard_error(const std::string& message) {
  return Error(ErrorKind::data, "--shard", message);
}

BatchShard checked(int index, int count) {
  if (count < 1) throw shard_error("the number of shards must be at least 1");
  if (index < 1 || index > count)
    throw shard_error("shard " + std::to_string(index) + " is not from 1 to " +
                      std::to_string(count));
  return {index, count};
}

}  // namespace

std::string BatchShard::tag() const {
  return std::to_string(index) + "-of-" + std::to_string(count);
}

BatchShard parse_shard(std::string_view spec) {
  const std::size_t slash = spec.find('/');
  const auto k = whole_number(spec.substr(0, slash));
  const auto n =
      slash == std::string_view::npos ? std::nullopt : whole_number(spec.substr(slash + 1));
  if (!k || !n) throw shard_error("expected K/N (shard K of N, from 1/N to N/N) or auto");
  return checked(*k, *n);
}

BatchShard shard_from_environment(std::optional<int> count,
                                  const std::function<const char*(const char*)>& getenv) {
  auto variable = [&](const char* name) -> std::optional<int> {
    const char* value = getenv ? getenv(name) : std::getenv(name);
    if (!value) return std::nullopt;
    const auto number = whole_number(value);
    if (!number) throw shard_error(std::string(name) + " is not a whole number from 0 to 1000000");
    return number;
  };
  auto total = [&]() -> int {
    if (count) return *count;
    if (auto n = variable("CARDFACE_SHARD_COUNT")) return *n;
    if (auto n = variable("SLURM_ARRAY_TASK_COUNT")) return *n;
    throw shard_error(
        "auto: the number of shards is not known: give --shard-count N or set "
        "CARDFACE_SHARD_COUNT");
  };
  if (auto index = variable("JOB_COMPLETION_INDEX")) return checked(*index + 1, total());
  if (auto id = variable("SLURM_ARRAY_TASK_ID")) {
    // The task ID itself, so that re-running one task (--array=3) is still shard 3: the array
    // counts from 1 (--array=1-N).
    if (*id == 0)
      throw shard_error("auto: SLURM_ARRAY_TASK_ID is 0: number the array from 1 (--array=1-N)");
    if (auto step = variable("SLURM_ARRAY_TASK_STEP"); step && *step != 1)
      throw shard_error("auto: SLURM_ARRAY_TASK_STEP must be 1 (an array of consecutive tasks)");
    return checked(*id, total());
  }
  if (auto seq = variable("PARALLEL_SEQ")) return checked(*seq, total());
  throw shard_error(
      "auto: none of JOB_COMPLETION_INDEX (Kubernetes), SLURM_ARRAY_TASK_ID (Slurm) or "
      "PARALLEL_SEQ (GNU parallel) is set");
}

}  // namespace cardface
