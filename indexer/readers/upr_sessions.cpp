#include "upr_sessions.hpp"

#include <array>
#include <cctype>
#include <string>

#include "tawsiya/text_scan.hpp"

namespace tawsiya::readers {

std::optional<int> upr_session_year(int session) {
    // From the OHCHR UPR sessions calendar; sessions 1-17 agree with the UPR Info exports.
    static constexpr std::array<int, 48> kYear{
        0,    2008, 2008, 2008, 2009, 2009, 2009, 2010, 2010, 2010, 2011, 2011,
        2011, 2012, 2012, 2013, 2013, 2013, 2014, 2014, 2014, 2015, 2015, 2015,
        2016, 2016, 2016, 2017, 2017, 2018, 2018, 2018, 2019, 2019, 2019, 2020,
        2020, 2021, 2021, 2021, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024};
    if (session < 1 || session >= static_cast<int>(kYear.size())) return std::nullopt;
    return kYear[static_cast<std::size_t>(session)];
}

std::optional<int> upr_session_cycle(int session) {
    if (session < 1 || session > 54) return std::nullopt;
    // The first cycle had 12 sessions, later ones 14.
    return session <= 12 ? 1 : 2 + (session - 13) / 14;
}

std::optional<int> parse_ordinal_word(std::string_view word) {
    static constexpr std::array<std::string_view, 20> kUnits{
        "",          "first",     "second",      "third",      "fourth",
        "fifth",     "sixth",     "seventh",     "eighth",     "ninth",
        "tenth",     "eleventh",  "twelfth",     "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    static constexpr std::array<std::string_view, 5> kTensOrdinal{"twentieth", "thirtieth",
                                                                  "fortieth", "fiftieth", ""};
    static constexpr std::array<std::string_view, 4> kTens{"twenty", "thirty", "forty", "fifty"};
    const std::string w = scan::lower_ascii(word);
    for (std::size_t i = 1; i < kUnits.size(); ++i)
        if (w == kUnits[i]) return static_cast<int>(i);
    for (std::size_t t = 0; t < kTens.size(); ++t) {
        const int base = 20 + 10 * static_cast<int>(t);
        if (w == kTensOrdinal[t]) return base;
        const std::string prefix = std::string(kTens[t]) + "-";
        if (w.rfind(prefix, 0) == 0) {
            const std::string unit = w.substr(prefix.size());
            for (std::size_t i = 1; i < 10; ++i)
                if (unit == kUnits[i]) return base + static_cast<int>(i);
        }
    }
    return std::nullopt;
}

}  // namespace tawsiya::readers
