#include "engine/snippets.hpp"

#include <optional>
#include <vector>

namespace tawsiya::engine {

namespace {

class NormalizingStemmer : public Xapian::StemImplementation {
  public:
    NormalizingStemmer(const Analyzer& analyzer, Lang lang) : analyzer_(analyzer), lang_(lang) {}
    std::string operator()(const std::string& word) override {
        return analyzer_.stem(analyzer_.normalize(word), lang_);
    }
    std::string get_description() const override {
        return "tawsiya normalizing stemmer (" + std::string(lang_code(lang_)) + ")";
    }

  private:
    const Analyzer& analyzer_;
    Lang lang_;
};

constexpr std::string_view kMarkStart = "<mark>";

}  // namespace

SnippetMaker::SnippetMaker(const Analyzer& analyzer) {
    for (const Lang lang : kAllLangs)
        stemmers_[lang] = Xapian::Stem(new NormalizingStemmer(analyzer, lang));
}

Snippet SnippetMaker::make(const Xapian::MSet& mset, const Record& record, Lang query_lang,
                           Lang display_lang) const {
    std::vector<Lang> order{query_lang};
    for (const Lang lang : {display_lang, Lang::en, Lang::fr, Lang::ar}) {
        bool seen = false;
        for (const Lang l : order) seen = seen || l == lang;
        if (!seen) order.push_back(lang);
    }
    std::optional<Snippet> fallback;
    for (const Lang lang : order) {
        const auto text = record.text.find(lang);
        if (text == record.text.end()) continue;
        // Non-empty markers: Xapian then escapes the text as HTML (with empty ones it does not).
        Snippet snippet{mset.snippet(text->second, kLength, stemmers_[lang],
                                     Xapian::MSet::SNIPPET_BACKGROUND_MODEL,
                                     std::string(kMarkStart), "</mark>", "…"),
                        lang};
        if (snippet.html.find(kMarkStart) != std::string::npos) return snippet;
        if (!fallback || lang == display_lang) fallback = std::move(snippet);
    }
    return fallback.value_or(Snippet{"", display_lang});
}

}  // namespace tawsiya::engine
