#include "tawsiya/text_file.hpp"

#include <iostream>
#include <sstream>

#include "text_decoding.hpp"

namespace tawsiya {

std::string read_text_file(const std::string& path, const std::string& encoding) {
    std::string bytes;
    if (path == "-") {
        std::ostringstream in;
        in << std::cin.rdbuf();
        bytes = std::move(in).str();
    } else {
        bytes = readers::read_file_bytes(path);
    }
    return readers::normalize_line_endings(
        readers::decode_to_utf8(bytes, encoding, path == "-" ? "stdin" : path));
}

}  // namespace tawsiya
