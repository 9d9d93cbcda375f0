// The ISO 3166-1 table: data/countries.csv (tools/make-country-table.py) and its reader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <thread>

#include "card/countries.h"
#include "cardface/error.h"

namespace cardface::card {
namespace {

namespace fs = std::filesystem;

// A scratch file per test, removed with the fixture.
class CountryTableFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cardface-country-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& text) {
    const fs::path file = dir_ / "countries.csv";
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  // The message of the Error reading `text` throws; checks kind and where.
  std::string failure(const std::string& text) {
    const fs::path file = write(text);
    try {
      read_country_table(file);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::file);
      EXPECT_EQ(e.problems().at(0).where, file.string());
      return e.problems().at(0).message;
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return {};
  }

  fs::path dir_;
};

constexpr const char* kHeader = "alpha3,numeric,alpha2,name_en,name_zh\n";

TEST(Countries, TableHasEveryIso3166Entry) {
  const auto& all = all_countries();
  EXPECT_EQ(all.size(), 249u);
  std::set<std::string> alpha3, numeric, alpha2;
  for (const Country& c : all) {
    alpha3.insert(c.alpha3);
    numeric.insert(c.numeric);
    alpha2.insert(c.alpha2);
    EXPECT_FALSE(c.name_en.empty()) << c.alpha3;
    EXPECT_FALSE(c.name_zh.empty()) << c.alpha3;
  }
  EXPECT_EQ(alpha3.size(), 249u);
  EXPECT_EQ(numeric.size(), 249u);
  EXPECT_EQ(alpha2.size(), 249u);
}

TEST(Countries, ShortNamesAsOnACard) {
  const Country* pak = find_country_alpha3("PAK");
  ASSERT_NE(pak, nullptr);
  EXPECT_EQ(pak->numeric, "586");
  EXPECT_EQ(pak->alpha2, "PK");
  EXPECT_EQ(pak->name_en, "Pakistan");
  EXPECT_EQ(pak->name_zh, "巴基斯坦");
  EXPECT_EQ(find_country_alpha3("USA")->name_zh, "美国");
  EXPECT_EQ(find_country_alpha3("USA")->numeric, "840");
  EXPECT_EQ(find_country_alpha3("KOR")->name_zh, "韩国");
  EXPECT_EQ(find_country_alpha3("KOR")->name_en, "South Korea");
  EXPECT_EQ(find_country_alpha3("PRK")->name_zh, "朝鲜");
  EXPECT_EQ(find_country_alpha3("GBR")->name_zh, "英国");
  EXPECT_EQ(find_country_alpha3("DEU")->name_zh, "德国");
  EXPECT_EQ(find_country_alpha3("RUS")->name_zh, "俄罗斯");
  EXPECT_EQ(find_country_alpha3("KHM")->name_zh, "柬埔寨");  // iso-codes has a typo
  EXPECT_EQ(find_country_alpha3("BOL")->name_zh, "玻利维亚");
  EXPECT_EQ(find_country_alpha3("CIV")->name_en, "Côte d'Ivoire");
  EXPECT_EQ(find_country_alpha3("BES")->name_en, "Bonaire, Sint Eustatius and Saba");  // quoted
}

TEST(Countries, NumericCodesOfTheSampleNumbers) {
  const std::pair<const char*, const char*> pairs[] = {
      {"586", "PAK"}, {"840", "USA"}, {"276", "DEU"}, {"566", "NGA"}, {"826", "GBR"},
      {"392", "JPN"}, {"360", "IDN"}, {"124", "CAN"}, {"398", "KAZ"}, {"004", "AFG"}};
  for (const auto& [numeric, alpha3] : pairs) {
    const Country* c = find_country_numeric(numeric);
    ASSERT_NE(c, nullptr) << numeric;
    EXPECT_EQ(c->alpha3, alpha3);
  }
}

TEST(Countries, UnknownCodes) {
  EXPECT_EQ(find_country_alpha3("XXX"), nullptr);
  EXPECT_EQ(find_country_alpha3("pak"), nullptr);
  EXPECT_EQ(find_country_alpha3("PA"), nullptr);
  EXPECT_EQ(find_country_alpha3(""), nullptr);
  EXPECT_EQ(find_country_numeric("999"), nullptr);
  EXPECT_EQ(find_country_numeric("4"), nullptr);
}

TEST(Countries, ConcurrentFirstUseIsSafe) {
  std::vector<std::thread> threads;
  std::vector<const Country*> found(8);
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&found, i] { found[i] = find_country_numeric("586"); });
  for (auto& t : threads) t.join();
  for (const Country* c : found) EXPECT_EQ(c, find_country_alpha3("PAK"));
}

TEST_F(CountryTableFile, ReadsQuotesCrlfAndBom) {
  const fs::path file = write(
      "\xEF\xBB\xBF"
      "alpha3,numeric,alpha2,name_en,name_zh\r\n"
      "BES,535,BQ,\"Bonaire, Sint Eustatius and Saba\",博奈尔\r\n"
      "\r\n"
      "XYZ,001,XY,\"Say \"\"hi\"\"\",某\r\n");
  const auto table = read_country_table(file);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].name_en, "Bonaire, Sint Eustatius and Saba");
  EXPECT_EQ(table[0].name_zh, "博奈尔");
  EXPECT_EQ(table[1].name_en, "Say \"hi\"");
  EXPECT_EQ(table[1].numeric, "001");
}

TEST_F(CountryTableFile, MissingFile) {
  try {
    read_country_table(dir_ / "nope.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::file);
    EXPECT_EQ(e.problems().at(0).where, (dir_ / "nope.csv").string());
    EXPECT_EQ(e.problems().at(0).message, "cannot read the country table");
  }
}

TEST_F(CountryTableFile, CorruptTables) {
  EXPECT_EQ(failure(""), "line 1: expected the header alpha3,numeric,alpha2,name_en,name_zh");
  EXPECT_EQ(failure("code,num\nPAK,586\n"),
            "line 1: expected the header alpha3,numeric,alpha2,name_en,name_zh");
  EXPECT_EQ(failure(kHeader), "the country table has no rows");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,Pakistan\n"),
            "line 2: expected 5 fields, got 4");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,Pakistan,巴基斯坦,x\n"),
            "line 2: expected 5 fields, got 6");
  EXPECT_EQ(failure(std::string(kHeader) + "Pak,586,PK,Pakistan,巴基斯坦\n"),
            "line 2: alpha3 must be 3 capital letters");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,58,PK,Pakistan,巴基斯坦\n"),
            "line 2: numeric must be 3 digits");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PKS,Pakistan,巴基斯坦\n"),
            "line 2: alpha2 must be 2 capital letters");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,,巴基斯坦\n"), "line 2: a name is empty");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,Pakistan,巴基斯坦\nPAK,587,PL,X,Y\n"),
            "line 3: code PAK also on line 2");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,Pakistan,巴基斯坦\nPAL,586,PL,X,Y\n"),
            "line 3: code 586 also on line 2");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,\"Pakistan,巴基斯坦\n"),
            "line 2: a quoted field is not closed");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,\"Paki\"stan,巴基斯坦\n"),
            "line 2: text after a closing quote");
  EXPECT_EQ(failure(std::string(kHeader) + "PAK,586,PK,Paki\"stan,巴基斯坦\n"),
            "line 2: a quote inside an unquoted field");
}

}  // namespace
}  // namespace cardface::card
