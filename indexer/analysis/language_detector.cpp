#include "language_detector.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <string>

#include "text_normalizer.hpp"

namespace tawsiya::analysis {

namespace {

// The most frequent words of UN French and English that the other language does not use as a
// word of its own ("a", "on", "en"... are left out of English; "as", "plan"... out of French),
// and the words of document headings (months, days, "M." / "Mr.", "point" / "item"), which are
// often all a short line has.
constexpr std::string_view kFrenchProfile[] = {"le",
                                               "la",
                                               "les",
                                               "des",
                                               "du",
                                               "de",
                                               "un",
                                               "une",
                                               "et",
                                               "est",
                                               "dans",
                                               "pour",
                                               "par",
                                               "sur",
                                               "au",
                                               "aux",
                                               "qui",
                                               "que",
                                               "ne",
                                               "pas",
                                               "ce",
                                               "cette",
                                               "ces",
                                               "son",
                                               "sa",
                                               "ses",
                                               "leur",
                                               "leurs",
                                               "il",
                                               "elle",
                                               "ils",
                                               "nous",
                                               "vous",
                                               "avec",
                                               "sont",
                                               "été",
                                               "être",
                                               "plus",
                                               "ou",
                                               "où",
                                               "entre",
                                               "afin",
                                               "selon",
                                               "aussi",
                                               "dont",
                                               "notamment",
                                               "l",
                                               "d",
                                               "qu",
                                               "lorsqu",
                                               "jusqu",
                                               "mettre",
                                               "veiller",
                                               "droits",
                                               "enfants",
                                               "femmes",
                                               "personnes",
                                               "contre",
                                               "m",
                                               "mme",
                                               "janvier",
                                               "février",
                                               "mars",
                                               "avril",
                                               "mai",
                                               "juin",
                                               "juillet",
                                               "août",
                                               "septembre",
                                               "octobre",
                                               "novembre",
                                               "décembre",
                                               "lundi",
                                               "mardi",
                                               "mercredi",
                                               "jeudi",
                                               "vendredi",
                                               "samedi",
                                               "dimanche",
                                               "point",
                                               "questions",
                                               "diverses",
                                               "additif",
                                               "rectificatif",
                                               "recommandations",
                                               "partie",
                                               "rapport",
                                               "séance",
                                               "ordre",
                                               "jour",
                                               "projet",
                                               "annexe"};
constexpr std::string_view kEnglishProfile[] = {"the",
                                                "of",
                                                "and",
                                                "to",
                                                "in",
                                                "for",
                                                "by",
                                                "with",
                                                "is",
                                                "are",
                                                "be",
                                                "that",
                                                "this",
                                                "these",
                                                "which",
                                                "its",
                                                "their",
                                                "from",
                                                "at",
                                                "an",
                                                "or",
                                                "not",
                                                "have",
                                                "has",
                                                "was",
                                                "were",
                                                "should",
                                                "all",
                                                "it",
                                                "they",
                                                "such",
                                                "into",
                                                "other",
                                                "been",
                                                "those",
                                                "s",
                                                "ensure",
                                                "rights",
                                                "children",
                                                "women",
                                                "persons",
                                                "against",
                                                "take",
                                                "measures",
                                                "mr",
                                                "ms",
                                                "mrs",
                                                "january",
                                                "february",
                                                "march",
                                                "april",
                                                "may",
                                                "june",
                                                "july",
                                                "august",
                                                "september",
                                                "october",
                                                "november",
                                                "december",
                                                "monday",
                                                "tuesday",
                                                "wednesday",
                                                "thursday",
                                                "friday",
                                                "saturday",
                                                "sunday",
                                                "item",
                                                "agenda",
                                                "addendum",
                                                "corrigendum",
                                                "recommendations",
                                                "part",
                                                "report",
                                                "meeting",
                                                "draft",
                                                "annex",
                                                "general"};

template <std::size_t N>
bool in_profile(const std::string_view (&profile)[N], std::string_view word) {
    return std::find(profile, profile + N, word) != profile + N;
}

bool is_french_accent(UChar32 c) {
    switch (c) {
        case 0xE9:
        case 0xE8:
        case 0xEA:
        case 0xE0:
        case 0xE2:
        case 0xE7:
        case 0xF9:
        case 0xFB:
        case 0xEE:
        case 0xF4:
        case 0xEB:
        case 0xEF:
        case 0x153:
        case 0xC9:
        case 0xC8:
        case 0xC0:
        case 0xC7:
            return true;
        default:
            return false;
    }
}

struct Evidence {
    std::size_t arabic_letters = 0;
    std::size_t other_letters = 0;
    double french = 0;
    double english = 0;
};

void score_word(const std::string& word, bool has_french_accent, Evidence& evidence) {
    if (word.empty()) return;
    if (in_profile(kFrenchProfile, word)) evidence.french += 1;
    if (in_profile(kEnglishProfile, word)) evidence.english += 1;
    if (has_french_accent) evidence.french += 0.5;
}

}  // namespace

Lang detect_language(std::string_view text, Lang latin_tie) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    Evidence evidence;
    std::string word;  // lower-cased, accents kept
    bool accent = false;
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) continue;
        if (u_isalpha(c)) {
            if (is_arabic_script(static_cast<char32_t>(c)))
                ++evidence.arabic_letters;
            else
                ++evidence.other_letters;
            accent = accent || is_french_accent(c);
            if (c < 0x80)
                word += static_cast<char>(c | 0x20);
            else if (c == 0xC9 || c == 0xC8 || c == 0xC0 || c == 0xC7)  // É È À Ç: lower-case
                word.append(reinterpret_cast<const char*>(s + start), i - start),
                    word.back() = static_cast<char>(word.back() | 0x20);
            else
                word.append(reinterpret_cast<const char*>(s + start), i - start);
            continue;
        }
        score_word(word, accent, evidence);  // an apostrophe ends "l" of "l'État" as a word
        word.clear();
        accent = false;
    }
    score_word(word, accent, evidence);

    const std::size_t letters = evidence.arabic_letters + evidence.other_letters;
    // Arabic text quotes Latin names and acronyms ("شركة Empresa Argentina ... (ARSAT)"): a
    // third of the letters in Arabic script is enough.
    if (letters > 0 && evidence.arabic_letters * 10 >= letters * 3) return Lang::ar;
    if (evidence.french == evidence.english) return latin_tie == Lang::fr ? Lang::fr : Lang::en;
    return evidence.french > evidence.english ? Lang::fr : Lang::en;
}

}  // namespace tawsiya::analysis
