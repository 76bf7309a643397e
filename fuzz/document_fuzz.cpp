// document_text on arbitrary bytes: PDFs through Poppler, zip archives through libzip, text
// through ICU, whichever the bytes start like. A damaged file is a DocumentError or an
// InputError, never a crash; limits kept small so that one input stays fast.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "tawsiya/document_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace tawsiya;
    DocumentLimits limits;
    limits.max_pages = 20;
    limits.max_entry_bytes = std::size_t{4} << 20;
    try {
        (void)document_text(fuzz::as_text(data, size), "fuzz", {}, limits);
    } catch (const Error&) {
    }
    return 0;
}
