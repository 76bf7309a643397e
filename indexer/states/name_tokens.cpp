#include "name_tokens.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <array>
#include <cctype>

#include "../analysis/text_normalizer.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::states {

namespace {

const analysis::TextNormalizer& normalizer() {
    static const analysis::TextNormalizer instance;
    return instance;
}

// A word is a run of letters, digits and combining marks, as the normalizer counts them.
bool is_word_char(UChar32 c) {
    if (c < 0) return false;
    if (c < 0x80)
        return static_cast<uint32_t>((c | 0x20) - 'a') < 26 || static_cast<uint32_t>(c - '0') < 10;
    if (c >= 0x0620 && c <= 0x0669) return true;  // Arabic letters, marks, digits: the usual case
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

// Punctuation that ends a phrase: what stands between a name and the verb it is the subject of
// must not be one of these ("Morocco, with Norway, should": Norway is not the subject).
bool is_phrase_punctuation(UChar32 c) {
    if (c < 0x80) return c != '-' && c != '\'' && c != ' ' && std::ispunct(c);
    return c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x060C || c == 0x061B ||
           c == 0x061F || c == 0x2026 || c == 0x2013 || c == 0x2014;
}

// The words the normalizer deletes: a French elided article before an apostrophe and a letter
// ("l’État"), an English possessive "s" ("children's"). Mirrored here so that the words of the
// source line up one to one with the words of its normalized form.
bool is_elided_article(std::string_view word) {
    static constexpr std::array<std::string_view, 13> kArticles{
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
    for (std::string_view article : kArticles)
        if (scan::equals_icase(word, article)) return true;
    return false;
}

struct Span {
    std::size_t begin, end;
    bool ascii, capitalized, arabic, in_parentheses, after_punctuation;
};

UChar32 decode_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return 0;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    return c;
}

// The words of the source, with what the normalizer would delete left out.
std::vector<Span> source_spans(std::string_view text) {
    std::vector<Span> spans;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int depth = 0;
    bool punctuation = false;
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (!is_word_char(c)) {
            if (c == '(') ++depth;
            if (c == ')' && depth > 0) --depth;
            if (is_phrase_punctuation(c)) punctuation = true;
            continue;
        }
        Span span{static_cast<std::size_t>(start), 0, true, false, false, depth > 0, punctuation};
        span.capitalized = c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c));
        span.arabic = analysis::is_arabic_script(static_cast<char32_t>(c));
        int32_t end = i;
        for (;;) {
            if (c >= 0x80) span.ascii = false;
            end = i;
            if (i >= length) break;
            int32_t next = i;
            U8_NEXT(s, next, length, c);
            if (!is_word_char(c)) break;
            i = next;
        }
        span.end = static_cast<std::size_t>(end);
        const std::string_view word = text.substr(span.begin, span.end - span.begin);
        const UChar32 after = decode_at(text, span.end);
        if (is_apostrophe(after)) {
            std::size_t next = span.end + static_cast<std::size_t>(U8_LENGTH(after));
            if (u_isalpha(decode_at(text, next)) && is_elided_article(word)) continue;
        }
        if ((word == "s" || word == "S") && span.begin > 0 && !spans.empty() &&
            spans.back().end + 1 <= span.begin) {
            // "'s" right after a word: the apostrophe is the one byte or one sequence between.
            const std::string_view between =
                text.substr(spans.back().end, span.begin - spans.back().end);
            if (between == "'" || between == "\xE2\x80\x99" || between == "\xCA\xBC") continue;
        }
        punctuation = false;
        spans.push_back(span);
    }
    return spans;
}

// The normalized words of `normalized` (already case-folded).
std::vector<std::string_view> normalized_words(std::string_view normalized) {
    std::vector<std::string_view> words;
    const auto* s = reinterpret_cast<const uint8_t*>(normalized.data());
    const int32_t length = static_cast<int32_t>(normalized.size());
    int32_t begin = -1;
    for (int32_t i = 0; i < length;) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (is_word_char(c)) {
            if (begin < 0) begin = at;
        } else if (begin >= 0) {
            words.push_back(normalized.substr(static_cast<std::size_t>(begin),
                                              static_cast<std::size_t>(at - begin)));
            begin = -1;
        }
    }
    if (begin >= 0) words.push_back(normalized.substr(static_cast<std::size_t>(begin)));
    return words;
}

bool equals_lower_ascii(std::string_view source, std::string_view normalized) {
    if (source.size() != normalized.size()) return false;
    for (std::size_t i = 0; i < source.size(); ++i)
        if (scan::lower(source[i]) != normalized[i]) return false;
    return true;
}

bool is_connector(std::string_view word) {
    return word == "and" || word == "et" || word == "\xD9\x88";  // و
}

void add_token(std::vector<NameToken>& tokens, std::string_view word, const Span& span) {
    if (is_connector(word)) return;
    NameToken token{std::string(word),     span.begin,  span.end,
                    span.capitalized,      span.arabic, span.in_parentheses,
                    span.after_punctuation};
    if (token.word == "st") token.word = "saint";
    if (token.word == "ste") token.word = "sainte";
    tokens.push_back(std::move(token));
}

}  // namespace

std::vector<NameToken> name_tokens(std::string_view text) {
    const std::vector<Span> spans = source_spans(text);
    std::vector<NameToken> tokens;
    tokens.reserve(spans.size());
    // On ASCII the normalizer only folds case (source_spans already left out what it deletes):
    // most English texts need no ICU pass.
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; })) {
        std::string word;
        for (const Span& span : spans) {
            word = scan::lower_ascii(text.substr(span.begin, span.end - span.begin));
            add_token(tokens, word, span);
        }
        return tokens;
    }
    const std::string normalized = normalizer().normalize(text, /*fold_case=*/true);
    const std::vector<std::string_view> words = normalized_words(normalized);

    // One normalization of the whole text is the fast path; it is used when its words line up
    // with the source's (the ASCII ones are checked), which is the case unless NFKC split or
    // joined words. Otherwise each source word is normalized alone.
    bool aligned = words.size() == spans.size();
    for (std::size_t i = 0; aligned && i < spans.size(); ++i)
        if (spans[i].ascii &&
            !equals_lower_ascii(text.substr(spans[i].begin, spans[i].end - spans[i].begin),
                                words[i]))
            aligned = false;
    if (aligned) {
        for (std::size_t i = 0; i < spans.size(); ++i) add_token(tokens, words[i], spans[i]);
        return tokens;
    }
    for (const Span& span : spans) {
        const std::string one =
            normalizer().normalize(text.substr(span.begin, span.end - span.begin), true);
        for (std::string_view word : normalized_words(one)) add_token(tokens, word, span);
    }
    return tokens;
}

bool is_article(std::string_view word) {
    static constexpr std::array<std::string_view, 9> kArticles{"the", "le", "la",  "les", "du",
                                                               "des", "au", "aux", "de"};
    for (std::string_view article : kArticles)
        if (word == article) return true;
    return false;
}

std::string name_key(std::string_view name) {
    std::string key;
    bool leading = true;
    for (const NameToken& token : name_tokens(name)) {
        if (leading && (token.word == "the" || token.word == "le" || token.word == "la" ||
                        token.word == "les"))
            continue;
        leading = false;
        if (!key.empty()) key += ' ';
        key += token.word;
    }
    return key;
}

}  // namespace tawsiya::states
