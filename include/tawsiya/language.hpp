// The three languages of UN human-rights documents that tawsiya analyses, and the containers that
// hold one value per language (PerLang) or per ordered pair of languages (LangPair).
//
// Adding a fourth language is meant to fail at compile time, not read out of bounds at run time:
// the switches below have no default, so -Wswitch (an error with TAWSIYA_WERROR, as in CI) names
// each one to extend; lang_index() must then give the new language the next index, which the
// static_assert checks against kAllLangs, whose size sizes every PerLang and LangPair. Code that
// indexes by language goes through PerLang/LangPair, never through a cast of Lang or a literal 3.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace tawsiya {

enum class Lang { ar, fr, en };

inline constexpr std::array kAllLangs{Lang::ar, Lang::fr, Lang::en};
inline constexpr std::size_t kLangCount = kAllLangs.size();

// The position of `lang` in kAllLangs: the index into per-language arrays.
constexpr std::size_t lang_index(Lang lang) {
    std::size_t index = kLangCount;
    switch (lang) {
        case Lang::ar:
            index = 0;
            break;
        case Lang::fr:
            index = 1;
            break;
        case Lang::en:
            index = 2;
            break;
    }
    // A Lang without its case (-Wswitch names it) or missing from kAllLangs: fail loudly, never
    // index past the end of a PerLang.
    if (index >= kLangCount) throw std::logic_error("lang_index: a language outside kAllLangs");
    return index;
}

static_assert(
    [] {
        for (std::size_t i = 0; i < kLangCount; ++i)
            if (lang_index(kAllLangs[i]) != i) return false;
        return true;
    }(),
    "kAllLangs must list every Lang in lang_index order");

// ISO 639-1 code: "ar", "fr", "en".
constexpr std::string_view lang_code(Lang lang) {
    switch (lang) {
        case Lang::ar:
            return "ar";
        case Lang::fr:
            return "fr";
        case Lang::en:
            return "en";
    }
    return "en";
}

// Parses an ISO 639-1 code; nullopt for anything else.
constexpr std::optional<Lang> parse_lang(std::string_view code) {
    for (const Lang lang : kAllLangs)
        if (code == lang_code(lang)) return lang;
    return std::nullopt;
}

// One T per language, indexed by Lang.
template <class T>
class PerLang {
  public:
    PerLang() = default;
    // Each language's value made by make(lang): for types that cannot be default-constructed.
    template <class Make>
    static PerLang make(Make&& make) {
        return make_from(make, std::make_index_sequence<kLangCount>{});
    }

    T& operator[](Lang lang) { return items_[lang_index(lang)]; }
    const T& operator[](Lang lang) const { return items_[lang_index(lang)]; }

    auto begin() { return items_.begin(); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

  private:
    explicit PerLang(std::array<T, kLangCount> items) : items_(std::move(items)) {}
    template <class Make, std::size_t... I>
    static PerLang make_from(Make& make, std::index_sequence<I...>) {
        return PerLang(std::array<T, kLangCount>{make(kAllLangs[I])...});
    }

    std::array<T, kLangCount> items_{};
};

// One T per ordered pair of languages (from, to), the diagonal included.
template <class T>
class LangPair {
  public:
    T& operator()(Lang from, Lang to) { return items_[slot(from, to)]; }
    const T& operator()(Lang from, Lang to) const { return items_[slot(from, to)]; }

    auto begin() { return items_.begin(); }
    auto end() { return items_.end(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

  private:
    static constexpr std::size_t slot(Lang from, Lang to) {
        return lang_index(from) * kLangCount + lang_index(to);
    }
    std::array<T, kLangCount * kLangCount> items_{};
};

}  // namespace tawsiya
