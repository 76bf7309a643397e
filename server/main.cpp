// `tawsiya COMMAND ...`: one executable, one subcommand per verb.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string_view>

#include <xapian.h>
#include <boost/program_options/errors.hpp>

#include "cli/commands.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"

namespace {

struct Command {
    std::string_view name;
    int (*run)(const tawsiya::cli::Args&);
    std::string_view summary;
};

constexpr Command kCommands[] = {
    {"index", tawsiya::cli::run_index, "read records, CSV exports or UN reports into an index"},
    {"search", tawsiya::cli::run_search, "search an index from the shell"},
    {"serve", tawsiya::cli::run_serve, "serve the search API and the web page over HTTP"},
    {"dedup", tawsiya::cli::run_dedup,
     "group a list of recommendations into clusters of duplicates"},
    {"match", tawsiya::cli::run_match,
     "find the prior recommendations behind new ones, suggest tags"},
    {"tag", tawsiya::cli::run_tag, "split a document into its recommendations, match and tag each"},
    {"train", tawsiya::cli::run_train, "train the taggers of an index's label schemes"},
    {"train-xlang", tawsiya::cli::run_train_xlang,
     "learn the term translations of cross-language search"},
};

void print_usage(std::ostream& out) {
    // The summaries line up after the longest name, whatever names are added.
    std::size_t width = 0;
    for (const auto& command : kCommands) width = std::max(width, command.name.size());
    out << "usage: tawsiya COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& command : kCommands)
        out << "  " << command.name << std::string(width + 2 - command.name.size(), ' ')
            << command.summary << "\n";
    out << "\n`tawsiya COMMAND --help` describes a command's options; `tawsiya --version` prints\n"
           "the version and the index schema version.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(std::cerr);
        return tawsiya::cli::kExitUsage;
    }
    const std::string_view name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return tawsiya::cli::kExitOk;
    }
    if (name == "--version") {
        // TAWSIYA_VERSION is the project's version (cmake/packaging.cmake); the schema version
        // says which indexes this binary reads and writes.
        std::cout << "tawsiya " << TAWSIYA_VERSION << "\nindex schema version "
                  << tawsiya::schema::kSchemaVersion << "\n";
        return tawsiya::cli::kExitOk;
    }
    for (const auto& command : kCommands) {
        if (command.name != name) continue;
        const tawsiya::cli::Args args(argv + 2, argv + argc);
        try {
            return command.run(args);
        } catch (const tawsiya::UsageError& e) {
            std::cerr << "tawsiya " << name << ": " << e.what() << "\n";
            return tawsiya::cli::kExitUsage;
        } catch (const boost::program_options::error& e) {
            std::cerr << "tawsiya " << name << ": " << e.what() << "\n";
            return tawsiya::cli::kExitUsage;
        } catch (const Xapian::Error& e) {
            std::cerr << "tawsiya " << name << ": " << e.get_description() << "\n";
            return tawsiya::cli::kExitFailure;
        } catch (const std::exception& e) {
            std::cerr << "tawsiya " << name << ": " << e.what() << "\n";
            return tawsiya::cli::kExitFailure;
        }
    }
    std::cerr << "tawsiya: unknown command '" << name << "'\n\n";
    print_usage(std::cerr);
    return tawsiya::cli::kExitUsage;
}
