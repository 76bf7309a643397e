// The subcommands of the `tawsiya` executable. Each takes the arguments after its name and returns
// the process exit code; errors are printed by the dispatcher (server/main.cpp).
#pragma once

#include <string>
#include <vector>

namespace tawsiya::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // an error while working (bad input under --strict, I/O)
inline constexpr int kExitUsage = 2;    // bad options

using Args = std::vector<std::string>;

int run_index(const Args& args);        // index_command.cpp
int run_search(const Args& args);       // search_command.cpp
int run_serve(const Args& args);        // serve_command.cpp
int run_dedup(const Args& args);        // dedup_command.cpp
int run_match(const Args& args);        // match_command.cpp
int run_train(const Args& args);        // train_command.cpp
int run_tag(const Args& args);          // tag_command.cpp
int run_train_xlang(const Args& args);  // train_xlang_command.cpp

}  // namespace tawsiya::cli
