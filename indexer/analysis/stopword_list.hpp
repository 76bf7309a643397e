// StopwordList: one language's stopwords, read from the copy of stopwords/<lang>.txt compiled into
// the binary (private to indexer/analysis).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "tawsiya/language.hpp"
#include "text_normalizer.hpp"

namespace tawsiya::analysis {

class StopwordList {
  public:
    // Reads "<lang>.txt": one word a line, '#' starts a comment. Each word goes through the
    // normalizer, so a list may be written with hamza, tashkeel, accents or capitals.
    StopwordList(Lang lang, const TextNormalizer& normalizer);

    bool contains(std::string_view normalized_word) const {
        return words_.find(normalized_word) != words_.end();
    }
    std::size_t size() const { return words_.size(); }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace tawsiya::analysis
