// Batch pieces: reading JSON Lines and CSV records, output names, the journal, the digest.
#include "cardface/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "batch/batch_reader.h"
#include "batch/input_digest.h"
#include "batch/journal.h"
#include "batch/output_name.h"
#include "cardface/card.h"
#include "cardface/error.h"

namespace cardface::batch {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(CARDFACE_SOURCE_DIR) / "samples";

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("cardface-batch-test-" + std::to_string(::getpid()) + "-" + std::to_string(n_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return path_ / name;
  }

 private:
  static inline int n_ = 0;
  fs::path path_;
};

std::vector<BatchRecord> read_all(const fs::path& file) {
  BatchReader reader(file);
  std::vector<BatchRecord> out;
  while (auto r = reader.next()) out.push_back(*r);
  return out;
}

TEST(BatchFile, IsKnownByItsExtension) {
  EXPECT_TRUE(is_batch_file("a/cards.jsonl"));
  EXPECT_TRUE(is_batch_file("CARDS.CSV"));
  EXPECT_TRUE(is_batch_file("x.ndjson"));
  EXPECT_FALSE(is_batch_file("card.json"));
  EXPECT_FALSE(is_batch_file("cards"));
}

TEST(BatchReader, JsonLinesSkipBlankLinesAndKeepLineNumbers) {
  TempDir dir;
  const auto file = dir.write("b.jsonl", "{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}");
  const auto records = read_all(file);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[0].json, "{\"a\":1}");
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[2].raw, "{\"c\":3}");
  EXPECT_EQ(BatchReader::count(file), 3u);
}

TEST(BatchReader, CsvRowsBecomeRecordsByTheHeader) {
  TempDir dir;
  const auto file = dir.write("b.csv",
                              "\xEF\xBB\xBFtype,surname,given_names,name_zh,renewal_count,note\r\n"
                              "fprc-2023,\"O'NEIL, X\",\"A \"\"B\"\"\",,3,\"two\nlines\"\r\n"
                              "fprc-2023,SOLO,,王,x,\n"
                              "\n"
                              "fprc-2023,SHORT\n");
  const auto records = read_all(file);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 2);
  // A quoted cell keeps commas, doubled quotes and line breaks; a blank optional cell is left
  // out; an integer field takes a number.
  EXPECT_EQ(nlohmann::json::parse(records[0].json),
            nlohmann::json::parse(R"({"type":"fprc-2023","surname":"O'NEIL, X",
              "given_names":"A \"B\"","renewal_count":3,"note":"two\nlines"})"));
  EXPECT_EQ(records[0].raw,
            "type,surname,given_names,name_zh,renewal_count,note\n"
            "fprc-2023,\"O'NEIL, X\",\"A \"\"B\"\"\",,3,\"two\nlines\"");
  // A blank given_names is "" (a single-named holder); a non-number stays text for the card
  // reader to refuse by name.
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(nlohmann::json::parse(records[1].json),
            nlohmann::json::parse(R"({"type":"fprc-2023","surname":"SOLO","given_names":"",
              "name_zh":"王","renewal_count":"x"})"));
  EXPECT_EQ(records[2].line, 6);
  EXPECT_EQ(records[2].fault, "has 2 cells; the header row has 6");
}

TEST(BatchReader, CsvQuoteInsideACellIsText) {
  TempDir dir;
  const auto records = read_all(dir.write("q.csv", "type,surname\nx,O\"NEIL\nx,\"A\"B\n"));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(records[0].json)["surname"], "O\"NEIL");
  EXPECT_EQ(nlohmann::json::parse(records[1].json)["surname"], "AB");
}

TEST(BatchReader, CsvHeaderFaultsSinkTheFile) {
  TempDir dir;
  EXPECT_THROW(BatchReader(dir.write("a.csv", "")), Error);
  EXPECT_THROW(BatchReader(dir.write("b.csv", "type,surname,type\n")), Error);
  EXPECT_THROW(BatchReader(dir.write("c.csv", "type,,sex\n")), Error);
  EXPECT_THROW(BatchReader(dir.path() / "missing.jsonl"), Error);
}

TEST(OutputName, ExpandsLineAndFields) {
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  EXPECT_EQ(output_name("{line}", 17, card), "17");
  EXPECT_EQ(output_name("{id_number}-{line}", 3, card), "931586198001010028-3");
  EXPECT_EQ(output_name("{surname}_{date_of_birth:%Y%m%d}", 1, card), "ZHENGJIAN_19800101");
  EXPECT_EQ(output_name("{{line}}", 5, card), "{line}");
}

std::string name_problem(const std::string& pattern, const Card& card) {
  try {
    output_name(pattern, 1, card);
  } catch (const Error& e) {
    return e.problems().at(0).where + ": " + e.problems().at(0).message;
  }
  return "";
}

TEST(OutputName, RefusesUnsafeNamesWithoutQuotingThem) {
  const Card card = load_card(kSamples / "zhengjian-yangben.json");
  const Card no_zh = load_card(kSamples / "okonkwo.json");
  EXPECT_EQ(name_problem("{surname}/x", card),
            "--name: the file name it gives contains a path separator");
  EXPECT_EQ(name_problem(".{line}", card), "--name: the file name it gives starts with a dot");
  EXPECT_EQ(name_problem("{name.zh}", no_zh), "--name: the file name it gives is empty");
  EXPECT_EQ(name_problem("a\\b", card), "--name: the file name it gives contains a path separator");
  EXPECT_EQ(name_problem("{surname}?", card),
            "--name: the file name it gives contains the character ?");
  EXPECT_EQ(name_problem(std::string(201, 'a'), card),
            "--name: the file name it gives is longer than 200 bytes");
  EXPECT_NE(name_problem("{nope}", card).find("nope"), std::string::npos);
}

TEST(Journal, RemembersFinishedRecordsAcrossRuns) {
  TempDir dir;
  const std::string d1(64, 'a'), d2(64, 'b');
  {
    Journal journal(dir.path(), false);
    journal.append(3, {d1, {100, 200}});
    journal.append(5, {d2, {7}});
  }
  {
    // A kill in the middle of a write leaves a torn last line: it is ignored.
    std::ofstream(dir.path() / Journal::file_name, std::ios::app) << "9 " << d1 << " 12";
    Journal journal(dir.path(), true);
    ASSERT_NE(journal.finished(3), nullptr);
    EXPECT_EQ(journal.finished(3)->digest, d1);
    EXPECT_EQ(journal.finished(3)->sizes, (std::vector<std::uintmax_t>{100, 200}));
    EXPECT_EQ(journal.finished(5)->sizes, (std::vector<std::uintmax_t>{7}));
    EXPECT_EQ(journal.finished(9), nullptr);
    EXPECT_EQ(journal.finished(4), nullptr);
    journal.append(3, {d2, {1, 2}});  // rendered again: the later line wins
  }
  {
    Journal journal(dir.path(), true);
    EXPECT_EQ(journal.finished(3)->digest, d2);
  }
  Journal fresh(dir.path(), false);  // not resuming: starts empty
  EXPECT_EQ(fresh.finished(5), nullptr);
}

TEST(Journal, OneRunAtATimePerFolder) {
  TempDir dir;
  Journal first(dir.path(), false);
  try {
    Journal second(dir.path(), true);
    FAIL() << "a second run got the journal";
  } catch (const Error& e) {
    EXPECT_EQ(e.problems().at(0).message, "another cardface run is writing to this folder");
  }
}

TEST(InputDigest, IsSha256OverLengthPrefixedPieces) {
  InputDigest a, b, c;
  a.add("abc");
  b.add("ab");
  b.add("c");
  c.add("abc");
  const std::string ha = a.hex();
  EXPECT_EQ(ha.size(), 64u);
  EXPECT_NE(ha, b.hex());
  EXPECT_EQ(ha, c.hex());
  // SHA-256 of the 8-byte little-endian length 3 followed by "abc".
  InputDigest empty;
  empty.add("");
  EXPECT_EQ(empty.hex(), "af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc");
}

}  // namespace
}  // namespace cardface::batch
