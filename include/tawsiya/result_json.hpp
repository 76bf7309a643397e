// JSON of search results, hits, records and index statistics: the shapes of the HTTP API
// (docs/openapi.yaml) and of `tawsiya search --json`, written in one place for both.
//
//   SearchResult: {"total","page","size","query_lang","hits":[Hit...],
//                  "facets":{"body":[{"label","count"}...],"tag:sdg":[...]...}}
//   Hit:          {"id","score","percent","display_lang","text","snippet","snippet_lang",
//                  "mechanism","body","state","year","symbol","paragraph","recommending_states",
//                  "response","tags","responsible"}   (every key present; year null when unknown)
//   Record:       {"id","text":{"ar","fr","en"},"mechanism","body","body_ar","state",
//                  "recommending_states","cycle","session","year","symbol","paragraph",
//                  "response","tags","responsible","status","source"}
//   IndexStats:   {"records","languages":{"ar":n...},"schemes":[...],"revision"}
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string>

#include "tawsiya/search.hpp"

namespace tawsiya {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_json(JsonWriter& writer, const SearchResult& result);
void write_json(JsonWriter& writer, const SearchHit& hit);
void write_json(JsonWriter& writer, const Record& record);
void write_json(JsonWriter& writer, const IndexStats& stats);

// The same as one string (no trailing newline).
std::string search_result_to_json(const SearchResult& result);
std::string hit_to_json(const SearchHit& hit);
std::string record_to_api_json(const Record& record);
std::string stats_to_json(const IndexStats& stats);

}  // namespace tawsiya
