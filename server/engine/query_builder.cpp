#include "engine/query_builder.hpp"

#include <algorithm>
#include <string_view>

#include "engine/facet_catalog.hpp"
#include "engine/facet_filter.hpp"
#include "engine/query_text.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/schema.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya::engine {

namespace {

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT |  // boolean, phrase, love/hate
                                  Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

// `field:value` -> the facet term whose label folds like value (state:morocco -> XS:Morocco).
class QueryBuilder::FacetFieldProcessor : public Xapian::FieldProcessor {
  public:
    FacetFieldProcessor(FacetLabels& labels, std::string prefix)
        : labels_(labels), prefix_(std::move(prefix)) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(labels_.term_for(prefix_, value));
    }

  private:
    FacetLabels& labels_;
    std::string prefix_;
};

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Analyzer& analyzer,
                           FacetLabels& labels, const SearchLimits& limits)
    : db_(db),
      analyzer_(analyzer),
      labels_(labels),
      limits_(limits),
      synonyms_(Synonyms::for_search(analyzer)),
      synonym_field_(synonyms_) {
    for (const Lang lang : kAllLangs) {
        stemmers_[lang] = analyzer.query_stemmer(lang);
        stoppers_[lang] = analyzer.query_stopper(lang);
    }
}

QueryBuilder::~QueryBuilder() = default;

void QueryBuilder::reset() {
    parser_.reset();
    processors_.clear();
    field_names_.clear();
}

void QueryBuilder::make_parser() {
    parser_ = std::make_unique<Xapian::QueryParser>();
    parser_->set_database(db_);
    processors_.clear();
    field_names_.clear();
    year_range_ = std::make_unique<Xapian::NumberRangeProcessor>(schema::kSlotYear, "year:");
    parser_->add_rangeprocessor(year_range_.get());
    parser_->add_prefix(std::string(kSynonymField), &synonym_field_);
    for (const FacetField& field : query_fields(labels_.schemes())) {
        processors_.push_back(std::make_unique<FacetFieldProcessor>(labels_, field.prefix));
        parser_->add_boolean_prefix(field.name, processors_.back().get());
        field_names_.push_back(field.name);
    }
    parser_->set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_->set_default_op(Xapian::Query::OP_AND);
    parser_->set_max_expansion(limits_.max_wildcard_expansion,
                               Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                               Xapian::QueryParser::FLAG_WILDCARD);
}

namespace {

// Xapian's range processor leaves a range it cannot read ("year:abc..def") to be parsed as words,
// which silently finds nothing: say what is wrong instead.
void check_year_ranges(const std::string& text) {
    const auto is_year = [](std::string_view s) {
        return s.size() <= 4 && std::all_of(s.begin(), s.end(), scan::is_digit);
    };
    constexpr std::string_view field = "year:";
    // Each "year:FROM..TO" that starts the text or follows a blank or "(", FROM and TO without
    // blanks, FROM ending at the first "..".
    for (std::size_t at = text.find(field); at != std::string::npos;
         at = text.find(field, at + 1)) {
        if (at > 0 && !scan::is_space(text[at - 1]) && text[at - 1] != '(') continue;
        const std::size_t from = at + field.size();
        std::size_t dots = from;
        while (dots < text.size() && !scan::is_space(text[dots]) &&
               text.compare(dots, 2, "..") != 0)
            ++dots;
        if (text.compare(dots, 2, "..") != 0) continue;
        std::size_t end = dots + 2;
        while (end < text.size() && !scan::is_space(text[end])) ++end;
        const std::string_view first = std::string_view(text).substr(from, dots - from);
        const std::string_view last = std::string_view(text).substr(dots + 2, end - dots - 2);
        if ((first.empty() && last.empty()) || !is_year(first) || !is_year(last))
            throw UsageError("q", "the year range '" + std::string(first) + ".." +
                                      std::string(last) +
                                      "' must be years, as in year:2010..2013 or year:2015..");
        at = end - 1;  // the next range starts after this one
    }
}

}  // namespace

// A short query is too short to tell its language (one word, "torture", is English and French):
// the request's language (the page's) decides it, and its records come first. Without one, the
// language is detected from the normalized words, so that spelling variants ("l'État", "etat")
// are read alike. A longer query is detected, the request's language winning a tie and breaking
// ties of ranking.
void QueryBuilder::choose_language(const SearchRequest& request, const std::string& words,
                                   BuiltQuery& built) {
    if (built.browse) {
        built.lang = request.lang.value_or(request.display.value_or(Lang::en));
        return;
    }
    const bool is_short = count_words(words) <= kShortQueryWords;
    if (request.lang) {
        built.prior = is_short ? BuiltQuery::Prior::first : BuiltQuery::Prior::ties;
        built.prior_lang = *request.lang;
        built.lang = is_short ? *request.lang : analyzer_.detect_language(words, *request.lang);
    } else {
        built.lang = analyzer_.detect_language(is_short ? analyzer_.normalize(words) : words);
    }
}

BuiltQuery QueryBuilder::build(const SearchRequest& request) {
    if (request.query.size() > limits_.max_query_bytes)
        throw LimitError("q",
                         "must be at most " + std::to_string(limits_.max_query_bytes) + " bytes");
    if (!parser_) make_parser();

    BuiltQuery built;
    const std::string text = canonical_fields(request.query, field_names_);
    check_year_ranges(text);
    const std::string words = free_text(text, field_names_);
    built.browse = scan::is_blank(words);
    choose_language(request, words, built);

    const std::string normalized =
        fold_case_except_operators(analyzer_.normalize(text, /*fold_case=*/false), analyzer_);
    if (scan::is_blank(normalized)) {
        built.query = Xapian::Query::MatchAll;
    } else {
        parser_->set_stemmer(stemmers_[built.lang]);
        parser_->set_stopper(stoppers_[built.lang].get());
        const auto default_op = request.any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
        parser_->set_default_op(default_op);
        synonym_field_.set(built.lang, request.xlang, default_op);
        try {
            built.query = parser_->parse_query(
                mark_synonyms(normalized, built.lang, synonyms_, analyzer_), kParserFlags);
        } catch (const Xapian::QueryParserError& e) {
            throw UsageError("q", "cannot parse the query: " + e.get_msg());
        }
        if (built.query.empty()) built.query = Xapian::Query::MatchNothing;
    }

    // The request's filters (OR within a facet, AND across facets) and its year range.
    std::vector<Xapian::Query> filters;
    if (Xapian::Query facets = filter_query(request.filters, labels_); !facets.empty())
        filters.push_back(std::move(facets));
    if (request.year_from || request.year_to) {
        const std::string low = Xapian::sortable_serialise(request.year_from.value_or(0));
        const std::string high = Xapian::sortable_serialise(request.year_to.value_or(9999));
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotYear, low, high);
    }
    if (!filters.empty())
        built.query =
            Xapian::Query(Xapian::Query::OP_FILTER, built.query,
                          Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    return built;
}

}  // namespace tawsiya::engine
