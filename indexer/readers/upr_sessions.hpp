// The UPR Working Group's calendar: the year of each session and the cycle it belongs to
// (private to indexer/readers; sources give the session and leave the rest to be derived).
#pragma once

#include <optional>
#include <string_view>

namespace tawsiya::readers {

// The year a UPR Working Group session was held (sessions 1-47, 2008-2024).
std::optional<int> upr_session_year(int session);

// The review cycle of a session: 1 (sessions 1-12), 2 (13-26), 3 (27-40), 4 (41-54).
std::optional<int> upr_session_cycle(int session);

// An English ordinal word as written in reports ("thirteenth", "twenty-first") to its number.
std::optional<int> parse_ordinal_word(std::string_view word);

}  // namespace tawsiya::readers
