// The reader for a file, chosen by its extension.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"

namespace tawsiya {

void read_any(const std::string& path, const ReadOptions& options, const RecordSink& sink,
              ReadReport& report) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".jsonl" || extension == ".json" || extension == ".ndjson")
        return read_jsonl(path, options, sink, report);
    if (extension == ".csv") return read_uprinfo_csv(path, options, sink, report);
    if (extension == ".txt") return read_un_report(path, options, sink, report);
    throw InputError(path, 0,
                     "unknown kind of input '" + extension +
                         "': give .jsonl (records), .csv (UPR Info export) or .txt (UN report)");
}

}  // namespace tawsiya
