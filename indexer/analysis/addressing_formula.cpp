// The formula by which a treaty body or a special procedure addresses the State ("The Committee
// recommends that the State party", "Le Rapporteur spécial recommande au Gouvernement de", "توصي
// اللجنة الدولة الطرف بأن", "The State party should"): it says who asks whom, not what is asked, so
// a committee's request and the same request made at the UPR ("Ratify ...") compare as one.
//
// After it, a request often opens with a phrase of effort that says how hard to try, not what to do
// ("continue its efforts to", "take all necessary measures to", "consider", "redoubler d'efforts
// pour", "مواصلة"); strip_lead_in() leaves that out too.
//
// A formula is a sequence of slots, each a list of phrases (one space for any run of spaces); an
// optional slot may be skipped. Phrases end at a word boundary unless they end with an attached
// connector ("d'", Arabic "ب"). Phrases and text are compared as the one TextNormalizer folds them
// (case, accents, Arabic letter variants and diacritics, apostrophes, NFKC), elisions kept, and the
// text is cut where its folded form says.
#include "tawsiya/recommendation_text.hpp"

#include <cctype>
#include <optional>
#include <vector>

#include "text_normalizer.hpp"

namespace tawsiya {

namespace {

const analysis::TextNormalizer& normalizer() {
    static const analysis::TextNormalizer instance;
    return instance;
}

struct Slot {
    Slot(const std::vector<std::string_view>& written, bool optional_slot = false)
        : optional(optional_slot) {
        for (const std::string_view phrase : written)
            phrases.push_back(normalizer().fold_with_origins(phrase).text);
    }
    std::vector<std::string> phrases;  // folded
    bool optional = false;
};

struct Formula {
    std::vector<Slot> slots;
    // Who writes it, and how many of its first slots already say so ("The Special Rapporteur
    // recommends" names its writer even when "that Morocco" follows instead of an addressee).
    FormulaWriter writer = FormulaWriter::unknown;
    std::size_t naming_slots = 0;
};

// The folded text a formula is read in. When `cut`, a prefix of it (the formulas stand at the start
// of a text, so the rest of a long one is not folded): a read at the prefix's end sets `overrun`,
// and the whole text is then folded and read again.
struct Folded {
    std::string_view s;
    bool cut = false;
    mutable bool overrun = false;

    bool end(std::size_t i) const {
        if (i < s.size()) return false;
        overrun = overrun || cut;
        return true;
    }
    char at(std::size_t i) const { return end(i) ? '\0' : s[i]; }
};

// Length of a space at `i` (NFKC made the no-break spaces ASCII ones).
std::size_t space_at(const Folded& s, std::size_t i) {
    return std::isspace(static_cast<unsigned char>(s.at(i))) ? 1 : 0;
}

std::size_t skip_spaces(const Folded& s, std::size_t i) {
    while (const std::size_t n = space_at(s, i)) i += n;
    return i;
}

// Whether `phrase` is at `i`; returns the end of the match.
std::optional<std::size_t> phrase_at(const Folded& s, std::size_t i, std::string_view phrase) {
    for (std::size_t p = 0; p < phrase.size();) {
        if (phrase[p] == ' ') {
            const std::size_t after = skip_spaces(s, i);
            if (after == i) return std::nullopt;
            i = after;
            ++p;
        } else {
            if (s.end(i) || s.at(i) != phrase[p]) return std::nullopt;
            ++i;
            ++p;
        }
    }
    // d' or a one-letter Arabic preposition (ب, ل) written onto the next word.
    const auto one_letter = [&](std::string_view letter) {
        return phrase == letter ||
               (phrase.ends_with(letter) && phrase[phrase.size() - letter.size() - 1] == ' ');
    };
    const bool attached = phrase.back() == '\'' || one_letter("\xD8\xA8") || one_letter("\xD9\x84");
    if (attached) return i;
    // A word boundary: the end, a space or ASCII punctuation (not "committees", "الحكومية").
    if (s.end(i) || space_at(s, i) || std::ispunct(static_cast<unsigned char>(s.at(i)))) return i;
    return std::nullopt;
}

// The end of the first `slots` slots of `formula` matched from slot `k` at `i` (longest phrases are
// listed first).
std::optional<std::size_t> formula_at(const Folded& s, std::size_t i, const Formula& formula,
                                      std::size_t k, std::size_t slots) {
    if (k == slots) return i;
    const Slot& slot = formula.slots[k];
    const std::size_t start = k == 0 ? i : skip_spaces(s, i);
    for (const std::string_view phrase : slot.phrases)
        if (const auto end = phrase_at(s, start, phrase))
            if (const auto rest = formula_at(s, *end, formula, k + 1, slots)) return rest;
    if (slot.optional) return formula_at(s, i, formula, k + 1, slots);
    return std::nullopt;
}

const std::vector<Formula>& addressing_formulas() {
    // The subjects and addressees are split by writer: a committee (or the Subcommittee on
    // Prevention of Torture) addresses "the State party", a special procedure "the Government".
    // English
    static const Slot en_committee{{"the committee", "the subcommittee"}};
    static const Slot en_procedure{{"the special rapporteurs", "the special rapporteur",
                                    "the working group", "the independent expert",
                                    "the expert mechanism"}};
    static const Slot en_adverb{{"also", "further", "strongly", "again", "therefore"}, true};
    static const Slot en_verb{{"reiterates its recommendation that", "recommends", "urges",
                               "calls upon", "calls on", "encourages", "requests", "invites"}};
    static const Slot en_addressee{{"that the state party", "the state party",
                                    "that the government", "the government", "that the authorities",
                                    "the authorities"}};
    static const Slot en_connector{{"to", "should"}, true};
    static const Slot en_party{{"the state party"}};
    static const Slot en_government{{"the government", "the authorities"}};
    static const Slot en_modal{{"should", "must"}};
    // French
    static const Slot fr_committee{{"le comité", "le sous-comité"}};
    static const Slot fr_procedure{{"le rapporteur spécial", "la rapporteuse spéciale",
                                    "le groupe de travail", "l'expert indépendant",
                                    "l'experte indépendante"}};
    static const Slot fr_adverb{{"également", "en outre", "vivement", "aussi", "de nouveau"}, true};
    static const Slot fr_verb{{"recommande", "prie instamment", "exhorte", "engage", "invite",
                               "demande", "encourage", "appelle"}};
    static const Slot fr_addressee{{"à l'état partie", "l'état partie", "au gouvernement",
                                    "le gouvernement", "aux autorités", "les autorités"}};
    static const Slot fr_connector{{"de", "d'", "à"}, true};
    static const Slot fr_party{{"l'état partie"}};
    static const Slot fr_government{{"le gouvernement", "les autorités"}};
    static const Slot fr_modal{{"devraient", "devrait", "doivent", "doit"}};
    // Arabic (with the conjunction و attached, as a report continues a paragraph)
    static const Slot ar_verb{{"توصي",  "تحث",   "تدعو", "تشجع",  "تطلب",  "يوصي",  "يحث",
                               "يدعو",  "يشجع",  "يطلب", "وتوصي", "وتحث",  "وتدعو", "وتشجع",
                               "وتطلب", "ويوصي", "ويحث", "ويدعو", "ويشجع", "ويطلب"}};
    static const Slot ar_committee{{"اللجنة الفرعية", "اللجنة"}};
    static const Slot ar_procedure{
        {"المقررة الخاصة", "المقرر الخاص", "الفريق العامل", "الخبيرة المستقلة", "الخبير المستقل"}};
    static const Slot ar_adverb{{"أيضاً", "أيضا", "كذلك", "بشدة"}, true};
    static const Slot ar_addressee{{"الدولة الطرف", "الحكومة", "السلطات"}};
    static const Slot ar_connector{{"بأن", "على", "إلى", "ب"}, true};
    static const Slot ar_modal{{"ينبغي", "وينبغي", "يجب", "ويجب"}};
    static const Slot ar_party{{"للدولة الطرف", "على الدولة الطرف"}};
    static const Slot ar_government{{"للحكومة", "على الحكومة"}};
    static const Slot ar_that{{"أن"}, true};

    using W = FormulaWriter;
    static const std::vector<Formula> all = {
        {{en_committee, en_adverb, en_verb, en_adverb, en_addressee, en_connector},
         W::treaty_body,
         3},
        {{en_procedure, en_adverb, en_verb, en_adverb, en_addressee, en_connector},
         W::special_procedure,
         3},
        {{en_party, en_modal}, W::treaty_body, 2},
        {{en_government, en_modal}},
        {{fr_committee, fr_adverb, fr_verb, fr_adverb, fr_addressee, fr_connector},
         W::treaty_body,
         3},
        {{fr_procedure, fr_adverb, fr_verb, fr_adverb, fr_addressee, fr_connector},
         W::special_procedure,
         3},
        {{fr_party, fr_modal}, W::treaty_body, 2},
        {{fr_government, fr_modal}},
        {{ar_verb, ar_committee, ar_adverb, ar_addressee, ar_connector}, W::treaty_body, 2},
        {{ar_verb, ar_procedure, ar_adverb, ar_addressee, ar_connector}, W::special_procedure, 2},
        {{ar_modal, ar_party, ar_that}, W::treaty_body, 2},
        {{ar_modal, ar_government, ar_that}},
    };
    return all;
}

const std::vector<Formula>& effort_phrases() {
    static const Slot en{{"continue its efforts to",
                          "continue their efforts to",
                          "continue efforts to",
                          "continue to",
                          "take all necessary measures to",
                          "take all the necessary measures to",
                          "take the necessary measures to",
                          "take all appropriate measures to",
                          "take appropriate measures to",
                          "take measures to",
                          "take all necessary steps to",
                          "take the necessary steps to",
                          "take steps to",
                          "step up its efforts to",
                          "step up efforts to",
                          "redouble its efforts to",
                          "redouble efforts to",
                          "intensify its efforts to",
                          "intensify efforts to",
                          "strengthen its efforts to",
                          "strengthen efforts to",
                          "pursue its efforts to",
                          "make further efforts to",
                          "make efforts to",
                          "consider"}};
    static const Slot fr{
        {"continuer de", "continuer à", "poursuivre ses efforts pour",
         "poursuivre ses efforts en vue de", "poursuivre ses efforts visant à",
         "poursuivre les efforts pour", "prendre toutes les mesures nécessaires pour",
         "prendre toutes les mesures nécessaires afin de", "prendre les mesures nécessaires pour",
         "prendre toutes les mesures appropriées pour", "prendre des mesures pour",
         "redoubler d'efforts pour", "intensifier ses efforts pour",
         "intensifier ses efforts visant à", "intensifier les efforts pour",
         "renforcer ses efforts pour", "envisager de", "envisager d'"}};
    static const Slot ar{{"مواصلة", "الاستمرار في", "اتخاذ جميع التدابير اللازمة ل",
                          "اتخاذ التدابير اللازمة ل", "اتخاذ تدابير ل", "مضاعفة جهودها من أجل",
                          "مضاعفة الجهود من أجل", "تكثيف جهودها من أجل", "تكثيف الجهود من أجل",
                          "النظر في"}};
    static const std::vector<Formula> all = {{{en}}, {{fr}}, {{ar}}};
    return all;
}

// Where the folded text goes on after the first of `formulas` that opens it at `from`, or `from`
// when none does (or when nothing of `text` would be left: "The Committee recommends that the
// State party:" is left whole).
std::size_t after_first(const Folded& s, const std::vector<std::size_t>& origin,
                        std::string_view text, std::size_t from,
                        const std::vector<Formula>& formulas) {
    const std::size_t start = skip_spaces(s, from);
    for (const Formula& formula : formulas)
        if (const auto end = formula_at(s, start, formula, 0, formula.slots.size())) {
            const std::size_t rest = skip_spaces(s, *end);
            if (text.substr(origin[rest]).find_first_not_of(" \t\r\n:;,.") ==
                std::string_view::npos)
                return from;
            return rest;
        }
    return from;
}

// Bytes of a text folded first: most formulas and phrases of effort end within them.
constexpr std::size_t kPrefixBytes = 160;

// `text` after what `read` (folded text, origins -> folded position) strips, read in the folded
// prefix of the text up to a space after kPrefixBytes (folding stops at no other boundary: a space
// starts a normalization segment and no rule looks across it), and in the whole text when it
// reads up to the prefix's end.
template <class Read>
std::string_view strip(std::string_view text, const Read& read) {
    std::string_view prefix = text;
    if (text.size() > kPrefixBytes)
        if (const std::size_t cut = text.find_first_of(" \t\n\v\f\r", kPrefixBytes);
            cut != std::string_view::npos)
            prefix = text.substr(0, cut);
    for (;;) {
        const analysis::FoldedText folded = normalizer().fold_with_origins(prefix);
        const Folded scan{folded.text, prefix.size() < text.size()};
        const std::size_t at = read(scan, folded.origin);
        if (!scan.overrun) return at == 0 ? text : text.substr(folded.origin[at]);
        prefix = text;
    }
}

}  // namespace

std::string_view strip_addressing_formula(std::string_view text) {
    return strip(text, [&](const Folded& s, const std::vector<std::size_t>& origin) {
        return after_first(s, origin, text, 0, addressing_formulas());
    });
}

std::string_view strip_lead_in(std::string_view text) {
    return strip(text, [&](const Folded& s, const std::vector<std::size_t>& origin) {
        const std::size_t after_formula = after_first(s, origin, text, 0, addressing_formulas());
        return after_first(s, origin, text, after_formula, effort_phrases());
    });
}

FormulaWriter addressing_formula_writer(std::string_view text) {
    // Anywhere, not only in front: "Rappelant sa recommandation précédente, le Comité recommande"
    // is a committee's as much as a paragraph that opens with it. A formula must start a word.
    const std::string folded = normalizer().fold_with_origins(text).text;
    const Folded s{folded};
    for (std::size_t i = skip_spaces(s, 0); i < folded.size(); ++i) {
        const bool word_start =
            i == 0 || space_at(s, i - 1) || std::ispunct(static_cast<unsigned char>(s.at(i - 1)));
        if (!word_start) continue;
        for (const Formula& formula : addressing_formulas())
            if (formula.naming_slots > 0 && formula_at(s, i, formula, 0, formula.naming_slots))
                return formula.writer;
    }
    return FormulaWriter::unknown;
}

}  // namespace tawsiya
