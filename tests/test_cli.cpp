// The `tawsiya` dispatcher (server/main.cpp), the real binary: usage, --help, unknown commands.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

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
