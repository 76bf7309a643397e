// Input files: opened with the reasons staff can act on, read line by line or whole as UTF-8
// with LF line endings, whatever their encoding and line endings.
#pragma once

#include <fstream>
#include <istream>
#include <string>

namespace tawsiya {

// Reads `path` ("-": standard input), converts it from `encoding` (an ICU converter name; empty:
// UTF-8 when valid, else Mac Roman) and turns CR and CRLF into LF. Throws InputError(path, line,
// reason) when it cannot be read or decoded, UsageError for an unknown encoding.
std::string read_text_file(const std::string& path, const std::string& encoding = {});

// Opens `path` for reading bytes. Throws InputError(path, 0, reason): "cannot open: <why>", or
// "a directory, not a file" (which the C library would open and read as empty).
std::ifstream open_input_file(const std::string& path);

// The next line of `in` without its end: LF, CRLF or a lone CR (old Mac exports). False at the end
// of the input.
bool read_line(std::istream& in, std::string& line);

}  // namespace tawsiya
