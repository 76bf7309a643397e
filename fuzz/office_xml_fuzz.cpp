// The .docx and .odt readers on arbitrary XML: the input is the parts of a document separated by
// a line "--part--" (a .docx's word/document.xml, word/numbering.xml, word/styles.xml when the
// first byte is even; an .odt's content.xml and styles.xml when odd), stored in a real zip
// archive by libzip and read through document_text. Bad XML is a DocumentError, never a crash;
// deep nesting, DOCTYPEs and huge counters stay bounded.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "tawsiya/document_file.hpp"

namespace {

// A zip archive in memory holding `entries`, stored (not deflated: the fuzzer's bytes are the
// XML, not a compressed stream it could not get through).
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    zip_close(zip);
    std::string bytes;
    zip_stat_t stat;
    if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
        bytes.resize(stat.size);
        bytes.resize(static_cast<std::size_t>(
            std::max<zip_int64_t>(0, zip_source_read(buffer, bytes.data(), bytes.size()))));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    if (size == 0) return 0;
    const bool odt = data[0] % 2 == 1;
    const std::string_view input = fuzz::as_text(data + 1, size - 1);
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= input.size();) {
        const std::size_t end = std::min(input.find("\n--part--\n", start), input.size());
        parts.emplace_back(input.substr(start, end - start));
        start = end + 10;
    }
    std::vector<std::pair<std::string, std::string>> entries;
    const std::vector<std::string> names =
        odt ? std::vector<std::string>{"content.xml", "styles.xml"}
            : std::vector<std::string>{"word/document.xml", "word/numbering.xml",
                                       "word/styles.xml"};
    if (odt) entries.push_back({"mimetype", "application/vnd.oasis.opendocument.text"});
    for (std::size_t i = 0; i < parts.size() && i < names.size(); ++i)
        entries.push_back({names[i], parts[i]});
    const std::string zip = zip_of(entries);
    try {
        (void)document_text(zip, "fuzz", {});
    } catch (const Error&) {
    }
    return 0;
}
