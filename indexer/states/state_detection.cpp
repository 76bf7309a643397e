// detect_state: the state a recommendation addresses, read from its words. The names of the state
// table are matched on normalized words (name_tokens), longest first, so that "Niger" is not
// found in "Nigeria" nor "Guinea" in "Papua New Guinea"; the mention kept is the first one in
// subject position (a name before its verb or after "that", «ينبغي»..., an adjective of the
// state's authorities), else the first name, else the first adjective.
#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "name_tokens.hpp"
#include "state_table.hpp"
#include "tawsiya/state_names.hpp"
#include "tawsiya/text_scan.hpp"

namespace tawsiya {

namespace {

enum class Kind : unsigned char { name, adjective, not_a_state };

unsigned lang_bit(Lang lang) {
    return 1u << lang_index(lang);
}
constexpr unsigned kAllLangBits = (1u << kLangCount) - 1;

// One form of a state's name or adjective, as words; looked up by its first word.
struct Form {
    std::vector<std::string> rest;  // the words after the first
    const states::StateRow* row = nullptr;
    Kind kind = Kind::name;
    unsigned langs = 0;          // bits of lang_bit
    bool needs_capital = false;  // written with a capital: "Chad", not "chad"
    bool subject_only = false;   // also a common word: taken only as a subject
};

// Arabic forms that are also common words, taken only in subject position: «مالي» is Mali and
// the adjective "financial" («دعم مالي»).
constexpr std::array<std::string_view, 1> kSubjectOnly{"مالي"};

// Words around a name that make it the subject of the recommendation. The words are written as
// in the text; they are normalized when the lookup is built.
constexpr std::array<std::string_view, 58> kVerbsAfter{
    // English: "Morocco should", "urges Morocco to", "that Morocco ratify"
    "should", "must", "shall", "is", "are", "has", "have", "will", "would", "could", "may", "to",
    "continue", "continues", "ratify", "ratifies", "adopt", "adopts", "ensure", "ensures", "take",
    "takes", "consider", "considers", "strengthen", "strengthens", "establish", "accede",
    "intensify", "pursue",
    // French: « Le Maroc devrait », « Que le Burundi ratifie », « Les Tonga devraient »
    "devrait", "devraient", "doit", "doivent", "est", "sont", "a", "ont", "continue", "continuent",
    "poursuive", "poursuivent", "poursuit", "prenne", "prennent", "veille", "veillent", "ratifie",
    "ratifient", "adopte", "adoptent", "envisage", "renforce", "redouble", "mette", "adhère",
    "intensifie", "efforce"};
constexpr std::array<std::string_view, 8> kWordsBefore{
    // "recommends that Morocco", « Que le Burundi », «ينبغي للمغرب», «يجب على المغرب», «على المغرب»
    "that", "que", "ينبغي", "يجب", "على",
    // «أن تعدّل لاتفيا» reads verb then subject: «أن» two words before is checked apart.
    // "the Government of Tunisia", « le Gouvernement du Maroc », «حكومة تونس»
    "government", "gouvernement", "حكومة"};
constexpr std::string_view kArabicThat = "أن";
// Nouns an adjective qualifies when it stands for the state itself: "the Moroccan authorities",
// « les autorités marocaines », «السلطات المغربية», "the Tunisian Government", « l’État tunisien ».
constexpr std::array<std::string_view, 14> kGoverningNouns{
    "authorities", "government", "state",   "administration", "autorités", "gouvernement", "état",
    "pouvoirs",    "السلطات",    "الحكومة", "الدولة",         "سلطات",     "حكومة",        "دولة"};

struct Lookup {
    std::unordered_map<std::string, std::vector<Form>> by_first_word;
    std::unordered_set<std::string> verbs_after, words_before, governing_nouns;
    std::string arabic_that;
};

std::string normalized_word(std::string_view word) {
    const auto tokens = states::name_tokens(word);
    return tokens.empty() ? std::string() : tokens.front().word;
}

void add_form(Lookup& lookup, std::string_view text, const states::StateRow* row, Kind kind,
              Lang lang) {
    std::vector<states::NameToken> tokens = states::name_tokens(text);
    // A leading article is read from the text around the name, not as part of it.
    std::size_t first = 0;
    while (first + 1 < tokens.size() && states::is_article(tokens[first].word)) ++first;
    if (first >= tokens.size()) return;
    Form form;
    for (std::size_t i = first + 1; i < tokens.size(); ++i) form.rest.push_back(tokens[i].word);
    form.row = row;
    form.kind = kind;
    form.langs = kind == Kind::not_a_state ? kAllLangBits : lang_bit(lang);
    // Capitals as the table writes them: "Chad", "Moroccan", but "the former Yugoslav Republic",
    // « marocain ».
    form.needs_capital = kind != Kind::not_a_state && tokens[first].capitalized;
    auto& forms = lookup.by_first_word[tokens[first].word];
    for (Form& known : forms)
        if (known.rest == form.rest && known.row == form.row && known.kind == form.kind) {
            known.langs |= form.langs;
            return;
        }
    forms.push_back(std::move(form));
}

// French adjectives are listed in the singular: the plural adds an "s" unless one is there.
void add_french_adjective(Lookup& lookup, std::string_view adjective, const states::StateRow* row) {
    add_form(lookup, adjective, row, Kind::adjective, Lang::fr);
    const char last = adjective.back();
    if (last != 's' && last != 'x') {
        std::string plural(adjective);
        plural += 's';
        add_form(lookup, plural, row, Kind::adjective, Lang::fr);
    }
}

const Lookup& lookup() {
    static const std::unique_ptr<const Lookup> built = [] {
        auto l = std::make_unique<Lookup>();
        for (const states::StateRow& row : states::state_rows()) {
            add_form(*l, row.name, &row, Kind::name, Lang::en);
            states::for_each_form(row.en,
                                  [&](auto f) { add_form(*l, f, &row, Kind::name, Lang::en); });
            states::for_each_form(row.fr,
                                  [&](auto f) { add_form(*l, f, &row, Kind::name, Lang::fr); });
            states::for_each_form(row.ar,
                                  [&](auto f) { add_form(*l, f, &row, Kind::name, Lang::ar); });
            states::for_each_form(
                row.en_adj, [&](auto f) { add_form(*l, f, &row, Kind::adjective, Lang::en); });
            states::for_each_form(row.fr_adj, [&](auto f) { add_french_adjective(*l, f, &row); });
            states::for_each_form(
                row.ar_adj, [&](auto f) { add_form(*l, f, &row, Kind::adjective, Lang::ar); });
        }
        for (std::string_view phrase : states::non_state_phrases())
            add_form(*l, phrase, nullptr, Kind::not_a_state, Lang::en);
        // Longest first: "Guinea-Bissau" before "Guinea".
        for (auto& [word, forms] : l->by_first_word)
            std::stable_sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) {
                return a.rest.size() > b.rest.size();
            });
        for (std::string_view w : kVerbsAfter) l->verbs_after.insert(normalized_word(w));
        for (std::string_view w : kWordsBefore) l->words_before.insert(normalized_word(w));
        for (std::string_view w : kGoverningNouns) l->governing_nouns.insert(normalized_word(w));
        for (std::string_view w : kSubjectOnly)
            for (Form& form : l->by_first_word[normalized_word(w)])
                if (form.rest.empty()) form.subject_only = true;
        l->arabic_that = normalized_word(kArabicThat);
        return std::unique_ptr<const Lookup>(std::move(l));
    }();
    return *built;
}

// The forms an Arabic word may stand for once its proclitics are taken off: «للمغرب» is «ل» +
// «المغرب», «والمغرب» «و» + «المغرب», «لجزر سليمان» «ل» + «جزر سليمان».
std::vector<std::string> arabic_bases(const std::string& word) {
    constexpr std::string_view kWaw = "\xD9\x88", kFa = "\xD9\x81", kBa = "\xD8\xA8",
                               kLam = "\xD9\x84", kKaf = "\xD9\x83", kAlef = "\xD8\xA7";
    const auto starts = [](std::string_view w, std::string_view p) {
        return w.size() > p.size() + 2 && w.substr(0, p.size()) == p;
    };
    if (!starts(word, kWaw) && !starts(word, kFa) && !starts(word, kBa) && !starts(word, kLam) &&
        !starts(word, kKaf))
        return {};  // most words: no proclitic
    std::vector<std::string> stems{word};
    if (starts(word, kWaw) || starts(word, kFa)) stems.push_back(word.substr(2));
    std::vector<std::string> bases;
    for (const std::string& stem : stems) {
        if (&stem != &stems.front()) bases.push_back(stem);
        if (starts(stem, std::string(kLam) + std::string(kLam)))
            bases.push_back(std::string(kAlef) + stem.substr(2));  // «للمغرب» -> «المغرب»
        if (starts(stem, kBa) || starts(stem, kLam) || starts(stem, kKaf))
            bases.push_back(stem.substr(2));
    }
    return bases;
}

struct Found {
    const Form* form = nullptr;
    std::size_t words = 0;  // how many tokens the form covers
};

// The longest form that starts at token i, trying the word as written first.
// `check_capitals` is false for a text written without capitals, where they tell nothing.
Found match_at(const Lookup& l, const std::vector<states::NameToken>& tokens, std::size_t i,
               unsigned langs, bool check_capitals) {
    const auto try_word = [&](const std::string& word) -> Found {
        const auto it = l.by_first_word.find(word);
        if (it == l.by_first_word.end()) return {};
        for (const Form& form : it->second) {
            if (!(form.langs & langs)) continue;
            if (form.needs_capital && check_capitals && !tokens[i].capitalized) continue;
            if (i + 1 + form.rest.size() > tokens.size()) continue;
            bool same = true;
            for (std::size_t k = 0; same && k < form.rest.size(); ++k)
                same = tokens[i + 1 + k].word == form.rest[k];
            if (same) return {&form, 1 + form.rest.size()};
        }
        return {};
    };
    if (Found found = try_word(tokens[i].word); found.form) return found;
    if (tokens[i].arabic)
        for (const std::string& base : arabic_bases(tokens[i].word))
            if (Found found = try_word(base); found.form) return found;
    return {};
}

// The index of the word before token i that is not an article, or npos.
// Punctuation on the way means there is none ("Norway; Morocco").
std::size_t before_articles(const std::vector<states::NameToken>& tokens, std::size_t i) {
    while (i > 0) {
        if (tokens[i].after_punctuation) return std::string_view::npos;
        --i;
        if (!states::is_article(tokens[i].word) && tokens[i].word != "of") return i;
    }
    return std::string_view::npos;
}

struct Candidate {
    const states::StateRow* row = nullptr;
    std::size_t first = 0, last = 0;  // tokens of the name, articles before it included
    std::size_t context_first = 0, context_last = 0;  // tokens quoted in `how`
    bool subject = false;
    bool adjective = false;
};

// A name's article is part of the mention: "the Sudan", « le Maroc », « aux Pays-Bas ».
std::size_t with_articles(const std::vector<states::NameToken>& tokens, std::size_t first) {
    while (first > 0 && !tokens[first].after_punctuation &&
           (states::is_article(tokens[first - 1].word)))
        --first;
    return first;
}

// Where the mention begins in the source, a French elided article included (« L’Andorre »).
std::size_t source_begin(std::string_view text, std::size_t begin) {
    for (std::string_view apostrophe : {"\xE2\x80\x99", "'"}) {
        if (begin < apostrophe.size() + 1) continue;
        if (text.substr(begin - apostrophe.size(), apostrophe.size()) != apostrophe) continue;
        const char elided = scan::lower(text[begin - apostrophe.size() - 1]);
        const std::size_t at = begin - apostrophe.size() - 1;
        const bool word_start = at == 0 || std::isspace(static_cast<unsigned char>(text[at - 1])) ||
                                text[at - 1] == '(' || text[at - 1] == '"';
        if ((elided == 'l' || elided == 'd') && word_start) return at;
    }
    return begin;
}

StateMention mention_of(std::string_view text, const std::vector<states::NameToken>& tokens,
                        const Candidate& c) {
    StateMention mention;
    mention.state = std::string(c.row->name);
    mention.offset = source_begin(text, tokens[c.first].begin);
    mention.length = tokens[c.last].end - mention.offset;
    const std::size_t from =
        std::min(mention.offset, source_begin(text, tokens[c.context_first].begin));
    std::size_t to = tokens[c.context_last].end;
    constexpr std::size_t kMaxQuote = 120;
    if (to - from > kMaxQuote) to = mention.offset + mention.length;
    mention.how = std::string(c.adjective ? "named by an adjective in the text: « "
                                          : "named in the text: « ") +
                  std::string(text.substr(from, to - from)) + " »";
    return mention;
}

// A recommendation names its state near its beginning; a longer input is not one recommendation,
// and reading only its head keeps detection within a millisecond or two whatever the input.
constexpr std::size_t kMaxReadBytes = 64 * 1024;

// `text` cut to at most kMaxReadBytes, at a space so that no word is cut.
std::string_view head_of(std::string_view text) {
    if (text.size() <= kMaxReadBytes) return text;
    const std::size_t space = text.rfind(' ', kMaxReadBytes);
    std::size_t end = space == std::string_view::npos || space == 0 ? kMaxReadBytes : space;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::optional<StateMention> detect_state(std::string_view whole, std::optional<Lang> lang) {
    const std::string_view text = head_of(whole);
    const Lookup& l = lookup();
    const std::vector<states::NameToken> tokens = states::name_tokens(text);
    const unsigned langs = lang ? lang_bit(*lang) : kAllLangBits;
    const bool check_capitals = std::any_of(
        tokens.begin(), tokens.end(), [](const auto& t) { return t.capitalized && !t.arabic; });

    std::optional<Candidate> first_name, first_adjective;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // "(France)", "(Brazil, Chile);": the recommending states of a UPR recommendation.
        if (tokens[i].in_parentheses) continue;
        const Found found = match_at(l, tokens, i, langs, check_capitals);
        if (!found.form) continue;
        const std::size_t last = i + found.words - 1;
        const Form& form = *found.form;
        if (form.kind == Kind::not_a_state) {
            i = last;
            continue;
        }
        const bool adjective = form.kind == Kind::adjective;
        Candidate c{form.row, adjective ? i : with_articles(tokens, i), last, 0, last, false,
                    adjective};
        c.context_first = adjective ? with_articles(tokens, i) : c.first;
        // "the Moroccan authorities": the adjective is quoted with its noun.
        if (adjective && last + 1 < tokens.size() && !tokens[last + 1].after_punctuation)
            c.context_last = last + 1;
        // An adjective stands for the state when it qualifies its authorities: a subject then.
        if (adjective) {
            const bool noun_after = last + 1 < tokens.size() &&
                                    !tokens[last + 1].after_punctuation &&
                                    l.governing_nouns.count(tokens[last + 1].word);
            const bool noun_before = i > 0 && !tokens[i].after_punctuation &&
                                     l.governing_nouns.count(tokens[i - 1].word);
            if (noun_before) {  // « le Gouvernement tunisien », «الحكومة التونسية»
                c.context_first = with_articles(tokens, i - 1);
                c.context_last = last;
            }
            if (noun_after || noun_before) return mention_of(text, tokens, c);
            if (!first_adjective) first_adjective = c;
            i = last;
            continue;
        }
        // Subject: followed by its verb, or after "that", «ينبغي», "the Government of"...
        if (last + 1 < tokens.size() && !tokens[last + 1].after_punctuation &&
            l.verbs_after.count(tokens[last + 1].word)) {
            c.subject = true;
            c.context_last = last + 1;
        }
        const std::size_t before = before_articles(tokens, i);
        if (before != std::string_view::npos && l.words_before.count(tokens[before].word)) {
            c.subject = true;
            c.context_first = before;
        }
        if (!c.subject && tokens[i].arabic && i >= 2 && !tokens[i].after_punctuation &&
            !tokens[i - 1].after_punctuation && tokens[i - 2].word == l.arabic_that) {
            c.subject = true;  // «أن تنضم عُمان»: «أن», the verb, then its subject
            c.context_first = i - 2;
        }
        if (form.subject_only && !c.subject) {
            i = last;
            continue;
        }
        if (c.subject) return mention_of(text, tokens, c);
        if (!first_name) first_name = c;
        i = last;
    }
    if (first_name) return mention_of(text, tokens, *first_name);
    if (first_adjective) return mention_of(text, tokens, *first_adjective);
    return std::nullopt;
}

}  // namespace tawsiya
