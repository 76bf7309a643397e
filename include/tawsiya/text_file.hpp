// A text file as UTF-8 with LF line endings, whatever its encoding and line endings.
#pragma once

#include <string>

namespace tawsiya {

// Reads `path` ("-": standard input), converts it from `encoding` (an ICU converter name; empty:
// UTF-8 when valid, else Mac Roman) and turns CR and CRLF into LF. Throws InputError(path, line,
// reason) when it cannot be read or decoded, UsageError for an unknown encoding.
std::string read_text_file(const std::string& path, const std::string& encoding = {});

}  // namespace tawsiya
