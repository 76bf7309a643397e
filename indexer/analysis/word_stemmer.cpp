#include "word_stemmer.hpp"

#include <xapian.h>

#include "text_normalizer.hpp"

namespace tawsiya::analysis {

namespace {

// UTF-8 spellings (2 bytes a letter) of the normalized Arabic letters the rules look at.
constexpr std::string_view kArticle = "ال";
constexpr std::string_view kHeh = "ه";
constexpr std::string_view kTehMarbuta = "ة";
constexpr std::size_t kArabicLetterBytes = 2;

// Prefixes that end in the definite article: conjunction or preposition + ال, and لل (li + al,
// whose alef is dropped in writing). Each is rewritten to a bare ال before Snowball, which strips
// ال, بال, كال and لل itself but leaves وال and فال whole ("والحقوق").
constexpr std::string_view kArticlePrefixes[] = {"وال", "فال", "بال", "كال", "لل"};

// Letters a stem keeps after the article goes (light10 and Lucene: 2, so "الحق" -> "حق").
constexpr std::size_t kMinLettersAfterArticle = 2;

bool is_ascii_number(std::string_view word) {
    if (word.empty()) return false;
    for (char c : word)
        if ((c < '0' || c > '9') && c != '.' && c != ',') return false;
    return true;
}

Xapian::Stem& snowball(Lang lang) {
    thread_local Xapian::Stem arabic("arabic");
    thread_local Xapian::Stem french("french");
    thread_local Xapian::Stem english("english");
    switch (lang) {
        case Lang::ar:
            return arabic;
        case Lang::fr:
            return french;
        case Lang::en:
            return english;
    }
    return english;
}

std::string stem_arabic(std::string_view word) {
    std::string definite = to_bare_article(word);
    if (definite.starts_with(kArticle) &&
        definite.size() >= kArticle.size() + kMinLettersAfterArticle * kArabicLetterBytes) {
        // A definite noun takes no pronoun suffix, so its final heh is the teh marbuta that the
        // normalizer folded: Snowball only strips teh marbuta ("الاتفاقية" -> "اتفاق").
        if (definite.ends_with(kHeh))
            definite.replace(definite.size() - kHeh.size(), kHeh.size(), kTehMarbuta);
        std::string stem = snowball(Lang::ar)(definite);
        // Snowball keeps the article of a short word ("الحق"): light10 takes it off.
        if (stem == definite) stem.erase(0, kArticle.size());
        return stem;
    }
    return snowball(Lang::ar)(definite);
}

}  // namespace

std::string to_bare_article(std::string_view word) {
    for (std::string_view prefix : kArticlePrefixes) {
        if (word.starts_with(prefix) &&
            word.size() >= prefix.size() + kMinLettersAfterArticle * kArabicLetterBytes) {
            std::string definite(kArticle);
            definite += word.substr(prefix.size());
            return definite;
        }
    }
    return std::string(word);
}

std::string stem_word(std::string_view word, Lang lang) {
    if (word.empty() || is_ascii_number(word)) return std::string(word);
    if (starts_with_arabic_letter(word)) return stem_arabic(word);
    if (lang == Lang::ar) return std::string(word);  // a Latin name or acronym in Arabic text
    return snowball(lang)(std::string(word));
}

}  // namespace tawsiya::analysis
