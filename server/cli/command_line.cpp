#include "cli/command_line.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "tawsiya/error.hpp"
#include "tawsiya/text_file.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

po::variables_map store_command_line(const Args& args, const po::options_description& all,
                                     const po::options_description& shown,
                                     const po::positional_options_description& positional) {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << shown << "\n";
        std::exit(kExitOk);
    }
    return vm;
}

}  // namespace

po::variables_map parse_command_line(const Args& args, const po::options_description& all,
                                     const po::options_description& shown,
                                     const po::positional_options_description& positional) {
    po::variables_map vm = store_command_line(args, all, shown, positional);
    po::notify(vm);
    return vm;
}

po::variables_map parse_command_line_and_config(const Args& args,
                                                const po::options_description& all,
                                                const po::options_description& shown,
                                                const po::options_description& in_file) {
    po::variables_map vm = store_command_line(args, all, shown, {});
    if (vm.count("config")) {
        const std::string path = vm["config"].as<std::string>();
        std::ifstream file = open_input_file(path);  // a clear message for a directory or no file
        try {
            po::store(po::parse_config_file(file, in_file), vm);
        } catch (const po::error& e) {
            throw UsageError("--config", path + ": " + e.what());
        }
    }
    po::notify(vm);
    return vm;
}

std::string plain_number(double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

}  // namespace tawsiya::cli
