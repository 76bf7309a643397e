// The canonical JSON-lines format: one record per line, streamed (the shared corpus is 30 MB).
#include <fstream>
#include <string>

#include "bad_input.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/json_parse.hpp"
#include "tawsiya/reader.hpp"
#include "tawsiya/text_file.hpp"

namespace tawsiya {
namespace {

bool closes_on_its_line(const std::string& line) {
    try {
        parse_json(line);
        return true;
    } catch (const FormatError&) {
        return false;
    }
}

}  // namespace

void read_jsonl(const std::string& path, const ReadOptions& options, const RecordSink& sink,
                ReadReport& report) {
    std::ifstream in = open_input_file(path);
    std::size_t line_number = 0, content_lines = 0;
    for (std::string line; read_line(in, line);) {
        ++line_number;
        if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        if (++content_lines == 1 && line[first] == '[') {
            // A JSON array instead of JSON lines. Closed on its line, it is one bad line and the
            // lines after it are read; spread over the file ("[", then records with commas), no
            // line of it is a record.
            readers::reject(options, report, path, line_number,
                            "a JSON array: give one record object per line (JSON lines)");
            if (closes_on_its_line(line)) continue;
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
