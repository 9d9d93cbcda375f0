// --shard K/N and --shard auto: the assignment's arithmetic and each scheduler's variables.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cardface/batch.h"
#include "test_support.h"

namespace cardface {
namespace {

using test::first_problem;

// A fake environment for shard_from_environment.
struct Env {
  std::map<std::string, std::string> vars;
  // (Not vars[name] = value: GCC 12 warns falsely, -Wrestrict, on that assignment.)
  void set(const std::string& name, const std::string& value) {
    vars.erase(name);
    vars.emplace(name, value);
  }
  std::function<const char*(const char*)> get() const {
    return [this](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

TEST(BatchShard, ParsesKOfN) {
  const BatchShard s = parse_shard("3/4");
  EXPECT_EQ(s.index, 3);
  EXPECT_EQ(s.count, 4);
  EXPECT_EQ(s.tag(), "3-of-4");
  EXPECT_EQ(parse_shard("1/1").count, 1);
}

TEST(BatchShard, RefusesWhatIsNotKOfN) {
  EXPECT_EQ(first_problem([] { parse_shard("0/4"); }), "--shard: shard 0 is not from 1 to 4");
  EXPECT_EQ(first_problem([] { parse_shard("5/4"); }), "--shard: shard 5 is not from 1 to 4");
  EXPECT_EQ(first_problem([] { parse_shard("1/0"); }),
            "--shard: the number of shards must be at least 1");
  for (const char* bad : {"", "3", "3/", "/4", "a/4", "3/4x", "-1/4", "3 /4", "1/2/3"})
    EXPECT_EQ(first_problem([&] { parse_shard(bad); }),
              "--shard: expected K/N (shard K of N, from 1/N to N/N) or auto")
        << bad;
}

TEST(BatchShard, KubernetesIndexedJobCountsFromZero) {
  Env env{{{"JOB_COMPLETION_INDEX", "0"}, {"CARDFACE_SHARD_COUNT", "4"}}};
  EXPECT_EQ(shard_from_environment(std::nullopt, env.get()).tag(), "1-of-4");
  env.set("JOB_COMPLETION_INDEX", "3");
  EXPECT_EQ(shard_from_environment(std::nullopt, env.get()).tag(), "4-of-4");
  EXPECT_EQ(shard_from_environment(8, env.get()).tag(), "4-of-8");  // --shard-count wins
  env.set("JOB_COMPLETION_INDEX", "4");
  EXPECT_EQ(first_problem([&] { shard_from_environment(std::nullopt, env.get()); }),
            "--shard: shard 5 is not from 1 to 4");
}

TEST(BatchShard, SlurmArrayTaskIdIsTheShard) {
  Env env{{{"SLURM_ARRAY_TASK_ID", "1"},
           {"SLURM_ARRAY_TASK_MIN", "1"},
           {"SLURM_ARRAY_TASK_COUNT", "4"}}};
  EXPECT_EQ(shard_from_environment(std::nullopt, env.get()).tag(), "1-of-4");  // --array=1-4
  // Task 3 run again alone (--array=3): the array has 1 task, so the count must be given.
  env.vars = {
      {"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_MIN", "3"}, {"SLURM_ARRAY_TASK_COUNT", "1"}};
  EXPECT_EQ(first_problem([&] { shard_from_environment(std::nullopt, env.get()); }),
            "--shard: shard 3 is not from 1 to 1");
  EXPECT_EQ(shard_from_environment(4, env.get()).tag(), "3-of-4");
  env.set("SLURM_ARRAY_TASK_ID", "0");
  EXPECT_EQ(first_problem([&] { shard_from_environment(4, env.get()); }),
            "--shard: auto: SLURM_ARRAY_TASK_ID is 0: number the array from 1 (--array=1-N)");
  env.set("SLURM_ARRAY_TASK_ID", "2");
  env.set("SLURM_ARRAY_TASK_STEP", "2");
  EXPECT_EQ(first_problem([&] { shard_from_environment(4, env.get()); }),
            "--shard: auto: SLURM_ARRAY_TASK_STEP must be 1 (an array of consecutive tasks)");
}

TEST(BatchShard, GnuParallelSequenceCountsFromOne) {
  Env env{{{"PARALLEL_SEQ", "2"}, {"PARALLEL_JOBSLOT", "1"}}};
  EXPECT_EQ(shard_from_environment(4, env.get()).tag(), "2-of-4");
  EXPECT_EQ(first_problem([&] { shard_from_environment(std::nullopt, env.get()); }),
            "--shard: auto: the number of shards is not known: give --shard-count N or set "
            "CARDFACE_SHARD_COUNT");
}

TEST(BatchShard, AutoWithoutASchedulerSaysWhatItLooksFor) {
  Env env;
  EXPECT_EQ(first_problem([&] { shard_from_environment(4, env.get()); }),
            "--shard: auto: none of JOB_COMPLETION_INDEX (Kubernetes), SLURM_ARRAY_TASK_ID "
            "(Slurm) or PARALLEL_SEQ (GNU parallel) is set");
  env.set("JOB_COMPLETION_INDEX", "two");
  EXPECT_EQ(first_problem([&] { shard_from_environment(4, env.get()); }),
            "--shard: JOB_COMPLETION_INDEX is not a whole number from 0 to 1000000");
}

}  // namespace
}  // namespace cardface
