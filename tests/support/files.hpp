// Test support: a whole file read into a string, and a string written as a whole file.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

namespace tawsiya::test {

// The bytes of the file at `path`; empty when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Writes `bytes` as the whole file at `path`.
inline void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace tawsiya::test
