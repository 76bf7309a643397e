#include "text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "tawsiya/error.hpp"
#include "tawsiya/text_file.hpp"

namespace tawsiya::readers {

std::string read_file_bytes(const std::string& path) {
    std::ifstream in = open_input_file(path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw InputError(path, 0, "read error");
    return std::move(bytes).str();
}

bool is_valid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const int32_t length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

namespace {

std::size_t line_of_offset(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    const auto head = bytes.substr(0, offset);
    const auto lf = std::count(head.begin(), head.end(), '\n');
    // Files with CR endings only (Mac exports) count lines by CR.
    return 1 + static_cast<std::size_t>(lf ? lf : std::count(head.begin(), head.end(), '\r'));
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

std::string decode_to_utf8(std::string_view bytes, const std::string& encoding,
                           const std::string& path) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string name = encoding;
    if (name.empty()) name = is_valid_utf8(bytes) ? "UTF-8" : "macintosh";

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> source(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) throw UsageError("--encoding", "unknown encoding '" + name + "'");
    // Stop at the first byte the encoding cannot map, rather than inventing U+FFFD.
    ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::unique_ptr<UConverter, ConverterCloser> utf8(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) throw Error("ICU: cannot open the UTF-8 converter");

    std::string out(bytes.size() * 3 + 16, '\0');
    char* target = out.data();
    const char* in = bytes.data();
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, out.data() + out.size(), &in,
                   bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                   &status);
    if (U_FAILURE(status)) {
        const std::size_t offset = static_cast<std::size_t>(in - bytes.data());
        throw InputError(path, line_of_offset(bytes, offset),
                         "bytes that are not valid " + name + " (give --encoding)");
    }
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

std::string normalize_line_endings(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace tawsiya::readers
