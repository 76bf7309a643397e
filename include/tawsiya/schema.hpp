// The index schema: every term prefix and value slot tawsiya uses, declared here and nowhere else.
//
// Text:   unprefixed terms = normalized words with positions (phrases, wildcards);
//         "Z" + stem       = stemmed words, no positions (Xapian's QueryParser convention).
// Facets: boolean terms "<prefix>:<label>" with the label as in the record (case kept), so a term
//         maps back to its label for facet counts; tags are "XT<scheme>:<label>". A state (under
//         review or recommending) is labelled by its canonical name (see facet_label_of).
// Values: slots below, for sorting, ranges and collapsing; and one slot per facet prefix holding
//         the document's labels of that facet (facet_slot, facet_value), which facet counts read
//         through Xapian::ValueCountMatchSpy: the one way of counting that works on a
//         Xapian::Database made of remote shards (docs/scale.md).
#pragma once

#include <xapian.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    kSlotYear = 0,  // sortable_serialise(year): sorting by date, year ranges
    kSlotId = 1,    // record id: the evaluation's BM25 baseline reads it (bench/retrieval_eval)
};

// The value slot of a facet prefix ("XS", "XTsdg"): a hash of the prefix above the fixed slots,
// so that every shard of an index, written on its own, puts a tag scheme in the same slot without
// a table (tests/test_index_writer.cpp checks the fixed facets and the corpus's schemes apart).
Xapian::valueno facet_slot(std::string_view prefix);

// A document's labels of one facet as one value: sorted, each once, each as its length (a
// varint) then its bytes. A record has several labels of some facets (two themes, three
// recommending states); ValueCountMatchSpy counts each distinct set, and facet_value_labels
// gives back the labels of a set, whose count goes to each of them.
std::string facet_value(std::vector<std::string> labels);
std::vector<std::string> facet_value_labels(std::string_view value);

// Metadata keys stored in the index.
inline constexpr std::string_view kMetaSchemaVersion = "tawsiya.schema_version";
// 2: state and recommending-state labels are canonical names ("Chine" and "China" are one term).
// 3: each facet's labels also in its value slot (facet_slot), for counts over remote shards.
inline constexpr std::string_view kSchemaVersion = "3";

// Xapian refuses terms over 245 bytes; long labels are cut at a UTF-8 boundary.
inline constexpr std::size_t kMaxTermBytes = 240;
// A tag scheme is part of every term of its labels ("XT<scheme>:<label>"), so it cannot be cut:
// a longer one is refused, which leaves at least 137 bytes of each label.
inline constexpr std::size_t kMaxSchemeBytes = 100;

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

}  // namespace tawsiya::schema
