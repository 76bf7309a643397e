#include "cli/command_line.hpp"

#include <cstdlib>
#include <iostream>

namespace po = boost::program_options;

namespace tawsiya::cli {

po::variables_map parse_command_line(const Args& args, const po::options_description& all,
                                     const po::options_description& shown,
                                     const po::positional_options_description& positional) {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << shown << "\n";
        std::exit(kExitOk);
    }
    po::notify(vm);
    return vm;
}

}  // namespace tawsiya::cli
