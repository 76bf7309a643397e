// The settings of `tawsiya serve`: every option, from the command line and, with `--config FILE`,
// from a configuration file that uses the same names (`port = 8080`, Boost.Program_options'
// config-file syntax). The command line wins over the file. Kept apart from serve_command.cpp so
// that the tests can check the parsing without starting a server.
#pragma once

#include <string>

#include "cli/commands.hpp"
#include "http/batch_handlers.hpp"
#include "http/server.hpp"
#include "tawsiya/match.hpp"

namespace tawsiya::cli {

struct ServeSettings {
    std::string db;
    http::ServerOptions server;  // bind, port, threads, session and search limits, batch pool
    http::BatchLimits batch;     // POST /api/dedup and /api/tag sizes
    MatchOptions match;          // POST /api/match and /api/tag
};

// Throws UsageError or boost::program_options::error for a bad value, an unknown name (in the
// file too) or a missing --db; InputError when the --config file cannot be read. `--help` prints
// the options and exits 0.
ServeSettings parse_serve_options(const Args& args);

}  // namespace tawsiya::cli
