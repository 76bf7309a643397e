// Files compiled into the binary (cmake/embed_files.cmake): stopword lists, the web page, the
// lexicon.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "tawsiya/language.hpp"

namespace tawsiya::embedded {

struct EmbeddedFile {
    std::string_view name;  // path relative to its folder: "ar.txt", "index.html", "js/app.js"
    std::string_view data;
};

std::span<const EmbeddedFile> stopword_files();  // stopwords/*.txt
std::span<const EmbeddedFile> web_assets();      // server/assets/**
std::span<const EmbeddedFile> lexicon_files();   // lexicon/*.tsv (terms, synonyms, SDG texts)

// The lexicon file of that name, or empty when the build holds none of that name.
inline std::string_view lexicon_file(std::string_view name) {
    for (const EmbeddedFile& file : lexicon_files())
        if (file.name == name) return file.data;
    return {};
}

// The files of the lexicon folder, each read by its own reader.
inline constexpr std::string_view kLexiconTermsFile = "human-rights.tsv";   // aligned_segments
inline constexpr std::string_view kSynonymsFile = "synonyms.tsv";           // engine/synonyms
inline constexpr std::string_view kRequestSlotsFile = "request-slots.tsv";  // engine/request_slots
inline constexpr std::string_view kActionDegreeFile = "action-degree.tsv";  // engine/action_degree
inline constexpr std::string_view kSdgTargetsFile = "sdg-targets.tsv";      // engine/sdg_targets

// The languages of the terms file's columns, in order (English<TAB>French<TAB>Arabic).
inline constexpr std::array kLexiconColumns{Lang::en, Lang::fr, Lang::ar};

}  // namespace tawsiya::embedded
