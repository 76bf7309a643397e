// parse_record_json on arbitrary bytes: it may reject the input with tawsiya::Error, never crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const tawsiya::Record record =
            tawsiya::parse_record_json(tawsiya::fuzz::as_text(data, size));
        // The index stores records as record_to_json and reads them back with parse_record_json:
        // whatever was accepted must survive that trip unchanged.
        if (tawsiya::parse_record_json(tawsiya::record_to_json(record)) != record) __builtin_trap();
    } catch (const tawsiya::Error&) {
    }
    return 0;
}
