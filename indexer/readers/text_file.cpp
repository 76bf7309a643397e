#include "tawsiya/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "tawsiya/error.hpp"
#include "text_decoding.hpp"

namespace tawsiya {

std::ifstream open_input_file(const std::string& path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw InputError(path, 0, "a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    return in;
}

bool read_line(std::istream& in, std::string& line) {
    line.clear();
    std::streambuf* buffer = in.rdbuf();
    if (!buffer) return false;
    for (bool any = false;; any = true) {
        const auto c = buffer->sbumpc();
        if (c == std::streambuf::traits_type::eof()) {
            in.setstate(std::ios::eofbit);
            return any;
        }
        if (c == '\n') return true;
        if (c == '\r') {
            if (buffer->sgetc() == '\n') buffer->sbumpc();
            return true;
        }
        line.push_back(static_cast<char>(c));
    }
}

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
