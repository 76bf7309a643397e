// The index schema: every term prefix and value slot tawsiya uses, declared here and nowhere else.
//
// Text:   unprefixed terms = normalized words with positions (phrases, wildcards);
//         "Z" + stem       = stemmed words, no positions (Xapian's QueryParser convention).
// Facets: boolean terms "<prefix>:<label>" with the label as in the record (case kept), so a term
//         maps back to its label for facet counts; tags are "XT<scheme>:<label>". A state (under
//         review or recommending) is labelled by its canonical name (see facet_label_of).
// Values: slots below, for sorting, ranges and collapsing; and one slot holding the ids of
//         the document's counted facet labels in one (kSlotFacets, facet_value), which facet counts
//         read through Xapian::ValueCountMatchSpy: the one way of counting that works on a
//         Xapian::Database made of remote shards (docs/scale.md).
#pragma once

#include <xapian.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tawsiya/language.hpp"

namespace tawsiya::schema {

inline constexpr std::string_view kIdPrefix = "Q";    // unique id term: "Q" + record id
inline constexpr std::string_view kStemPrefix = "Z";  // stemmed text terms

// Boolean facet prefixes. Each facet term is prefix + ":" + label (see facet_term).
struct Facet {
    std::string_view name;    // the name in the API and in query fields (state:Morocco)
    std::string_view prefix;  // the term prefix
};
inline constexpr Facet kMechanism{"mechanism", "XM"};
inline constexpr Facet kBody{"body", "XB"};
inline constexpr Facet kState{"state", "XS"};
inline constexpr Facet kRecommending{"recommending", "XR"};
inline constexpr Facet kYear{"year", "XY"};
inline constexpr Facet kCycle{"cycle", "XC"};
inline constexpr Facet kSession{"session", "XN"};
inline constexpr Facet kResponse{"response", "XP"};
inline constexpr Facet kResponsible{"responsible", "XO"};
inline constexpr Facet kLanguage{"lang", "XL"};
inline constexpr Facet kSource{"source", "XF"};
inline constexpr Facet kStatus{"status", "XU"};
inline constexpr Facet kSymbol{"symbol", "XD"};

inline constexpr Facet kFixedFacets[] = {kMechanism, kBody,    kState,    kRecommending, kYear,
                                         kCycle,     kSession, kResponse, kResponsible,  kLanguage,
                                         kSource,    kStatus,  kSymbol};

// Tag schemes are open-ended (uprinfo_issue, sdg, didh_axis, ...): "XT" + scheme + ":" + label.
inline constexpr std::string_view kTagPrefix = "XT";

// Value slots. Slots 2-4 held the mechanism, body and state until no reader used them (facets
// are counted from the boolean terms); indexes of schema version 2 written before may still hold
// them, so a new use of those numbers changes kSchemaVersion.
enum Slot : Xapian::valueno {
    kSlotYear = 0,    // sortable_serialise(year): sorting by date, year ranges
    kSlotId = 1,      // record id: the evaluation's BM25 baseline reads it (bench/retrieval_eval)
    kSlotFacets = 5,  // facet_value: the counted labels' ids, for ValueCountMatchSpy (version 4)
    kSlotRequestStems = 6,  // request_stems_value: what match compares of each version
};

// The facets whose labels are counted in search results (the search's facet counts, besides
// every tag scheme): the ones kSlotFacets holds. Cycle, session, source and symbol are filters
// only: counting them would need a new kSchemaVersion.
inline constexpr Facet kCountedFacets[] = {
    kMechanism, kBody, kState, kYear, kResponse, kRecommending, kResponsible, kLanguage, kStatus};
bool is_counted_facet(std::string_view prefix);  // one of kCountedFacets, or a tag prefix

// The document's counted facet labels as one value (kSlotFacets): the facet_id of each of its
// counted facet terms, sorted, each once, 4 bytes each (high byte first). Xapian's
// ValueCountMatchSpy counts each distinct value, and each id of a value gets that value's count;
// the client names an id by the index's facet terms (engine/facet_counter.hpp). Ids, not the
// labels: a search reads this value for every match, and the labels' bytes (183 a record on the
// shared corpus, against 39 as ids) were most of a broad search's time (docs/scale.md). One
// value, not a slot per facet: each slot read per match costs its own value-stream step.
using FacetId = std::uint32_t;
FacetId facet_id(std::string_view term);  // FNV-1a (32 bits) of the term: the same on every shard
std::string facet_value(std::vector<std::string_view> terms);
// `visit(id)` for each id of `value` (a cut last id is ignored).
template <typename Visit>
void for_each_facet_id(std::string_view value, Visit visit);

// Each language version's request_word_stems (tawsiya/recommendation_text.hpp) as one value
// (kSlotRequestStems): per version its language code, then its stems in text order, each item
// ended by '\x1f' and each version by '\x1e' (stems are words: no control character in them).
// Match reads it for each candidate instead of analysing the candidate's text again, which was a
// quarter of a match's time. The slot was added without a new kSchemaVersion: a document written
// before it has none, and match analyses that document's text as it did.
using VersionStems = std::vector<std::pair<Lang, std::vector<std::string>>>;
std::string request_stems_value(const VersionStems& versions);
// The versions a value holds; nullopt for a value that is not one (none, or another's).
std::optional<VersionStems> parse_request_stems(std::string_view value);

// Metadata keys stored in the index.
inline constexpr std::string_view kMetaSchemaVersion = "tawsiya.schema_version";
// 2: state and recommending-state labels are canonical names ("Chine" and "China" are one term).
// 3: the facet labels also in kSlotFacets, for facet counts over remote shards.
// 4: kSlotFacets holds the counted labels' facet_ids instead of the labels of every facet.
inline constexpr std::string_view kSchemaVersion = "4";

// Xapian refuses terms over 245 bytes; long labels are cut at a UTF-8 boundary.
inline constexpr std::size_t kMaxTermBytes = 240;
// A tag scheme is part of every term of its labels ("XT<scheme>:<label>"), so it cannot be cut:
// a longer one is refused, which leaves at least 137 bytes of each label.
inline constexpr std::size_t kMaxSchemeBytes = 100;

// A name a tag scheme can have: non-empty, at most kMaxSchemeBytes, no ':' (the term separator)
// and no white space; case kept ("SDG" and "sdg" are two schemes). What the record readers accept.
bool is_tag_scheme(std::string_view scheme);

// The label a facet term holds for `label`. Under the state and recommending-state prefixes, the
// canonical name of a known state, whatever its spelling or language ("Chine", "China" ->
// "China"; see tawsiya/state_names.hpp); any other label unchanged. The index and the queries
// both build their terms through it, so a filter state:Maroc finds the records of "Morocco".
std::string facet_label_of(std::string_view prefix, std::string_view label);

// The boolean term of a facet label: prefix + ":" + facet_label_of(prefix, label), cut to
// kMaxTermBytes.
std::string facet_term(std::string_view prefix, std::string_view label);
std::string facet_term(const Facet& facet, std::string_view label);
std::string tag_prefix(std::string_view scheme);  // "XT" + scheme
std::string tag_term(std::string_view scheme, std::string_view label);
std::string id_term(std::string_view id);

// The label of a facet term that starts with `prefix` (the part after "prefix:"), or nullopt.
std::optional<std::string> facet_label(std::string_view term, std::string_view prefix);

template <typename Visit>
void for_each_facet_id(std::string_view value, Visit visit) {
    for (std::size_t at = 0; at + 4 <= value.size(); at += 4) {
        FacetId id = 0;
        for (std::size_t i = 0; i < 4; ++i)
            id = (id << 8) | static_cast<unsigned char>(value[at + i]);
        visit(id);
    }
}

}  // namespace tawsiya::schema
