// read_un_report on arbitrary file contents, lenient and strict, each record turned into its Xapian
// document as the indexer does: bad lines are reported or rejected with tawsiya::Error, never a
// crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"

namespace {

// The strict pass reads the same records as the lenient one up to its first bad line, where it
// throws: making their Xapian documents again would repeat the lenient pass's work on the same
// records. It runs check_terms, the one check by which make_document refuses a record, so the
// strict pass still turns that refusal into its InputError.
tawsiya::RecordSink sink_for(bool strict) {
    using namespace tawsiya;
    if (strict) return [](Record&& record) { check_terms(record); };
    return [](Record&& record) { (void)make_document(record, fuzz::analyzer()); };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const std::string path = fuzz::write_scratch("input.txt", fuzz::as_text(data, size));
    for (const bool strict : {false, true}) {
        ReadOptions options;
        options.strict = strict;
        ReadReport report;
        try {
            read_un_report(path, options, sink_for(strict), report);
        } catch (const Error&) {
        }
    }
    return 0;
}
