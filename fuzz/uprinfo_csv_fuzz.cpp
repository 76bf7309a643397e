// read_csv on arbitrary file contents, lenient and strict, each record turned into its
// Xapian document as the indexer does: bad lines are reported or rejected with tawsiya::Error,
// never a crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/index_writer.hpp"
#include "tawsiya/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    const std::string path = fuzz::write_scratch("input.csv", fuzz::as_text(data, size));
    for (const bool strict : {false, true}) {
        ReadOptions options;
        options.strict = strict;
        ReadReport report;
        try {
            read_csv(path, options, fuzz::reader_sink(strict), report);
        } catch (const Error&) {
        }
    }
    return 0;
}
