// The command-line parsing every subcommand shares: `--help` prints the options and exits 0,
// anything else is stored and checked (required options, value types) by Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>

#include "cli/commands.hpp"

namespace tawsiya::cli {

// `all` is what is parsed, `shown` what --help prints (the named options, without the hidden
// positional ones).
boost::program_options::variables_map parse_command_line(
    const Args& args, const boost::program_options::options_description& all,
    const boost::program_options::options_description& shown,
    const boost::program_options::positional_options_description& positional = {});

}  // namespace tawsiya::cli
