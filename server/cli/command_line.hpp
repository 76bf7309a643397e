// The command-line parsing every subcommand shares: `--help` prints the options and exits 0,
// anything else is stored and checked (required options, value types) by Boost.Program_options.
#pragma once

#include <string>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"

namespace tawsiya::cli {

// `all` is what is parsed, `shown` what --help prints (the named options, without the hidden
// positional ones).
boost::program_options::variables_map parse_command_line(
    const Args& args, const boost::program_options::options_description& all,
    const boost::program_options::options_description& shown,
    const boost::program_options::positional_options_description& positional = {});

// As parse_command_line, and then, when `--config FILE` was given (`all` must hold it), the
// options of `in_file` read from FILE in Boost's config-file syntax (`name = value`, `#`
// comments). A value given on the command line wins: Boost keeps the first value stored. Throws
// InputError when FILE cannot be read (a directory, missing, unreadable).
boost::program_options::variables_map parse_command_line_and_config(
    const Args& args, const boost::program_options::options_description& all,
    const boost::program_options::options_description& shown,
    const boost::program_options::options_description& in_file);

// A default value as --help shows it: the shortest text that reads back as the same number
// ("0.4"), where Boost would print 17 digits ("0.40000000000000002").
std::string plain_number(double value);

}  // namespace tawsiya::cli
