// Bytes from a file to UTF-8 text, through ICU converters (private to indexer/readers).
#pragma once

#include <string>
#include <string_view>

namespace tawsiya::readers {

// The whole file as bytes. Throws InputError(path, 0, reason) when it cannot be read.
std::string read_file_bytes(const std::string& path);

// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Converts `bytes` from `encoding` (an ICU converter name: "macintosh", "windows-1252",
// "UTF-8"...) to UTF-8. An empty encoding means: UTF-8 if the bytes are valid UTF-8, otherwise
// Mac Roman, the encoding of the UPR Info exports and UN report extractions this tool was built
// for. A leading byte-order mark is dropped. Throws UsageError for an unknown encoding name and
// InputError(path, line, ...) for bytes the named encoding cannot hold.
std::string decode_to_utf8(std::string_view bytes, const std::string& encoding,
                           const std::string& path);

// CR and CRLF line endings become LF.
std::string normalize_line_endings(std::string_view text);

}  // namespace tawsiya::readers
