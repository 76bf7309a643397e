// A document's file format by its content, and its text through the reader of that format.
#include "tawsiya/document_file.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "office_text.hpp"
#include "pdf_text.hpp"
#include "text_decoding.hpp"
#include "zip_archive.hpp"

namespace tawsiya {

const char* file_format_name(FileFormat format) {
    switch (format) {
        case FileFormat::pdf:
            return "PDF";
        case FileFormat::docx:
            return "Word (.docx)";
        case FileFormat::odt:
            return "OpenDocument (.odt)";
        case FileFormat::text:
            return "text";
    }
    return "text";
}

namespace {

bool is_pdf(std::string_view bytes) {
    // The header may follow a little garbage (some mail gateways add a line); readers look in
    // the first kilobyte.
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

FileFormat office_format(const readers::ZipArchive& zip, const std::string& path) {
    if (zip.has("word/document.xml")) return FileFormat::docx;
    if (zip.has("content.xml") && zip.has("mimetype")) {
        const std::string mimetype = zip.read("mimetype");
        if (mimetype.rfind("application/vnd.oasis.opendocument.text", 0) == 0)
            return FileFormat::odt;
        throw DocumentError(path, "an OpenDocument file of type '" + mimetype.substr(0, 80) +
                                      "': only text documents (.odt) are read");
    }
    throw DocumentError(path,
                        "a zip archive that is neither a Word (.docx) nor an OpenDocument text "
                        "(.odt) document");
}

void check_size(std::size_t size, const std::string& path, const DocumentLimits& limits) {
    if (size > limits.max_file_bytes)
        throw DocumentError(
            path, "larger than " + std::to_string(limits.max_file_bytes >> 20) + " MiB: refused");
}

}  // namespace

bool is_binary_document(std::string_view head) {
    return is_pdf(head) || readers::looks_like_zip(head);
}

bool is_legacy_office(std::string_view head) {
    return head.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

FileFormat file_format(std::string_view bytes, const std::string& path,
                       const DocumentLimits& limits) {
    if (is_pdf(bytes)) return FileFormat::pdf;
    if (readers::looks_like_zip(bytes)) {
        check_size(bytes.size(), path, limits);
        return office_format(readers::ZipArchive(bytes, path, limits), path);
    }
    return FileFormat::text;
}

std::size_t page_of_line(const std::vector<std::size_t>& page_lines, std::size_t line) {
    // The last page starting on or before the line.
    const auto after = std::upper_bound(page_lines.begin(), page_lines.end(), line);
    return after == page_lines.begin() ? (page_lines.empty() ? 0 : 1)
                                       : static_cast<std::size_t>(after - page_lines.begin());
}

DocumentText document_text(std::string_view bytes, const std::string& path,
                           const std::string& encoding, const DocumentLimits& limits) {
    check_size(bytes.size(), path, limits);
    DocumentText out;
    if (is_pdf(bytes)) {
        out.format = FileFormat::pdf;
        out.text = readers::pdf_text(bytes, path, limits, out.pages, out.page_lines);
    } else if (readers::looks_like_zip(bytes)) {
        const readers::ZipArchive zip(bytes, path, limits);
        out.format = office_format(zip, path);
        out.text = out.format == FileFormat::docx ? readers::docx_text(zip, path, limits)
                                                  : readers::odt_text(zip, path, limits);
    } else if (is_legacy_office(bytes)) {
        throw DocumentError(path, "an old Word (.doc) file: save it as .docx or PDF first");
    } else {
        out.text = readers::normalize_line_endings(readers::decode_to_utf8(bytes, encoding, path));
    }
    return out;
}

DocumentText read_document(const std::string& path, const std::string& encoding,
                           const DocumentLimits& limits) {
    std::string bytes;
    const std::string name = path == "-" ? "stdin" : path;
    if (path == "-") {
        // Read no more than the limit allows, plus one byte to know it was over.
        bytes.resize(limits.max_file_bytes + 1);
        std::cin.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        bytes.resize(static_cast<std::size_t>(std::cin.gcount()));
    } else {
        std::error_code error;
        const auto size = std::filesystem::file_size(path, error);
        if (!error) check_size(size, path, limits);
        bytes = readers::read_file_bytes(path);
    }
    return document_text(bytes, name, encoding, limits);
}

}  // namespace tawsiya
