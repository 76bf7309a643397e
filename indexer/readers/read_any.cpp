// The reader for a file, chosen by its content where that is certain (a PDF or a Word or
// OpenDocument file, whatever its name, is a report to split), else by its extension.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "tawsiya/document_file.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_file.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya {

namespace {

// The first kilobyte, where every magic number is.
std::string head_of(const std::string& path) {
    std::ifstream in = open_input_file(path);
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

}  // namespace

void read_any(const std::string& path, const ReadOptions& options, const RecordSink& sink,
              ReadReport& report) {
    const std::string extension =
        scan::lower_ascii(std::filesystem::path(path).extension().string());
    const std::string head = head_of(path);
    if (is_binary_document(head) || is_legacy_office(head))
        return read_un_report(path, options, sink, report);
    if (extension == ".pdf" || extension == ".docx" || extension == ".odt" || extension == ".doc")
        throw InputError(
            path, 0,
            "named " + extension + " but its content is not a PDF, Word or OpenDocument file");
    if (extension == ".jsonl" || extension == ".json" || extension == ".ndjson")
        return read_jsonl(path, options, sink, report);
    if (extension == ".csv") return read_csv(path, options, sink, report);
    if (extension == ".txt") return read_un_report(path, options, sink, report);
    throw InputError(path, 0,
                     "unknown kind of input '" + extension +
                         "': give .jsonl (records), .csv (UPR Info export), .txt, .pdf, .docx "
                         "or .odt (UN report)");
}

}  // namespace tawsiya
