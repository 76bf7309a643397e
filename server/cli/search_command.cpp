// `tawsiya search --db DIR QUERY...`: one page of results, as a readable listing or as JSON lines
// (one hit per line, the hit objects of the HTTP API) for jq and scripts.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "tawsiya/analyzer.hpp"
#include "tawsiya/error.hpp"
#include "tawsiya/result_json.hpp"
#include "tawsiya/search.hpp"

namespace po = boost::program_options;

namespace tawsiya::cli {

namespace {

struct SearchOptions {
    std::string db;
    SearchRequest request;
    bool json = false;
};

std::optional<Lang> lang_option(const std::string& option, const std::string& value) {
    if (value.empty() || value == "auto" || value == "any") return std::nullopt;
    if (auto lang = parse_lang(value)) return lang;
    throw UsageError(option, "must be one of ar, fr, en (or auto, any)");
}

SearchRequest::Sort sort_option(const std::string& value) {
    if (value == "relevance") return SearchRequest::Sort::relevance;
    if (value == "year") return SearchRequest::Sort::year_desc;
    if (value == "year-asc") return SearchRequest::Sort::year_asc;
    throw UsageError("--sort", "must be one of relevance, year, year-asc");
}

// "--filter body=CAT": the facet name as the engine reads it (engine::filter_facet).
void add_filter(SearchRequest& request, const std::string& filter) {
    const auto equals = filter.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == filter.size())
        throw UsageError("--filter", "expects facet=value, got '" + filter + "'");
    request.filters[filter.substr(0, equals)].push_back(filter.substr(equals + 1));
}

SearchOptions parse_options(const Args& args) {
    SearchOptions options;
    std::vector<std::string> words, filters;
    std::string lang, display, sort = "relevance";
    po::options_description named(
        "tawsiya search --db DIR QUERY... [options]\n\n"
        "QUERY: words (AND by default), OR, NOT, \"phrases\", wild*, fields (body:CAT,\n"
        "state:Morocco, sdg:16, theme:..., tag.<scheme>:...), year:2010..2013; see "
        "docs/search.md.\n"
        "Without a query: every record matching the filters, newest first.\n\noptions");
    named.add_options()                                                //
        ("db", po::value(&options.db)->required(), "index directory")  //
        ("lang", po::value(&lang),
         "your language, ar, fr, en: a query of 1-3 words is read in it and its records come "
         "first; a longer query's language is detected (default: detected)")  //
        ("filter", po::value(&filters)->composing(),
         "facet=value, repeatable (OR within a facet, AND across): body=CAT, state=Morocco, "
         "lang=ar, tag.sdg=16")                                                         //
        ("page", po::value(&options.request.page)->default_value(1), "page, from 1")    //
        ("size", po::value(&options.request.size)->default_value(10), "hits per page")  //
        ("sort", po::value(&sort)->default_value(sort), "relevance|year|year-asc")      //
        ("display", po::value(&display), "language version to show: ar, fr, en")        //
        ("json", po::bool_switch(&options.json), "one JSON line per hit")               //
        ("xlang", po::bool_switch(&options.request.xlang),
         "also find records in the two other languages (docs/cross-language.md)")  //
        ("help,h", "this help");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words)->composing());
    po::options_description all;
    all.add(named).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);
    parse_command_line(args, all, named, positional);

    for (const auto& word : words) {
        if (!options.request.query.empty()) options.request.query.push_back(' ');
        options.request.query += word;
    }
    options.request.lang = lang_option("--lang", lang);
    options.request.display = lang_option("--display", display);
    options.request.sort = sort_option(sort);
    for (const auto& filter : filters) add_filter(options.request, filter);
    // A listing on the terminal does not use facet counts; the JSON lines hold hits only too.
    options.request.facets = false;
    return options;
}

// The snippet's HTML as terminal text: <mark> in bold on a terminal, entities decoded.
std::string terminal_text(const std::string& html, bool bold) {
    static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
        {"&lt;", "<"},  {"&gt;", ">"},   {"&quot;", "\""},
        {"&#39;", "'"}, {"&#x27;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        const std::string_view rest = std::string_view(html).substr(i);
        if (rest.rfind("<mark>", 0) == 0) {
            if (bold) out += "\033[1m";
            i += 6;
            continue;
        }
        if (rest.rfind("</mark>", 0) == 0) {
            if (bold) out += "\033[0m";
            i += 7;
            continue;
        }
        bool decoded = false;
        for (const auto& [entity, text] : kEntities) {
            if (rest.rfind(entity, 0) == 0) {
                out += text;
                i += entity.size();
                decoded = true;
                break;
            }
        }
        if (!decoded) out.push_back(html[i++]);
    }
    return out;
}

void print_listing(const SearchResult& result, bool tty) {
    if (result.hits.empty()) {
        std::printf("no results\n");
        return;
    }
    const std::size_t first = (result.page - 1) * result.size + 1;
    std::printf("%zu result%s (page %zu, %zu-%zu), query language %s\n\n", result.total,
                result.total == 1 ? "" : "s", result.page, first, first + result.hits.size() - 1,
                std::string(lang_code(result.query_lang)).c_str());
    std::size_t rank = first;
    for (const auto& hit : result.hits) {
        const Record& r = hit.record;
        std::string heading = std::to_string(rank++) + ". " + r.id;
        if (r.year) heading += "  " + std::to_string(*r.year);
        if (!r.body.empty()) heading += "  " + r.body;
        if (!r.state.empty()) heading += "  " + r.state;
        std::printf("%s%s%s\n", tty ? "\033[1m" : "", heading.c_str(), tty ? "\033[0m" : "");
        const auto text = r.text.find(hit.display_lang);
        if (hit.snippet_lang == hit.display_lang) {
            std::printf("   [%s] %s\n", std::string(lang_code(hit.display_lang)).c_str(),
                        terminal_text(hit.snippet, tty).c_str());
        } else {
            if (text != r.text.end())
                std::printf("   [%s] %s\n", std::string(lang_code(hit.display_lang)).c_str(),
                            text->second.c_str());
            std::printf("   [%s] %s\n", std::string(lang_code(hit.snippet_lang)).c_str(),
                        terminal_text(hit.snippet, tty).c_str());
        }
        std::printf("\n");
    }
}

}  // namespace

int run_search(const Args& args) {
    const SearchOptions options = parse_options(args);
    const Analyzer analyzer;
    Searcher searcher(options.db, analyzer);
    const SearchResult result = searcher.search(options.request);
    if (options.json) {
        for (const auto& hit : result.hits) {
            const std::string line = hit_to_json(hit);
            std::fwrite(line.data(), 1, line.size(), stdout);
            std::fputc('\n', stdout);
        }
    } else {
        print_listing(result, ::isatty(STDOUT_FILENO) != 0);
    }
    return kExitOk;
}

}  // namespace tawsiya::cli
