// Search over an index: the engine behind `tawsiya search` and `GET /api/search`. It knows nothing
// of HTTP or the command line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"
#include "tawsiya/record.hpp"

namespace tawsiya {

struct SearchLimits {
    std::size_t max_query_bytes = 2000;
    std::size_t max_page_size = 100;
    std::size_t max_page = 1000;
    unsigned max_wildcard_expansion = 200;
    double time_limit_seconds = 2.0;
};

// BM25 parameters (Xapian::BM25Weight's k1 and b); docs/search.md says why these values.
struct Bm25Params {
    double k1 = 1.2;
    double b = 0.3;
};

struct SearchRequest {
    std::string query;  // QueryParser syntax: AND/OR/NOT, "phrases", wild*, field:value
    // The searcher's language (the page's): a short query (at most kShortQueryWords words) is
    // analysed in it and the records with a version in it rank first; a longer query's language
    // is detected, this one winning ties, and it breaks ties of ranking. Absent: detected.
    std::optional<Lang> lang;
    std::map<std::string, std::vector<std::string>>
        filters;  // facet name -> labels (OR within, AND across)
    std::optional<int> year_from, year_to;
    enum class Sort { relevance, year_desc, year_asc } sort = Sort::relevance;
    std::size_t page = 1, size = 10;  // 1-based page
    std::optional<Lang> display;      // the language version to show; fallback when missing
    bool facets = true;               // compute facet counts
    bool xlang = false;     // also find records in the two other languages (docs/cross-language.md)
    bool any_word = false;  // words joined by OR instead of AND (ranking long texts, evaluation)
    std::optional<Lang> ui;  // the language of facet values' display names; absent: display, lang
};

// Queries of at most this many words cannot be language-identified reliably (docs/search.md).
inline constexpr std::size_t kShortQueryWords = 3;

struct SearchHit {
    Record record;
    double score = 0;
    int percent = 0;
    Lang display_lang = Lang::en;  // the version shown
    std::string snippet;           // HTML-escaped, highlights in <mark>...</mark>
    Lang snippet_lang = Lang::en;  // the language the snippet was taken from
};

struct FacetValue {
    std::string label;  // what a filter takes: a state's canonical English name
    std::size_t count = 0;
    std::string display;  // the label to show in SearchRequest::ui's language (a state's name)
};

struct SearchResult {
    std::size_t total = 0;  // estimated number of matches
    std::size_t page = 1, size = 10;
    Lang query_lang = Lang::en;
    std::vector<SearchHit> hits;
    std::map<std::string, std::vector<FacetValue>>
        facets;  // facet name ("body", "tag:sdg"...) -> counts
};

struct IndexStats {
    std::size_t records = 0;
    std::map<std::string, std::size_t> languages;  // "ar" -> records with an Arabic version
    std::vector<std::string> schemes;              // tag schemes present
    std::string revision;                          // the index revision (changes at each commit)
};

// One Searcher per thread (a Xapian::Database is not thread-safe); the Analyzer is shared.
class Searcher {
  public:
    // Throws IndexError("cannot open index at DIR: reason").
    Searcher(const std::string& db_dir, const Analyzer& analyzer, SearchLimits limits = {},
             Bm25Params ranking = {});
    ~Searcher();
    // Throws UsageError/LimitError naming the parameter ("q", "size", "page", a facet).
    SearchResult search(const SearchRequest& request);
    Record record(const std::string& id);  // throws NotFoundError
    IndexStats stats();
    bool reopen();                   // picks up a newer commit; true if it changed
    std::uint64_t revision() const;  // the revision being read, cheaply (for caches)

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tawsiya
