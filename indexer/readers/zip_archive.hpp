// A zip archive held in memory, read entry by entry within limits (private to indexer/readers):
// the container of .docx and .odt files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "tawsiya/document_file.hpp"

struct zip;

namespace tawsiya::readers {

// True when `bytes` start like a zip archive ("PK\3\4", or "PK\5\6" for an empty one).
bool looks_like_zip(std::string_view bytes);

class ZipArchive {
  public:
    // Opens the archive. Throws DocumentError when it is damaged or holds more entries than
    // limits.max_zip_entries (counted from its directory before libzip reads it).
    ZipArchive(std::string_view bytes, std::string path, const DocumentLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;

    // The entry's uncompressed bytes. Throws DocumentError when it is missing, damaged, or
    // inflates past limits.max_entry_bytes: reading stops there, whatever its header claims.
    std::string read(const std::string& name) const;

  private:
    struct zip* zip_ = nullptr;
    std::string path_;
    std::size_t max_entry_bytes_;
};

}  // namespace tawsiya::readers
