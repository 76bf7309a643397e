// The three languages of UN human-rights documents that tawsiya analyses.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace tawsiya {

enum class Lang { ar, fr, en };

inline constexpr std::array<Lang, 3> kAllLangs{Lang::ar, Lang::fr, Lang::en};

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
    if (code == "ar") return Lang::ar;
    if (code == "fr") return Lang::fr;
    if (code == "en") return Lang::en;
    return std::nullopt;
}

}  // namespace tawsiya
