#include "engine/query_synonyms.hpp"

#include <charconv>
#include <set>

#include "engine/query_text.hpp"
#include "tawsiya/schema.hpp"

namespace tawsiya::engine {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A bare word of the query (between spaces, parentheses taken off) and where its content words
// are in the run's (one word may hold several: "OP-CAT").
struct Chunk {
    std::size_t begin = 0, end = 0;  // bytes of the word in the text
    std::size_t first_word = 0, words = 0;
};

}  // namespace

std::string mark_synonyms(std::string_view text, Lang lang, const Synonyms& synonyms,
                          const Analyzer& analyzer) {
    std::string out;
    std::size_t copied = 0;          // text[0, copied) is in `out`
    std::vector<Chunk> run;          // consecutive bare words
    std::vector<std::string> words;  // the content words of the run
    std::vector<std::size_t> chunk_of_word;

    const auto flush = [&] {
        for (const Synonyms::Found& found : synonyms.find(words, lang)) {
            const Chunk& first = run[chunk_of_word[found.first]];
            const Chunk& last = run[chunk_of_word[found.first + found.count - 1]];
            // Only whole words: "OP-CAT" is two words of one.
            if (first.first_word != found.first ||
                last.first_word + last.words != found.first + found.count)
                continue;
            out.append(text.substr(copied, first.begin - copied));
            out.append(kSynonymField).append(":").append(std::to_string(found.group));
            out.append("_").append(std::to_string(found.wording));
            copied = last.end;
        }
        run.clear();
        words.clear();
        chunk_of_word.clear();
    };

    bool in_quotes = false;
    for (std::size_t pos = 0; pos < text.size();) {
        if (is_space(text[pos])) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < text.size() && !is_space(text[end])) ++end;
        std::size_t begin = pos;
        pos = end;
        const std::string_view whole = text.substr(begin, end - begin);
        if (whole.find('"') != std::string_view::npos) {
            for (const char c : whole) in_quotes = in_quotes != (c == '"');
            flush();
            continue;
        }
        if (in_quotes) continue;  // a phrase stays as typed
        if (text[begin] == '(') {
            flush();
            while (begin < end && text[begin] == '(') ++begin;
        }
        bool closes = false;
        while (end > begin && text[end - 1] == ')') --end, closes = true;
        const std::string_view word = text.substr(begin, end - begin);
        if (word.empty() || is_query_operator(word) || word[0] == '+' || word[0] == '-' ||
            word.find_first_of(":*") != std::string_view::npos) {
            flush();
            continue;
        }
        Chunk chunk{begin, end, words.size(), 0};
        for (const Token& token : analyzer.tokenize(word, lang)) {
            if (token.stopword || token.stem.empty()) continue;
            words.push_back(token.word);
            chunk_of_word.push_back(run.size());
            ++chunk.words;
        }
        run.push_back(chunk);
        if (closes) flush();
    }
    flush();
    out.append(text.substr(copied));
    return out;
}

namespace {

// The words of a wording as they are indexed: a word, or a phrase.
Xapian::Query exact_query(const Synonyms::Wording& wording) {
    if (wording.words.size() == 1) return Xapian::Query(wording.words.front());
    std::vector<Xapian::Query> words(wording.words.begin(), wording.words.end());
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                         static_cast<Xapian::termcount>(words.size()));
}

// The wording's stems, as the query parser reads typed words.
Xapian::Query stems_query(const Synonyms::Wording& wording, Xapian::Query::op default_op) {
    std::vector<Xapian::Query> terms;
    for (const std::string& stem : wording.stems)
        terms.emplace_back(std::string(schema::kStemPrefix) + stem);
    return terms.size() == 1 ? terms.front()
                             : Xapian::Query(default_op, terms.begin(), terms.end());
}

bool read_number(std::string_view text, std::size_t& number) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Xapian::Query synonym_query(const Synonyms::Group& group, std::size_t typed, Lang lang, bool xlang,
                            Xapian::Query::op default_op) {
    std::vector<Xapian::Query> alternatives;
    std::set<std::string> seen;
    for (std::size_t w = 0; w < group.wordings.size(); ++w) {
        const Synonyms::Wording& wording = group.wordings[w];
        if (!(w == typed || wording.acronym || wording.lang == lang || xlang)) continue;
        Xapian::Query query =
            group.names || w != typed ? exact_query(wording) : stems_query(wording, default_op);
        if (seen.insert(query.serialise()).second) alternatives.push_back(std::move(query));
    }
    if (alternatives.size() == 1) return alternatives.front();
    // OP_OR, not OP_SYNONYM: a record holding two wordings (the name and its acronym in
    // parentheses) is the better match.
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query SynonymFieldProcessor::operator()(const std::string& value) {
    const std::string_view text(value);
    const auto underscore = text.find('_');
    std::size_t group = 0, wording = 0;
    if (underscore == std::string_view::npos || !read_number(text.substr(0, underscore), group) ||
        !read_number(text.substr(underscore + 1), wording) || group >= synonyms_.groups() ||
        wording >= synonyms_.group(group).wordings.size())
        return Xapian::Query(std::string(kSynonymField) + value);  // typed by hand: matches nothing
    return synonym_query(synonyms_.group(group), wording, lang_, xlang_, default_op_);
}

}  // namespace tawsiya::engine
