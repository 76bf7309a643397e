#include "engine/label_fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace tawsiya::engine {

std::string fold_label(std::string_view label) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(label.data(), static_cast<int32_t>(label.size())));
    if (U_SUCCESS(status)) {
        icu::UnicodeString decomposed = nfkd->normalize(text, status);
        if (U_SUCCESS(status)) text = decomposed;
    }
    text.foldCase();

    icu::UnicodeString folded;
    bool pending_space = false;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (u_isUWhiteSpace(c)) {
            pending_space = !folded.isEmpty();
            continue;
        }
        if (pending_space) folded.append(UChar32(' '));
        pending_space = false;
        // ’ ‘ ʼ ` are the same apostrophe in a label.
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060)
            folded.append(UChar32('\''));
        else
            folded.append(c);
    }
    std::string out;
    folded.toUTF8String(out);
    return out;
}

}  // namespace tawsiya::engine
