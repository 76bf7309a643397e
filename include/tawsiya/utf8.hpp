// Reading UTF-8 one code point at a time, with ICU's decoder: what every place that walks a text
// by characters shares.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tawsiya::utf8 {

// Calls visit(start, end, c) for each code point of `text`: its bytes [start, end) and its value,
// U+FFFD for an ill-formed sequence (which ICU reads as one or more bytes).
template <typename Visit>
void for_each_code_point(std::string_view text, Visit&& visit) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto size = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < size;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, size, c);
        visit(static_cast<std::size_t>(start), static_cast<std::size_t>(i),
              c < 0 ? UChar32(0xFFFD) : c);
    }
}

}  // namespace tawsiya::utf8
