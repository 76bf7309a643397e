// The `tawsiya` dispatcher (server/main.cpp) and the commands as a shell user meets them, the real
// binary: usage, --help, unknown commands, --version, messages for inputs that cannot be read.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/schema.hpp"

using tawsiya::test::read_file;

TEST_CASE("the dispatcher answers usage and help with exit codes, never a signal", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string log = dir / "log";
    struct Case {
        std::vector<std::string> args;
        int exit_code;
    };
    const std::vector<Case> cases = {
        {{}, 2},         {{"--help"}, 0},   {{"-h"}, 0}, {{"help"}, 0},
        {{"serach"}, 2}, {{"train-xl"}, 2}, {{""}, 2},
    };
    for (const auto& c : cases) {
        std::vector<std::string> argv{TAWSIYA_BINARY};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        INFO("tawsiya " << (c.args.empty() ? "" : c.args[0]));
        CHECK(tawsiya::test::run(argv, log) == c.exit_code);
        const std::string output = read_file(log);
        CHECK_THAT(output, Catch::Contains("train-xlang"));  // the full list of commands
    }
}

TEST_CASE("every command answers --help with exit 0", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string log = dir / "log";
    for (const char* command :
         {"index", "search", "serve", "dedup", "match", "tag", "train", "train-xlang"}) {
        INFO("tawsiya " << command << " --help");
        CHECK(tawsiya::test::run({TAWSIYA_BINARY, command, "--help"}, log) == 0);
        CHECK_FALSE(read_file(log).empty());
        INFO("tawsiya " << command << " --no-such-option");
        CHECK(tawsiya::test::run({TAWSIYA_BINARY, command, "--no-such-option"}, log) == 2);
        CHECK_FALSE(read_file(log).empty());
    }
}

TEST_CASE("tawsiya --version prints the version and the index schema version", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string log = dir / "log";
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "--version"}, log) == 0);
    const std::string output = read_file(log);
    CHECK_THAT(output, Catch::StartsWith("tawsiya 0.") || Catch::StartsWith("tawsiya 1."));
    CHECK_THAT(output, Catch::Contains("index schema version " +
                                       std::string(tawsiya::schema::kSchemaVersion)));
}

TEST_CASE("option help shows plain numbers", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string log = dir / "log";
    // Boost prints a double default with 17 digits: 0.34999999999999998 for 0.35.
    const std::regex long_number(R"(\(=[0-9]*\.[0-9]{6,}\))");
    for (const char* command :
         {"index", "search", "serve", "dedup", "match", "tag", "train", "train-xlang"}) {
        INFO("tawsiya " << command << " --help");
        REQUIRE(tawsiya::test::run({TAWSIYA_BINARY, command, "--help"}, log) == 0);
        const std::string help = read_file(log);
        CHECK_FALSE(std::regex_search(help, long_number));
    }
    REQUIRE(tawsiya::test::run({TAWSIYA_BINARY, "dedup", "--help"}, log) == 0);
    CHECK_THAT(read_file(log), Catch::Contains("(=0.35)"));
}

TEST_CASE("a failed index run creates no index directory", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string log = dir / "log";
    const std::string db = dir / "x";
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "index", dir / "missing.jsonl", "--db", db}, log) ==
          1);
    CHECK_THAT(read_file(log), Catch::Contains("missing.jsonl:0: cannot open"));
    CHECK_FALSE(std::filesystem::exists(db));
    // A directory for an input says so, and creates nothing either.
    std::filesystem::create_directory(dir / "somedir");
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "index", dir / "somedir", "--db", db}, log) == 1);
    CHECK_THAT(read_file(log), Catch::Contains("a directory, not a file"));
    CHECK_FALSE(std::filesystem::exists(db));
    // Under --strict too.
    CHECK(tawsiya::test::run(
              {TAWSIYA_BINARY, "index", dir / "missing.jsonl", "--db", db, "--strict"}, log) == 1);
    CHECK_FALSE(std::filesystem::exists(db));
    // An empty input that is read without error still makes an (empty) index to serve, its
    // parent directories created as needed.
    std::ofstream(dir / "empty.jsonl").close();
    const std::string nested = dir / "state/tawsiya/db";
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "index", dir / "empty.jsonl", "--db", nested}, log) ==
          0);
    CHECK(std::filesystem::is_directory(nested));
}

TEST_CASE("match and dedup say when an input is a directory or unreadable", "[cli]") {
    tawsiya::test::TempDir dir;
    const std::string db = tawsiya::test::index_sample_corpus(dir);
    if (db.empty()) {
        WARN("corpus/sample.jsonl is missing: skipped");
        return;
    }
    const std::string log = dir / "log";
    std::filesystem::create_directory(dir / "somedir");
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "match", "--db", db, "--input", dir / "somedir"},
                             log) != 0);
    CHECK_THAT(read_file(log), Catch::Contains("somedir:0: a directory, not a file"));
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "dedup", "--input", dir / "somedir"}, log) != 0);
    CHECK_THAT(read_file(log), Catch::Contains("a directory, not a file"));
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "match", "--db", db, "--input", dir / "missing.txt"},
                             log) != 0);
    CHECK_THAT(read_file(log), Catch::Contains("missing.txt:0: cannot open"));
}
