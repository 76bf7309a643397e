#include "bad_input.hpp"

#include "tawsiya/error.hpp"

namespace tawsiya {

void ReadReport::skip(const std::string& file, std::size_t line, const std::string& reason) {
    problems.push_back(file + ":" + std::to_string(line) + ": " + reason);
    // Count by the reason's kind, not its details: "unknown language code 'xx' in `text`"
    // and "... 'de' ..." are one reason in the summary.
    const auto quote = reason.find(" '");
    skipped_by[quote == std::string::npos ? reason : reason.substr(0, quote)] += 1;
}

namespace readers {

void reject(const ReadOptions& options, ReadReport& report, const std::string& file,
            std::size_t line, const std::string& reason) {
    if (options.strict) throw InputError(file, line, reason);
    report.skip(file, line, reason);
}

void deliver(const ReadOptions& options, ReadReport& report, const std::string& file,
             std::size_t line, const RecordSink& sink, Record&& record) {
    try {
        sink(std::move(record));
    } catch (const FormatError& e) {
        reject(options, report, file, line, e.what());
        return;
    }
    ++report.records;
}

}  // namespace readers
}  // namespace tawsiya
