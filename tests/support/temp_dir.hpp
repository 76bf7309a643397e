// Test support: a temporary directory removed at the end of the test, and child processes of the
// real `tawsiya` binary.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace tawsiya::test {

class TempDir {
  public:
    TempDir() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("tawsiya-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

// Starts `program args...` with stdout and stderr sent to `log_path`; returns its pid. `extra_env`
// ("NAME=value" each) is added to this process's environment, for the child only.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& log_path,
                   const std::vector<std::string>& extra_env = {}) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> raw;
    for (const auto& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
    raw.push_back(nullptr);
    std::vector<char*> env;  // the extras first: getenv() takes the first of a name
    for (const auto& entry : extra_env) env.push_back(const_cast<char*>(entry.c_str()));
    for (char** entry = environ; *entry != nullptr; ++entry) env.push_back(*entry);
    env.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
    return pid;
}

// Waits for a child; returns its exit code, or 128 + signal when killed.
inline int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// Runs a child to completion, output in `log_path`; returns its exit code.
inline int run(const std::vector<std::string>& argv, const std::string& log_path,
               const std::vector<std::string>& extra_env = {}) {
    return wait_for(spawn(argv, log_path, extra_env));
}

inline std::string source_path(const std::string& relative) {
    return std::string(TAWSIYA_SOURCE_DIR) + "/" + relative;
}

// The shared corpus folder, or "" when it is absent (tests using it then skip).
inline std::string shared_corpus() {
    const char* env = std::getenv("TAWSIYA_SHARED_CORPUS");
    std::string path = env ? env : source_path("../shared/corpus");
    return std::filesystem::is_directory(path) ? path : std::string();
}

// Indexes corpus/sample.jsonl into `dir`/db with the real binary and returns the index's path;
// "" when the sample is absent (the caller skips).
inline std::string index_sample_corpus(const TempDir& dir) {
    const std::string sample = source_path("corpus/sample.jsonl");
    if (!std::filesystem::exists(sample)) return {};
    const std::string db = dir / "db";
    if (run({TAWSIYA_BINARY, "index", sample, "--db", db, "--quiet"}, dir / "index.log") != 0)
        throw std::runtime_error(
            std::string("cannot index the sample corpus: see ").append(dir / "index.log"));
    return db;
}

}  // namespace tawsiya::test
