#include "text_normalizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

#include "tawsiya/error.hpp"
#include "tawsiya/utf8.hpp"

namespace tawsiya::analysis {

namespace {

constexpr char16_t kAlef = 0x0627;
constexpr char16_t kYeh = 0x064A;
constexpr char16_t kHeh = 0x0647;
constexpr char16_t kKaf = 0x0643;

// Marks that only steer display or joining. Between two words they are the only separator, and
// NFKC_Casefold would delete them and glue the words ("حقوق\u200Fالإنسان"), so they become spaces.
bool is_separating_format_mark(char32_t c) {
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0xFEFF || c == 0x2060;
}

// Arabic marks that do not change the word for search: tashkeel (fathatan..sukun and the rarer
// harakat up to U+065F), superscript alef, Quranic annotation signs, honorific signs, and the
// extended-Arabic Quranic marks. Tatweel is only a stretching of the line.
bool is_arabic_ignorable(char32_t c) {
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 ||
           c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF) ||
           c == 0x0640;
}

// Arabic letters spelled several ways for the same word: hamza/madda/wasla seats of alef,
// alef maqsura, teh marbuta, and the Persian forms of yeh and kaf found in mis-keyed text.
// Returns 0 when `c` is not folded.
char16_t fold_arabic_letter(char32_t c) {
    switch (c) {
        case 0x0622:  // alef with madda
        case 0x0623:  // alef with hamza above
        case 0x0625:  // alef with hamza below
        case 0x0671:  // alef wasla
        case 0x0672:  // alef with wavy hamza above
        case 0x0673:  // alef with wavy hamza below
            return kAlef;
        case 0x0649:  // alef maqsura
        case 0x06CC:  // farsi yeh
            return kYeh;
        case 0x0629:  // teh marbuta
            return kHeh;
        case 0x06A9:  // keheh
            return kKaf;
        default:
            return 0;
    }
}

// Arabic-Indic (U+0660..) and extended (Persian, U+06F0..) digits: -1 when not a digit.
int arabic_digit_value(char32_t c) {
    if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
    return -1;
}

// Latin letters with diacritics -> base letters (from the canonical decomposition), plus the
// letters that have none (ligatures, stroked letters). Built once for U+0080..U+024F and the
// Latin Extended Additional block U+1E00..U+1EFF; each entry holds up to 2 UTF-16 units.
class LatinFoldTable {
  public:
    LatinFoldTable() {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status)) throw Error("ICU NFD is unavailable");
        for (char32_t c = 0x80; c < 0x250; ++c) fill(nfd, c, low_[c - 0x80]);
        for (char32_t c = 0x1E00; c < 0x1F00; ++c) fill(nfd, c, high_[c - 0x1E00]);
        set(0x00C6, u"AE"), set(0x00E6, u"ae"), set(0x0152, u"OE"), set(0x0153, u"oe");
        set(0x00DF, u"ss"), set(0x1E9E, u"SS"), set(0x00D8, u"O"), set(0x00F8, u"o");
        set(0x0110, u"D"), set(0x0111, u"d"), set(0x00D0, u"D"), set(0x00F0, u"d");
        set(0x0141, u"L"), set(0x0142, u"l"), set(0x0131, u"i"), set(0x0126, u"H");
        set(0x0127, u"h"), set(0x00DE, u"TH"), set(0x00FE, u"th");
    }

    // The folded form of `c`, or an empty view when `c` is left as it is.
    std::u16string_view lookup(char32_t c) const {
        const Entry* e = nullptr;
        if (c >= 0x80 && c < 0x250)
            e = &low_[c - 0x80];
        else if (c >= 0x1E00 && c < 0x1F00)
            e = &high_[c - 0x1E00];
        if (!e || e->size == 0) return {};
        return {e->units, e->size};
    }

  private:
    struct Entry {
        char16_t units[2] = {0, 0};
        unsigned char size = 0;
    };

    static void fill(const icu::Normalizer2* nfd, char32_t c, Entry& entry) {
        icu::UnicodeString decomposition;
        if (!u_isalpha(c) || !nfd->getDecomposition(c, decomposition)) return;
        const char16_t base = decomposition.charAt(0);
        if (base < 0x80 && u_isalpha(base)) entry.units[0] = base, entry.size = 1;
    }

    void set(char32_t c, std::u16string_view folded) {
        Entry& e = c < 0x250 ? low_[c - 0x80] : high_[c - 0x1E00];
        e.size = static_cast<unsigned char>(folded.size());
        for (std::size_t i = 0; i < folded.size(); ++i) e.units[i] = folded[i];
    }

    std::array<Entry, 0x250 - 0x80> low_{};
    std::array<Entry, 0x100> high_{};
};

const LatinFoldTable& latin_fold_table() {
    static const LatinFoldTable table;
    return table;
}

bool is_apostrophe(char32_t c) {
    return c == u'\'' || c == 0x2019 || c == 0x02BC;
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c | 0x20) - 'a' < 26 || c - '0' < 10;
    return u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK;
}

// French elided articles and conjunctions (l'État, d'enquêtes, qu'il, jusqu'à...), compared
// lower-case on the letters written before the apostrophe.
bool is_elided_article(const char16_t* begin, const char16_t* end) {
    static constexpr std::u16string_view kArticles[] = {
        u"l", u"d",  u"j",     u"m",      u"n",      u"s",     u"t",
        u"c", u"qu", u"jusqu", u"lorsqu", u"puisqu", u"quoiqu"};
    const std::size_t length = static_cast<std::size_t>(end - begin);
    if (length == 0 || length > 6) return false;
    char16_t lower[6];
    for (std::size_t i = 0; i < length; ++i) {
        const char16_t u = begin[i];
        lower[i] = (u >= u'A' && u <= u'Z') ? static_cast<char16_t>(u | 0x20) : u;
    }
    const std::u16string_view word(lower, length);
    for (std::u16string_view article : kArticles)
        if (word == article) return true;
    return false;
}

// Appends `c` to `out`, case-folded when asked.
void append(icu::UnicodeString& out, char32_t c, bool fold_case) {
    if (fold_case) {
        if (c < 0x80) {
            if (c - 'A' < 26) c |= 0x20;
        } else {
            c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        }
    }
    out.append(static_cast<UChar32>(c));
}

}  // namespace

bool is_arabic_script(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

bool starts_with_arabic_letter(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const int32_t length = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) continue;
        if (u_isalpha(c)) return is_arabic_script(static_cast<char32_t>(c));
    }
    return false;
}

TextNormalizer::TextNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFKC is unavailable");
    latin_fold_table();  // built now, not in the first request
}

namespace {

// The pass of our own folding tables over NFKC text. With `origins`, origins->at(k) is where
// output unit k comes from: in_origins[the index of the input code point it was written for].
icu::UnicodeString fold(const icu::UnicodeString& composed, bool fold_case, bool keep_elisions,
                        const std::vector<std::size_t>* in_origins,
                        std::vector<std::size_t>* origins) {
    const LatinFoldTable& latin = latin_fold_table();
    const char16_t* in = composed.getBuffer();
    const int32_t length = composed.length();
    icu::UnicodeString out;
    out.getBuffer(length + 8);  // reserve
    out.releaseBuffer(0);
    int32_t word_start = 0;  // in `out`: where the run of word characters being written began
    std::size_t origin = 0;  // of the code point being folded

    for (int32_t i = 0; i < length;) {
        // What the previous code point wrote (or erased: an elided article) comes from it.
        if (origins) {
            origins->resize(static_cast<std::size_t>(out.length()), origin);
            origin = (*in_origins)[static_cast<std::size_t>(i)];
        }
        UChar32 raw;
        U16_NEXT(in, i, length, raw);
        const char32_t c = static_cast<char32_t>(raw);

        if (c < 0x80 && c != u'\'') {  // ASCII fast path
            append(out, c, fold_case);
            if (!is_word_char(c)) word_start = out.length();
            continue;
        }
        if (is_apostrophe(c) && keep_elisions) {
            out.append(static_cast<char16_t>(u'\''));
            continue;
        }
        if (is_apostrophe(c)) {
            const char16_t* written = out.getBuffer();
            UChar32 next = 0, after = 0;
            int32_t j = i;
            if (j < length) U16_NEXT(in, j, length, next);
            if (j < length) U16_NEXT(in, j, length, after);
            const bool inside_word = word_start < out.length();
            if (inside_word && next > 0 && u_isalpha(next) &&
                is_elided_article(written + word_start, written + out.length())) {
                out.truncate(word_start);  // "l'État" -> "État"
                continue;
            }
            if (inside_word && (next == u's' || next == u'S') &&
                (after == 0 || !is_word_char(static_cast<char32_t>(after)))) {
                U16_FWD_1(in, i, length);  // "children's" -> "children"
                continue;
            }
            out.append(static_cast<char16_t>(u'\''));
            continue;
        }
        if (is_separating_format_mark(c)) {
            out.append(static_cast<char16_t>(u' '));
            word_start = out.length();
            continue;
        }
        if (const int digit = arabic_digit_value(c); digit >= 0) {
            out.append(static_cast<char16_t>(u'0' + digit));
            continue;
        }
        if (is_arabic_ignorable(c) || (c >= 0x0300 && c <= 0x036F)) continue;
        if (const char16_t folded = fold_arabic_letter(c)) {
            out.append(folded);
            continue;
        }
        if (c == 0x066B || c == 0x066C) {  // Arabic decimal and thousands separators
            out.append(static_cast<char16_t>(c == 0x066B ? u'.' : u','));
            continue;
        }
        if (const std::u16string_view folded = latin.lookup(c); !folded.empty()) {
            for (char16_t unit : folded) append(out, unit, fold_case);
            continue;
        }
        if (u_hasBinaryProperty(raw, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;  // soft hyphen...
        append(out, c, fold_case);
        if (!is_word_char(c)) word_start = out.length();
    }
    if (origins) origins->resize(static_cast<std::size_t>(out.length()), origin);
    return out;
}

}  // namespace

icu::UnicodeString TextNormalizer::normalize_utf16(std::string_view utf8, bool fold_case) const {
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString composed = nfkc_->normalize(source, status);
    if (U_FAILURE(status)) throw Error("ICU NFKC failed");
    return fold(composed, fold_case, /*keep_elisions=*/false, nullptr, nullptr);
}

FoldedText TextNormalizer::fold_with_origins(std::string_view utf8) const {
    FoldedText out;
    // ASCII text (most English) is its own NFKC form and folds to lower case, byte for byte.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; })) {
        out.text.resize(utf8.size());
        std::transform(utf8.begin(), utf8.end(), out.text.begin(), [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
        });
        out.origin.resize(utf8.size() + 1);
        std::iota(out.origin.begin(), out.origin.end(), std::size_t{0});
        return out;
    }
    // The text decoded, each UTF-16 unit with the offset of its character in `utf8`.
    icu::UnicodeString source;
    std::vector<std::size_t> source_origins;
    source_origins.reserve(utf8.size());
    utf8::for_each_code_point(utf8, [&](std::size_t start, std::size_t, UChar32 c) {
        source.append(c);
        source_origins.resize(static_cast<std::size_t>(source.length()), start);
    });
    // NFKC piece by piece, each piece starting at a normalization boundary: the pieces' forms
    // put together are the text's, and each comes from where its piece starts.
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString composed;
    std::vector<std::size_t> composed_origins;
    if (nfkc_->isNormalized(source, status) && U_SUCCESS(status)) {
        composed = source;
        composed_origins = std::move(source_origins);
    } else {
        const int32_t n = source.length();
        for (int32_t begin = 0; begin < n;) {
            int32_t end = begin + U16_LENGTH(source.char32At(begin));
            while (end < n && !nfkc_->hasBoundaryBefore(source.char32At(end)))
                end += U16_LENGTH(source.char32At(end));
            status = U_ZERO_ERROR;
            composed.append(nfkc_->normalize(source.tempSubStringBetween(begin, end), status));
            if (U_FAILURE(status)) throw Error("ICU NFKC failed");
            composed_origins.resize(static_cast<std::size_t>(composed.length()),
                                    source_origins[static_cast<std::size_t>(begin)]);
            begin = end;
        }
    }
    std::vector<std::size_t> unit_origins;
    const icu::UnicodeString folded = fold(composed, /*fold_case=*/true, /*keep_elisions=*/true,
                                           &composed_origins, &unit_origins);

    out.text.reserve(utf8.size());
    out.origin.reserve(utf8.size() + 1);
    for (int32_t i = 0; i < folded.length();) {
        const int32_t start = i;
        const UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        char buffer[U8_MAX_LENGTH];
        int32_t written = 0;
        U8_APPEND_UNSAFE(buffer, written, c);
        out.text.append(buffer, static_cast<std::size_t>(written));
        out.origin.resize(out.text.size(), unit_origins[static_cast<std::size_t>(start)]);
    }
    out.origin.push_back(utf8.size());
    return out;
}

std::string TextNormalizer::normalize(std::string_view utf8, bool fold_case) const {
    std::string result;
    normalize_utf16(utf8, fold_case).toUTF8String(result);
    return result;
}

std::string TextNormalizer::fold_label(std::string_view utf8) const {
    // The apostrophes normalize() leaves alone are made plain first, so that "d‘Ivoire" loses its
    // elided article as "d'Ivoire" does.
    std::string plain;
    plain.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '`') {
            plain.push_back('\'');
        } else if (utf8.substr(i, 3) == "\xE2\x80\x98") {  // ‘
            plain.push_back('\'');
            i += 2;
        } else {
            plain.push_back(utf8[i]);
        }
    }
    const icu::UnicodeString normalized = normalize_utf16(plain, /*fold_case=*/true);
    icu::UnicodeString folded;
    bool pending_space = false;
    for (int32_t i = 0; i < normalized.length();) {
        const UChar32 c = normalized.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            pending_space = !folded.isEmpty();
            continue;
        }
        if (pending_space) folded.append(UChar32(' '));
        pending_space = false;
        folded.append(c == 0x2019 || c == 0x02BC ? UChar32('\'') : c);
    }
    std::string out;
    folded.toUTF8String(out);
    return out;
}

}  // namespace tawsiya::analysis
