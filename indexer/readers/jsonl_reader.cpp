// The canonical JSON-lines format: one record per line, streamed (the shared corpus is 30 MB).
#include <cerrno>
#include <cstring>
#include <fstream>

#include "bad_input.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/reader.hpp"

namespace tawsiya {

void read_jsonl(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                ReadReport& report) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
    std::size_t line_number = 0, content_lines = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        ++content_lines;
        if (line_number == 1 && line.find_first_not_of(" \t") != std::string::npos &&
            line[line.find_first_not_of(" \t")] == '[') {
            readers::reject(options, report, path, 1,
                            "a JSON array: give one record object per line (JSON lines)");
            return;
        }
        Record record;
        try {
            record = parse_record_json(line);
        } catch (const FormatError& e) {
            readers::reject(options, report, path, line_number, e.what());
            continue;
        }
        readers::deliver(options, report, path, line_number, sink, std::move(record));
    }
    if (in.bad()) throw InputError(path, line_number, "read error");
    // An empty export should be heard about, not reported as "indexed 0 records".
    if (content_lines == 0) readers::reject(options, report, path, 1, "empty file");
}

}  // namespace tawsiya
