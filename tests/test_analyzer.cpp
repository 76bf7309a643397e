// The Analyzer's rules, one real example each (normalization, word breaking, stopwords,
// stemming), and the query side (QueryParser with our stemmer and stopper) giving the same terms.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/analyzer.hpp"
#include "tawsiya/analyzer.hpp"

using tawsiya::Analyzer;
using tawsiya::Lang;
using tawsiya::Token;

namespace {

using tawsiya::test::analyzer;

std::vector<std::string> words(std::string_view text, Lang lang) {
    std::vector<std::string> out;
    for (const Token& token : analyzer().tokenize(text, lang)) out.push_back(token.word);
    return out;
}

std::vector<std::string> stems(std::string_view text, Lang lang) {
    std::vector<std::string> out;
    for (const Token& token : analyzer().tokenize(text, lang))
        if (!token.stopword) out.push_back(token.stem);
    return out;
}

std::string stem_of(std::string_view text, Lang lang) {
    const auto s = stems(text, lang);
    REQUIRE(s.size() == 1);
    return s.front();
}

std::string norm(std::string_view text) {
    return analyzer().normalize(text);
}

}  // namespace

TEST_CASE("Arabic diacritics, tatweel and Quranic marks are removed", "[analyzer][arabic]") {
    CHECK(norm("حُقُوق") == "حقوق");              // damma
    CHECK(norm("المكرَّسة") == norm("المكرسة"));  // shadda + fatha
    CHECK(norm("كِتَابًا") == "كتابا");            // kasra, fatha, fathatan
    CHECK(norm("حقــــوق") == "حقوق");          // tatweel
    CHECK(norm("هٰذا") == "هذا");                // superscript alef U+0670
    CHECK(norm("الرَّحِيمِۖ") == norm("الرحيم"));    // Quranic small high mark U+06D6
}

TEST_CASE("Arabic letter variants are folded", "[analyzer][arabic]") {
    CHECK(norm("الإتفاقية") == norm("الاتفاقية"));  // alef with hamza below
    CHECK(norm("أطفال") == "اطفال");                // hamza above
    CHECK(norm("آثار") == "اثار");                  // madda
    CHECK(norm("ٱلله") == "الله");                  // wasla
    CHECK(norm("إلى") == "الي");                    // alef maqsura -> yeh
    CHECK(norm("المرأة") == "المراه");              // teh marbuta -> heh
    CHECK(norm("ﻻ") == "لا");                       // presentation form, by NFKC
    CHECK(analyzer().tokenize("الاتفاقية", Lang::ar).front().word ==
          analyzer().tokenize("الإتفاقية", Lang::ar).front().word);
}

TEST_CASE("Arabic-Indic and Persian digits become ASCII", "[analyzer][arabic]") {
    CHECK(norm("٢٠١٣") == "2013");
    CHECK(norm("۲۰۳۰") == "2030");
    CHECK(words("القرار ٦٠/٢٥١", Lang::ar) == std::vector<std::string>{"القرار", "60", "251"});
}

TEST_CASE("Bidi and zero-width marks separate words instead of gluing them", "[analyzer]") {
    CHECK(words("حقوق\u200Fالإنسان", Lang::ar) == std::vector<std::string>{"حقوق", "الانسان"});
    CHECK(words("حقوق\u200Bالإنسان", Lang::ar).size() == 2);
    CHECK(words("droits\u2066homme\u2069", Lang::fr).size() == 2);
    CHECK(words("\uFEFFtorture", Lang::en) == std::vector<std::string>{"torture"});
    CHECK(words("enfant\u00ADs", Lang::fr) == std::vector<std::string>{"enfants"});  // soft hyphen
}

TEST_CASE("French elisions are removed with every apostrophe", "[analyzer][french]") {
    CHECK(norm("l’État") == "etat");
    CHECK(stem_of("l’État", Lang::fr) == stem_of("Etat", Lang::fr));
    CHECK(norm("L'État") == "etat");
    CHECK(norm("lʼhomme") == "homme");  // U+02BC
    CHECK(norm("d'enquêtes") == "enquetes");
    CHECK(stem_of("d'enquêtes", Lang::fr) == stem_of("enquête", Lang::fr));
    CHECK(norm("jusqu’à") == "a");
    CHECK(norm("qu'il lorsqu'elle puisqu'on") == "il elle on");
    CHECK(norm("aujourd'hui") == "aujourd'hui");  // not an elision
    CHECK(norm("aujourd’hui") == "aujourd'hui");  // apostrophes unified
}

TEST_CASE("Latin accents and ligatures are folded in every language", "[analyzer][french]") {
    CHECK(norm("Élaborer égalité çà") == "elaborer egalite ca");
    CHECK(norm("œuvre Æ straße") == "oeuvre ae strasse");
    CHECK(norm("Côte d’Ivoire") == "cote ivoire");
    CHECK(norm("e\u0301tat") == "etat");         // combining acute, composed by NFKC
    CHECK(norm("ﬁnancement") == "financement");  // ligature, by NFKC
}

TEST_CASE("English possessives are removed", "[analyzer][english]") {
    CHECK(norm("children's") == "children");
    CHECK(stem_of("children's", Lang::en) == stem_of("children", Lang::en));
    CHECK(norm("Children’s rights") == "children rights");
    CHECK(words("States' obligations", Lang::en) ==
          std::vector<std::string>{"states", "obligations"});
}

TEST_CASE("Case-keeping normalize leaves the query syntax alone", "[analyzer][query]") {
    const Analyzer& a = analyzer();
    CHECK(a.normalize("torture AND body:CAT", false) == "torture AND body:CAT");
    CHECK(a.normalize("torture AND body:CAT", true) == "torture and body:cat");
    CHECK(a.normalize("\"droits de l'Enfant\" OR (NOT x*) 2010..2015", false) ==
          "\"droits de Enfant\" OR (NOT x*) 2010..2015");
    CHECK(a.normalize("body:l'État", false) == "body:Etat");  // the ':' stays
    CHECK(a.normalize("title:الإتفاقية", false) == "title:الاتفاقيه");
    // Same as fold_case=true apart from case.
    const std::string text = "L’Élimination des Discriminations à l'égard des Femmes – CEDAW's";
    std::string kept = a.normalize(text, false);
    for (char& c : kept)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    CHECK(kept == a.normalize(text, true));
}

TEST_CASE("fold_label folds a label and a value typed for it alike", "[analyzer][labels]") {
    const Analyzer& a = analyzer();
    CHECK(a.fold_label("Côte d’Ivoire") == "cote ivoire");
    CHECK(a.fold_label("  COTE   d'ivoire ") == "cote ivoire");  // spaces made one, ends trimmed
    CHECK(a.fold_label("Cote d\u2018Ivoire") == "cote ivoire");  // ‘ is an apostrophe in a label
    CHECK(a.fold_label("Cote d`Ivoire") == "cote ivoire");
    CHECK(a.fold_label("Côte\u00A0d’Ivoire") == "cote ivoire");     // no-break space
    CHECK(a.fold_label("الإتفاقية") == a.fold_label("الاتفاقيه"));  // Arabic letter variants
    CHECK(a.fold_label("Morocco") != a.fold_label("Monaco"));
    // A query's value reaches the facet lookup normalized: folding it again changes nothing.
    for (const std::string_view label :
         {"Côte d’Ivoire", "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
          "الإمارات العربية المتحدة", "Droits de l'enfant", "Women’s rights"})
        CHECK(a.fold_label(a.normalize(label, false)) == a.fold_label(label));
}

TEST_CASE("tokenize gives positions, flags stopwords and keeps numbers", "[analyzer]") {
    const auto tokens =
        analyzer().tokenize("Ratify the Convention by 2030, and 16 others.", Lang::en);
    REQUIRE(tokens.size() == 8);
    CHECK(tokens[0].word == "ratify");
    CHECK(tokens[0].stem == "ratifi");
    CHECK_FALSE(tokens[0].stopword);  // an action verb carries meaning here
    CHECK(tokens[1].word == "the");
    CHECK(tokens[1].stopword);
    CHECK(tokens[1].position == 2);
    CHECK(tokens[4].word == "2030");
    CHECK(tokens[4].stem == "2030");
    CHECK(tokens[4].position == 5);
    CHECK(tokens[6].word == "16");
    for (std::size_t i = 0; i < tokens.size(); ++i) CHECK(tokens[i].position == i + 1);
}

TEST_CASE("Tokens longer than 64 bytes are skipped but keep their position", "[analyzer]") {
    const std::string text = "torture " + std::string(65, 'x') + " prevention";
    const auto tokens = analyzer().tokenize(text, Lang::en);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].word == "prevention");
    CHECK(tokens[1].position == 3);
}

TEST_CASE("Stopwords are function words only, in each language", "[analyzer][stopwords]") {
    const Analyzer& a = analyzer();
    CHECK(a.is_stopword("the", Lang::en));
    CHECK(a.is_stopword("which", Lang::en));
    CHECK_FALSE(a.is_stopword("continue", Lang::en));
    CHECK_FALSE(a.is_stopword("ensure", Lang::en));
    CHECK_FALSE(a.is_stopword("not", Lang::en));
    CHECK(a.is_stopword("les", Lang::fr));
    CHECK(a.is_stopword(a.normalize("où"), Lang::fr));
    CHECK_FALSE(a.is_stopword("non", Lang::fr));
    CHECK_FALSE(a.is_stopword("poursuivre", Lang::fr));
    CHECK(a.is_stopword(a.normalize("إلى"), Lang::ar));  // listed with hamza
    CHECK(a.is_stopword("في", Lang::ar));
    CHECK(a.is_stopword("في", Lang::en));  // Arabic words take the Arabic list
    CHECK_FALSE(a.is_stopword("غير", Lang::ar));
}

TEST_CASE("Arabic light prefixes and Snowball conflate the forms of a word", "[analyzer][arabic]") {
    const std::string huquq = stem_of("حقوق", Lang::ar);
    CHECK(stem_of("والحقوق", Lang::ar) == huquq);
    CHECK(stem_of("الحقوق", Lang::ar) == huquq);
    CHECK(stem_of("بالحقوق", Lang::ar) == huquq);
    CHECK(stem_of("الاتفاقية", Lang::ar) == stem_of("اتفاقية", Lang::ar));
    CHECK(stem_of("والاتفاقية", Lang::ar) == stem_of("اتفاقية", Lang::ar));
    CHECK(stem_of("للأطفال", Lang::ar) == stem_of("أطفال", Lang::ar));
    CHECK(stem_of("بالتعذيب", Lang::ar) == stem_of("تعذيب", Lang::ar));
    CHECK(stem_of("الحكومة", Lang::ar) == stem_of("حكومة", Lang::ar));
    CHECK(stem_of("الحق", Lang::ar) == "حق");
    CHECK(stem_of("النساء", Lang::ar) == stem_of("نساء", Lang::ar));
    // After the article no second "prefix" is taken off the stem (stripping ال before
    // Snowball gave "رلم" and "تزام"; Snowball alone still does that to the bare forms).
    CHECK(stem_of("البرلمان", Lang::ar) == "برلم");
    CHECK(stem_of("الالتزام", Lang::ar) == "التزام");
    CHECK(stem_of("والالتزامات", Lang::ar) == "التزام");
    CHECK(stem_of("اللجنة", Lang::ar) == stem_of("لجنة", Lang::ar));
}

TEST_CASE("Arabic-script words take the Arabic rules whatever the language", "[analyzer]") {
    const Analyzer& a = analyzer();
    CHECK(a.stem("والحقوق", Lang::en) == a.stem("والحقوق", Lang::ar));
    CHECK(a.stem("rights", Lang::en) == "right");
    CHECK(a.stem("droits", Lang::fr) == "droit");
    CHECK(a.stem("UNICEF", Lang::ar) == "UNICEF");  // a Latin name in Arabic text
}

TEST_CASE("The analyzer is shared safely by many threads", "[analyzer][threads]") {
    const std::string text = "Les États parties devraient veiller à ce que les enfants";
    const auto expected = analyzer().tokenize(text, Lang::fr);
    std::vector<std::thread> threads;
    std::vector<int> same(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                const auto got = analyzer().tokenize(text, Lang::fr);
                bool equal = got.size() == expected.size();
                for (std::size_t k = 0; equal && k < got.size(); ++k)
                    equal = got[k].stem == expected[k].stem && got[k].word == expected[k].word;
                same[t] += equal;
            }
        });
    for (auto& thread : threads) thread.join();
    CHECK(same == std::vector<int>(4, 200));
}

namespace {

// The "Z" terms a QueryParser with our stemmer and stopper makes of a normalized query.
std::set<std::string> query_stem_terms(const std::string& query_text, Lang lang) {
    Xapian::QueryParser parser;
    parser.set_stemmer(analyzer().query_stemmer(lang));
    const auto stopper = analyzer().query_stopper(lang);
    parser.set_stopper(stopper.get());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    const Xapian::Query query = parser.parse_query(analyzer().normalize(query_text, false));
    std::set<std::string> terms;
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it)
        if ((*it).starts_with("Z")) terms.insert((*it).substr(1));
    return terms;
}

std::set<std::string> index_stems(const std::string& text, Lang lang) {
    const auto s = stems(text, lang);
    return {s.begin(), s.end()};
}

}  // namespace

TEST_CASE("QueryParser with our stemmer and stopper gives the index's stems", "[analyzer][query]") {
    const std::vector<std::pair<Lang, std::string>> queries = {
        {Lang::en, "ratify the optional protocol on children's rights"},
        {Lang::en, "ensure investigations into allegations of torture"},
        {Lang::fr, "veiller à l’élimination des discriminations à l'égard des femmes"},
        {Lang::fr, "droits de l'enfant et enquêtes indépendantes"},
        {Lang::ar, "والحقوق الاتفاقية للأطفال بالتعذيب المرأة في"},
        {Lang::ar, "حُقُوق الإنسان وحرية التعبير"},
    };
    for (const auto& [lang, text] : queries) {
        INFO(text);
        const auto expected = index_stems(text, lang);
        CHECK(!expected.empty());
        CHECK(query_stem_terms(text, lang) == expected);
    }
}
