#include "engine/features.hpp"

#include <algorithm>
#include <cmath>

#include "engine/synonyms.hpp"
#include "tawsiya/recommendation_text.hpp"

namespace tawsiya::features {

namespace {

// Marks a stopword among tagging tokens; no stem starts with it (words are letters and digits).
constexpr char kStopwordMark = '=';

}  // namespace

double idf(double documents, double document_frequency) {
    return std::log((1.0 + documents) / (1.0 + document_frequency)) + 1.0;
}

double tf(unsigned count) {
    return count == 0 ? 0.0 : 1.0 + std::log(static_cast<double>(count));
}

double tfidf_weight(unsigned count, double idf) {
    return tf(count) * idf;
}

std::vector<std::string> content_stems(std::string_view text, Lang lang, const Analyzer& analyzer) {
    return word_stems(strip_recommendation_noise(text), lang, analyzer);
}

std::vector<std::string> request_stems(std::string_view text, Lang lang, const Analyzer& analyzer) {
    return request_stems_of_word_stems(request_word_stems(text, lang, analyzer), lang, analyzer);
}

std::vector<std::string> request_stems_of_content(std::string_view content, Lang lang,
                                                  const Analyzer& analyzer) {
    return request_stems_of_word_stems(request_word_stems_of_content(content, lang, analyzer), lang,
                                       analyzer);
}

std::vector<std::string> request_stems_of_word_stems(const std::vector<std::string>& word_stems,
                                                     Lang lang, const Analyzer& analyzer) {
    return Synonyms::embedded(analyzer).canonical(word_stems, lang);
}

std::vector<std::string> tagging_tokens(std::string_view text, Lang lang,
                                        const Analyzer& analyzer) {
    std::vector<std::string> tokens;
    for (Token& token : analyzer.tokenize(strip_recommendation_noise(text), lang)) {
        if (token.stopword)
            tokens.push_back(kStopwordMark + token.word);
        else if (!token.stem.empty())
            tokens.push_back(std::move(token.stem));
    }
    return tokens;
}

std::vector<std::string> tagging_terms(const std::vector<std::string>& tokens) {
    const auto is_stopword = [](const std::string& token) { return token[0] == kStopwordMark; };
    std::vector<std::string> terms;
    for (const auto& token : tokens)
        if (!is_stopword(token)) terms.push_back(token);
    for (std::size_t i = 1; i < tokens.size(); ++i)
        terms.push_back(tokens[i - 1] + ' ' + tokens[i]);
    const auto first = std::find_if_not(tokens.begin(), tokens.end(), is_stopword);
    if (first != tokens.end()) terms.push_back('^' + *first);
    return terms;
}

std::unordered_map<std::string, unsigned> count(const std::vector<std::string>& stems) {
    std::unordered_map<std::string, unsigned> counts;
    for (const auto& stem : stems) ++counts[stem];
    return counts;
}

std::uint32_t Dictionary::add(std::string stem, double idf) {
    const auto index = static_cast<std::uint32_t>(stems_.size());
    index_.emplace(stem, index);
    stems_.push_back(std::move(stem));
    idfs_.push_back(idf);
    return index;
}

std::optional<std::uint32_t> Dictionary::find(const std::string& stem) const {
    const auto it = index_.find(stem);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

SparseVector Dictionary::vectorise(const std::vector<std::string>& stems) const {
    return normalised(tfidf<std::uint32_t>(
        stems, [this](const std::string& stem) -> std::optional<std::pair<std::uint32_t, double>> {
            if (const auto index = find(stem)) return std::pair{*index, idfs_[*index]};
            return std::nullopt;
        }));
}

SparseVector normalised(const std::vector<std::pair<std::uint32_t, double>>& weights) {
    const double length = norm(weights);
    SparseVector vector;
    vector.reserve(weights.size());
    for (const auto& [id, weight] : weights) {
        const auto rounded = static_cast<float>(weight);
        vector.push_back({id, length > 0 ? static_cast<float>(rounded / length) : rounded});
    }
    std::sort(vector.begin(), vector.end(),
              [](const Feature& a, const Feature& b) { return a.id < b.id; });
    return vector;
}

const float* weight_of(const SparseVector& v, std::uint32_t id) {
    const auto it = std::lower_bound(
        v.begin(), v.end(), id, [](const Feature& f, std::uint32_t key) { return f.id < key; });
    return it != v.end() && it->id == id ? &it->weight : nullptr;
}

const double* weight_of(const StemVector& v, const std::string& stem) {
    const auto it = v.find(stem);
    return it != v.end() ? &it->second : nullptr;
}

}  // namespace tawsiya::features
