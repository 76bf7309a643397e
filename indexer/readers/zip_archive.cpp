#include "zip_archive.hpp"

#include <zip.h>

#include <cstdint>
#include <vector>

namespace tawsiya::readers {

bool looks_like_zip(std::string_view bytes) {
    return bytes.substr(0, 4) == std::string_view("PK\3\4", 4) ||
           bytes.substr(0, 4) == std::string_view("PK\5\6", 4);
}

namespace {

std::uint32_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

// The entry count of the end-of-central-directory record (the last 22 to 65,557 bytes), read
// before libzip allocates a structure per entry. 0xFFFF means a zip64 count: the real one is
// elsewhere, and is then checked once the archive is open.
std::size_t declared_entries(std::string_view bytes) {
    if (bytes.size() < 22) return 0;
    const std::size_t lowest = bytes.size() > 65557 ? bytes.size() - 65557 : 0;
    for (std::size_t at = bytes.size() - 22;; --at) {
        if (bytes.substr(at, 4) == std::string_view("PK\5\6", 4))
            return little_endian(bytes, at + 10, 2);
        if (at == lowest) return 0;
    }
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string path, const DocumentLimits& limits)
    : path_(std::move(path)), max_entry_bytes_(limits.max_entry_bytes) {
    const std::string too_many = "a zip archive of more than " +
                                 std::to_string(limits.max_zip_entries) +
                                 " entries: not a word-processor document";
    if (declared_entries(bytes) > limits.max_zip_entries && declared_entries(bytes) != 0xFFFF)
        throw DocumentError(path_, too_many);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!zip_) zip_source_free(source);
    }
    if (!zip_) {
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw DocumentError(path_, "a damaged zip archive: " + reason);
    }
    zip_error_fini(&error);
    if (static_cast<std::size_t>(zip_get_num_entries(zip_, 0)) > limits.max_zip_entries) {
        zip_discard(zip_);
        zip_ = nullptr;
        throw DocumentError(path_, too_many);
    }
}

ZipArchive::~ZipArchive() {
    if (zip_) zip_discard(zip_);
}

bool ZipArchive::has(const std::string& name) const {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

std::string ZipArchive::read(const std::string& name) const {
    const std::string too_large = "the zip entry " + name + " inflates past " +
                                  std::to_string(max_entry_bytes_ >> 20) +
                                  " MiB: refused (a zip bomb, or not a document)";
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(zip_, name.c_str(), 0, &stat) != 0)
        throw DocumentError(path_, "the zip archive has no " + name);
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > max_entry_bytes_)
        throw DocumentError(path_, too_large);
    zip_file_t* file = zip_fopen(zip_, name.c_str(), 0);
    if (!file)
        throw DocumentError(path_, "cannot open the zip entry " + name + ": " + zip_strerror(zip_));
    // The declared size may lie: read in chunks and stop at the limit, whatever it says.
    std::string out;
    std::vector<char> chunk(std::size_t{1} << 16);
    for (;;) {
        const zip_int64_t got = zip_fread(file, chunk.data(), chunk.size());
        if (got < 0) {
            const std::string reason = zip_file_strerror(file);
            zip_fclose(file);
            throw DocumentError(path_, "the zip entry " + name + " is damaged: " + reason);
        }
        if (got == 0) break;
        if (out.size() + static_cast<std::size_t>(got) > max_entry_bytes_) {
            zip_fclose(file);
            throw DocumentError(path_, too_large);
        }
        out.append(chunk.data(), static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    return out;
}

}  // namespace tawsiya::readers
