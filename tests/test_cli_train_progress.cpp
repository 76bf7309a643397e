// `tawsiya index --train` as a shell user sees it: on a terminal (a pseudo-terminal here) each
// training step shows its running time on stderr; into a file or a pipe only the summary line.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

using tawsiya::test::read_file;

namespace {

// Runs `argv` with stdout and stderr on a new pseudo-terminal; returns what it wrote and sets
// `exit_code`.
std::string run_on_terminal(const std::vector<std::string>& argv, int& exit_code) {
    std::vector<char*> raw;
    for (const auto& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
    raw.push_back(nullptr);
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) throw std::runtime_error("forkpty failed");
    if (pid == 0) {
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    std::string output;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n > 0) {
            output.append(buffer, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO once the child has closed its side
        }
    }
    ::close(master);
    exit_code = tawsiya::test::wait_for(pid);
    return output;
}

}  // namespace

TEST_CASE("index --train shows progress on a terminal and a summary line", "[cli][train]") {
    const std::string sample = tawsiya::test::source_path("corpus/sample.jsonl");
    if (!std::filesystem::exists(sample)) {
        WARN("corpus/sample.jsonl is missing: skipped");
        return;
    }
    tawsiya::test::TempDir dir;

    int exit_code = -1;
    const std::string shown = run_on_terminal(
        {TAWSIYA_BINARY, "index", sample, "--db", dir / "db1", "--train"}, exit_code);
    CHECK(exit_code == 0);
    CHECK_THAT(shown, Catch::Contains("\rtraining the taggers of every scheme: 0 s"));
    CHECK_THAT(shown, Catch::Contains("\rtraining the term translations: "));
    CHECK_THAT(shown, Catch::Contains("trained the taggers of "));

    const std::string log = dir / "log";
    CHECK(tawsiya::test::run({TAWSIYA_BINARY, "index", sample, "--db", dir / "db2", "--train"},
                             log) == 0);
    const std::string quiet = read_file(log);
    CHECK_THAT(quiet, !Catch::Contains("training the taggers"));  // not a terminal
    CHECK_THAT(quiet,
               Catch::Matches("indexed [0-9]+ records (.|\n)*trained the taggers of [0-9]+ "
                              "schemes and the translations of [0-9]+ stems in [0-9.]+ s\n"));

    CHECK(tawsiya::test::run(
              {TAWSIYA_BINARY, "index", sample, "--db", dir / "db3", "--train", "--quiet"}, log) ==
          0);
    CHECK(read_file(log).empty());
}
