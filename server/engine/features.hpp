// TF-IDF features of a text's stems: the representation the trained taggers learn from and predict
// on, and the one match scores compare.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tawsiya/analyzer.hpp"
#include "tawsiya/language.hpp"

namespace tawsiya::features {

// Feature index and weight, sorted by index, L2-normalised.
using SparseVector = std::vector<std::pair<std::uint32_t, float>>;

// Smoothed inverse document frequency (as scikit-learn's): log((1 + N) / (1 + df)) + 1.
double idf(double documents, double document_frequency);

// Sublinear term weight: 1 + log(count).
double tf(unsigned count);

// The content stems of a text in one language: its paragraph number and recommending states
// stripped, stopwords left out, one entry per occurrence.
std::vector<std::string> content_stems(std::string_view text, Lang lang, const Analyzer& analyzer);

// The content stems without the lead-in (strip_lead_in: "The Committee recommends that the State
// party take all necessary measures to"), synonymous phrases made canonical (engine/synonyms.hpp):
// what matching and deduplication compare.
std::vector<std::string> request_stems(std::string_view text, Lang lang, const Analyzer& analyzer);

// The same of a text already cleaned by strip_recommendation_noise.
std::vector<std::string> request_stems_of_content(std::string_view content, Lang lang,
                                                  const Analyzer& analyzer);

// The words the taggers see, in text order (paragraph number and states stripped): content stems,
// and stopwords as "=word". The stopwords are the phrasing a mechanism writes in: "recommande au
// Gouvernement de" is a special rapporteur's, "l'État partie devrait" a committee's.
std::vector<std::string> tagging_tokens(std::string_view text, Lang lang, const Analyzer& analyzer);

// What the taggers learn from, given tagging_tokens: the content stems, the pairs of adjacent
// tokens ("a b", stopwords included: "consider ratifying" is not "ratify", "=au gouvern" is not
// "=l' état") and the first content stem marked "^" (a recommendation's first verb says its kind
// of action). A stopword alone is no feature: it says little without its neighbour.
std::vector<std::string> tagging_terms(const std::vector<std::string>& tokens);

// Stem -> occurrences.
std::unordered_map<std::string, unsigned> count(const std::vector<std::string>& stems);

// The vocabulary the taggers were trained on, with each stem's IDF.
class Dictionary {
  public:
    std::uint32_t add(std::string stem, double idf);  // returns the new feature's index
    std::optional<std::uint32_t> find(const std::string& stem) const;
    std::size_t size() const { return stems_.size(); }
    const std::string& stem(std::uint32_t index) const { return stems_[index]; }
    double idf(std::uint32_t index) const { return idfs_[index]; }

    // TF-IDF of the stems known to the dictionary, L2-normalised (empty if none is known).
    SparseVector vectorise(const std::vector<std::string>& stems) const;

  private:
    std::vector<std::string> stems_;
    std::vector<double> idfs_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace tawsiya::features
