// The Analyzer: normalization, word breaking, stopwords and stemming put together (the rules
// themselves live in text_normalizer, word_stemmer, stopword_list and language_detector).
#include "tawsiya/analyzer.hpp"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <array>

#include "language_detector.hpp"
#include "stopword_list.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/script.hpp"
#include "text_normalizer.hpp"
#include "word_stemmer.hpp"

namespace tawsiya {

namespace {

// Longer "words" are base64, URLs or garbage; Xapian also caps term length.
constexpr std::size_t kMaxTokenBytes = 64;

// ICU break iterators are not thread-safe, and creating one (~4 us) costs more than breaking a
// 300-byte sentence (~2.5 us): each thread clones the root-locale word iterator once
// (BM_break_iterator_* in bench/analysis_bench.cpp).
icu::BreakIterator& thread_word_breaker() {
    static const std::unique_ptr<icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !it) throw Error("ICU word break rules are unavailable");
        return it;
    }();
    thread_local const std::unique_ptr<icu::BreakIterator> clone(prototype->clone());
    return *clone;
}

class AnalyzerStemImplementation : public Xapian::StemImplementation {
  public:
    AnalyzerStemImplementation(const Analyzer& analyzer, Lang lang)
        : analyzer_(analyzer), lang_(lang) {}
    std::string operator()(const std::string& word) override { return analyzer_.stem(word, lang_); }
    std::string get_description() const override {
        return "tawsiya(" + std::string(lang_code(lang_)) + ")";
    }

  private:
    const Analyzer& analyzer_;
    Lang lang_;
};

class AnalyzerStopper : public Xapian::Stopper {
  public:
    AnalyzerStopper(const Analyzer& analyzer, Lang lang) : analyzer_(analyzer), lang_(lang) {}
    bool operator()(const std::string& term) const override {
        return analyzer_.is_stopword(term, lang_);
    }
    std::string get_description() const override {
        return "tawsiya(" + std::string(lang_code(lang_)) + ")";
    }

  private:
    const Analyzer& analyzer_;
    Lang lang_;
};

}  // namespace

struct Analyzer::Impl {
    analysis::TextNormalizer normalizer;
    PerLang<analysis::StopwordList> stopwords = PerLang<analysis::StopwordList>::make(
        [this](Lang lang) { return analysis::StopwordList(lang, normalizer); });

    const analysis::StopwordList& list(Lang lang) const { return stopwords[lang]; }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
    thread_word_breaker();
}

Analyzer::~Analyzer() = default;

std::string Analyzer::normalize(std::string_view text, bool fold_case) const {
    return impl_->normalizer.normalize(text, fold_case);
}

std::string Analyzer::fold_label(std::string_view label) const {
    return impl_->normalizer.fold_label(label);
}

std::vector<Token> Analyzer::tokenize(std::string_view text, Lang lang) const {
    const icu::UnicodeString normalized = impl_->normalizer.normalize_utf16(text, true);
    icu::BreakIterator& breaker = thread_word_breaker();
    breaker.setText(normalized);

    std::vector<Token> tokens;
    tokens.reserve(static_cast<std::size_t>(normalized.length()) / 6);
    unsigned position = 0;
    std::string word;
    for (int32_t start = breaker.first(), end = breaker.next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker.next()) {
        if (breaker.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
        ++position;
        word.clear();
        normalized.tempSubStringBetween(start, end).toUTF8String(word);
        if (word.size() > kMaxTokenBytes) continue;
        Token token;
        token.position = position;
        token.stopword = is_stopword(word, lang);
        if (!token.stopword) token.stem = analysis::stem_word(word, lang);
        token.word = word;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::string Analyzer::stem(std::string_view normalized_word, Lang lang) const {
    return analysis::stem_word(normalized_word, lang);
}

bool is_arabic_word(std::string_view word) {
    return analysis::starts_with_arabic_letter(word);
}

bool Analyzer::is_stopword(std::string_view word, Lang lang) const {
    if (analysis::starts_with_arabic_letter(word)) return impl_->list(Lang::ar).contains(word);
    if (lang == Lang::ar)  // a Latin word in Arabic text: English or French
        return impl_->list(Lang::en).contains(word) || impl_->list(Lang::fr).contains(word);
    return impl_->list(lang).contains(word);
}

Lang Analyzer::detect_language(std::string_view text, Lang latin_tie) const {
    return analysis::detect_language(text, latin_tie);
}

Xapian::Stem Analyzer::query_stemmer(Lang lang) const {
    return Xapian::Stem(new AnalyzerStemImplementation(*this, lang));
}

std::unique_ptr<Xapian::Stopper> Analyzer::query_stopper(Lang lang) const {
    return std::make_unique<AnalyzerStopper>(*this, lang);
}

}  // namespace tawsiya
