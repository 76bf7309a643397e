// Documents as staff receive them: the PDF, Word and OpenDocument fixtures of tests/fixtures/
// (made by tests/fixtures/make_fixtures.py) read through the real readers, their kind taken
// from their content, and files that would exhaust a reader refused with their reason.
#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/files.hpp"
#include "support/temp_dir.hpp"
#include "tawsiya/document_file.hpp"
#include "tawsiya/reader.hpp"

using tawsiya::test::read_file;
using tawsiya::test::write_file;

using namespace tawsiya;

namespace {

std::string fixture(const std::string& name) {
    return test::source_path("tests/fixtures/" + name);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A zip archive written by libzip: `entries` are name and content, deflated.
std::string make_zip(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& entries) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip);
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        REQUIRE(source);
        REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);  // writes (and compresses) here, while `entries` live
    return read_file(path);
}

std::string docx_with(const std::string& document_xml) {
    return std::string("<?xml version=\"1.0\"?>") + document_xml;
}

constexpr const char* kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string reason_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const DocumentError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("a PDF is read in reading order without its running headers, footers and line numbers",
          "[documents]") {
    const DocumentText pdf = read_document(fixture("upr-report-en.pdf"));
    CHECK(pdf.format == FileFormat::pdf);
    CHECK(pdf.pages == 3);
    // The symbol stays where the first page prints it, in its masthead; the running header of
    // the next pages ("A/HRC/99/12") and the footers ("GE.26-10234 2") are gone.
    CHECK(count(pdf.text, "A/HRC/99/12") == 1);
    CHECK(pdf.text.rfind("United Nations A/HRC/99/12", 0) == 0);
    CHECK(count(pdf.text, "GE.26") == 0);
    // No line number is left, alone or before the text ("12 The Working Group"); paragraph
    // numbers are ("1. The", "95.1 Ratify").
    const std::regex line_number(R"(^\d+( .*)?$)");
    for (const auto& line : lines_of(pdf.text)) {
        INFO(line);
        CHECK_FALSE(std::regex_match(line, line_number));
    }
    // The 25 recommendations in order, each once.
    std::size_t at = 0;
    for (int i = 1; i <= 25; ++i) {
        const std::string number = "\n95." + std::to_string(i) + " ";
        INFO(number);
        CHECK(count(pdf.text, number) == 1);
        const auto found = pdf.text.find(number);
        CHECK(found > at);
        at = found;
    }
    // Paragraphs are separated by a blank line, lines of one paragraph are not.
    CHECK(pdf.text.find("Minister of\nJustice.\n\n2. The delegation") != std::string::npos);
}

TEST_CASE("an Arabic PDF is read right to left, numbers left to right", "[documents]") {
    const DocumentText pdf = read_document(fixture("concluding-observations-ar.pdf"));
    CHECK(pdf.format == FileFormat::pdf);
    for (const char* line : {"\n١٤- تعرب اللجنة عن قلقها إزاء اكتظاظ السجون في الدولة الطرف.\n",
                             "\n١٥- توصي اللجنة الدولة الطرف بما يلي:\n",
                             "\n(أ) الحد من اكتظاظ السجون باللجوء إلى العقوبات البديلة،",
                             "\n(ب) ضمان حصول كل محتجز على طبيب مستقل في غضون أربع وعشرين ساعة."}) {
        INFO(line);
        CHECK(pdf.text.find(line) != std::string::npos);
    }
    CHECK(count(pdf.text, "CAT/C/FRD/CO/3") == 1);
    CHECK(count(pdf.text, "GE.26") == 0);
}

TEST_CASE("a UPR report in PDF gives its recommendations to `tawsiya index`", "[documents]") {
    std::vector<Record> records;
    ReadReport report;
    read_any(
        fixture("upr-report-en.pdf"), {}, [&](Record&& r) { records.push_back(r); }, report);
    CHECK(report.problems.empty());
    REQUIRE(records.size() == 25);
    CHECK(records[0].id == "A/HRC/99/12:95.1");
    CHECK(records[0].text.at(Lang::en) ==
          "Ratify the Optional Protocol to the Convention against Torture");
    CHECK(records[0].recommending_states == std::vector<std::string>{"Denmark"});
    CHECK(records[0].session == 49);
    CHECK(records[0].response == "supported");
    // The recommendation cut by the page break is whole, without the furniture between.
    CHECK(records[4].text.at(Lang::en) ==
          "Adopt a comprehensive law against discrimination, covering all grounds of "
          "discrimination");
    CHECK(records[18].recommending_states ==
          std::vector<std::string>{"United Kingdom of Great Britain and Northern Ireland"});
}

TEST_CASE("a Word file keeps its paragraphs and list numbers, not its header and footer",
          "[documents]") {
    const DocumentText docx = read_document(fixture("concluding-observations-fr.docx"));
    CHECK(docx.format == FileFormat::docx);
    const auto lines = lines_of(docx.text);
    // One paragraph a line, a blank line between.
    REQUIRE(lines.size() > 4);
    CHECK(lines[1].empty());
    auto has_line = [&](const std::string& start) {
        for (const auto& line : lines)
            if (line.rfind(start, 0) == 0) return true;
        return false;
    };
    CHECK(has_line("1. Le Comité a examiné le troisième rapport"));
    CHECK(has_line("3. Le Comité est préoccupé"));
    // The numbering goes on across headings, as Word shows it; sub-paragraphs as "a)".
    CHECK(has_line("4. Le Comité recommande à l’État partie :"));
    CHECK(has_line("a) De garantir à toute personne"));
    CHECK(has_line("b) De veiller à ce que"));
    CHECK(has_line("c) De tenir un registre"));
    CHECK(has_line("5. L’État partie devrait redoubler"));
    CHECK(has_line("Conditions de détention"));
    // The page header (word/header*.xml) and footer are not the text.
    CHECK(count(docx.text, "CAT/C/FRD/CO/3") == 1);
    CHECK(count(docx.text, "GE.26") == 0);
}

TEST_CASE("an OpenDocument file keeps its list numbers: a start value and (a), (b)",
          "[documents]") {
    const DocumentText odt = read_document(fixture("concluding-observations-en.odt"));
    CHECK(odt.format == FileFormat::odt);
    for (const char* paragraph :
         {"\n\n24. The Committee notes with concern",
          "\n\n25. The Committee recommends that the "
          "State party:\n\n(a) Ensure free",
          "\n\n(b) Raise awareness", "\n\nCorporal punishment\n\n26. The State party should"}) {
        INFO(paragraph);
        CHECK(odt.text.find(paragraph) != std::string::npos);
    }
    CHECK(count(odt.text, "GE.26") == 0);
}

TEST_CASE("the kind of a document is its content, not its name", "[documents]") {
    test::TempDir dir;
    const std::string renamed_pdf = dir / "report.txt", renamed_docx = dir / "observations";
    write_file(renamed_pdf, read_file(fixture("upr-report-en.pdf")));
    write_file(renamed_docx, read_file(fixture("concluding-observations-fr.docx")));
    CHECK(read_document(renamed_pdf).text == read_document(fixture("upr-report-en.pdf")).text);
    CHECK(read_document(renamed_docx).format == FileFormat::docx);
    ReadReport report;
    std::size_t records = 0;
    read_any(
        renamed_pdf, {}, [&](Record&&) { ++records; }, report);
    CHECK(records == 25);
    // Named .pdf but text: refused with its reason rather than read as a PDF.
    write_file(dir / "fake.pdf", "II. Conclusions and/or recommendations\n");
    CHECK_THROWS_WITH(read_any(
                          dir / "fake.pdf", {}, [](Record&&) {}, report),
                      Catch::Contains("named .pdf but its content is not a PDF"));
    // Plain text in another encoding is text.
    const DocumentText latin = document_text("R\xE9publique", "latin.txt", "ISO-8859-1");
    CHECK(latin.format == FileFormat::text);
    CHECK(latin.text == "République");
}

TEST_CASE("documents that would exhaust a reader are refused with their reason", "[documents]") {
    test::TempDir dir;
    DocumentLimits small;
    small.max_entry_bytes = 1 << 20;

    // A zip bomb: 8 MiB of zeros deflate to a few KB; reading stops at the limit.
    const std::string bomb =
        make_zip(dir / "bomb.docx", {{"word/document.xml", std::string(8 << 20, '\0')}});
    CHECK(bomb.size() < 100000);
    CHECK_THAT(reason_of([&] { document_text(bomb, "bomb.docx", "", small); }),
               Catch::Contains("bomb.docx:0: the zip entry word/document.xml inflates past 1 MiB"));

    // XML nested past the limit, a DOCTYPE (entity expansion), broken XML.
    std::string deep = std::string("<w:document ") + kW + ">";
    for (int i = 0; i < 200; ++i) deep += "<w:p>";
    const std::string deep_docx = make_zip(dir / "deep.docx", {{"word/document.xml", deep}});
    CHECK_THAT(reason_of([&] { document_text(deep_docx, "deep.docx"); }),
               Catch::Contains("word/document.xml: XML nested deeper than 128 levels"));
    const std::string laughs =
        make_zip(dir / "laughs.docx",
                 {{"word/document.xml",
                   "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                   "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>"}});
    CHECK_THAT(reason_of([&] { document_text(laughs, "laughs.docx"); }),
               Catch::Contains("a DOCTYPE or entity declaration"));
    const std::string broken =
        make_zip(dir / "broken.docx",
                 {{"word/document.xml", docx_with(std::string("<w:document ") + kW + "><w:p>")}});
    CHECK_THAT(reason_of([&] { document_text(broken, "broken.docx"); }),
               Catch::Contains("broken.docx:0: word/document.xml: broken XML"));

    // Zip archives that are not text documents.
    const std::string other = make_zip(dir / "other.zip", {{"data.csv", "a,b\n"}});
    CHECK_THAT(reason_of([&] { document_text(other, "other.zip"); }),
               Catch::Contains("neither a Word (.docx) nor an OpenDocument text"));
    const std::string sheet = make_zip(
        dir / "sheet.ods",
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
    CHECK_THAT(reason_of([&] { document_text(sheet, "sheet.ods"); }),
               Catch::Contains("only text documents (.odt) are read"));
    CHECK_THAT(reason_of([&] { document_text("PK\3\4garbage", "cut.docx"); }),
               Catch::Contains("cut.docx:0: a damaged zip archive"));

    // PDFs: damaged, cut short, over the page limit; an old Word file.
    CHECK_THAT(reason_of([&] { document_text("%PDF-1.4\nnothing else", "bad.pdf"); }),
               Catch::Contains("bad.pdf:0: a damaged PDF"));
    const std::string pdf = read_file(fixture("upr-report-en.pdf"));
    for (std::size_t cut : {std::size_t{100}, pdf.size() / 2, pdf.size() - 100}) {
        INFO("the PDF cut at " << cut);
        try {
            document_text(pdf.substr(0, cut), "cut.pdf");  // Poppler may recover some pages
        } catch (const DocumentError&) {
        }
    }
    DocumentLimits two_pages;
    two_pages.max_pages = 2;
    CHECK_THAT(reason_of([&] { document_text(pdf, "long.pdf", "", two_pages); }),
               Catch::Contains("long.pdf:0: a PDF of 3 pages: more than 2"));
    CHECK_THAT(reason_of([&] {
                   document_text(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "....",
                                 "old.doc");
               }),
               Catch::Contains("an old Word (.doc) file"));
    DocumentLimits tiny;
    tiny.max_file_bytes = 1000;
    CHECK_THAT(reason_of([&] { read_document(fixture("upr-report-en.pdf"), "", tiny); }),
               Catch::Contains("larger than 0 MiB"));
}

TEST_CASE("`tawsiya tag` splits the PDF, Word and OpenDocument fixtures", "[documents][cli]") {
    test::TempDir dir;
    const std::string db = test::index_sample_corpus(dir);
    if (db.empty()) {
        WARN("corpus/sample.jsonl is absent: skipped");
        return;
    }
    auto tag = [&](const std::string& file) {
        const std::string out = dir / "tag.out", err = dir / "tag.err";
        const int status =
            test::run({"/bin/sh", "-c",
                       std::string("exec \"$0\" tag --db \"$1\" --k 1 \"$2\" >\"$3\" 2>\"$4\""),
                       TAWSIYA_BINARY, db, file, out, err},
                      dir / "sh.log");
        return std::tuple{status, read_file(out), read_file(err)};
    };
    auto paragraphs = [](const std::string& jsonl) {
        std::vector<std::string> numbers;
        const std::regex number(R"x("paragraph":"([^"]*)")x");
        for (const auto& line : lines_of(jsonl)) {
            std::smatch m;
            if (std::regex_search(line, m, number)) numbers.push_back(m[1]);
        }
        return numbers;
    };
    {
        const auto [status, out, err] = tag(fixture("upr-report-en.pdf"));
        CHECK(status == 0);
        CHECK_THAT(err, Catch::Contains("25 recommendations found"));
        CHECK(paragraphs(out).size() == 25);
        CHECK(paragraphs(out).front() == "95.1");
        CHECK(count(out, "GE.26") == 0);
        CHECK(count(out, "A/HRC/99/12\\n") == 0);
    }
    {
        const auto [status, out, err] = tag(fixture("concluding-observations-en.odt"));
        CHECK(status == 0);
        CHECK(paragraphs(out) == std::vector<std::string>{"25 (a)", "25 (b)", "26"});
    }
    {
        const auto [status, out, err] = tag(fixture("concluding-observations-ar.pdf"));
        CHECK(status == 0);
        CHECK(paragraphs(out) == std::vector<std::string>{"15 (أ)", "15 (ب)"});
    }
    {
        // The French style: sub-paragraphs "a)" under the Committee's chapeau, each one
        // recommendation of the committee the symbol names.
        const auto [status, out, err] = tag(fixture("concluding-observations-fr.docx"));
        CHECK(status == 0);
        CHECK(paragraphs(out) == std::vector<std::string>{"4 (a)", "4 (b)", "4 (c)", "5"});
        CHECK_THAT(out, Catch::Contains("De garantir"));
        CHECK_THAT(out, Catch::Contains("redoubler d’efforts"));
        CHECK(count(out, "\"issuer\":{\"mechanism\":\"treaty_body\",\"body\":\"CAT\"}") == 4);
        CHECK(count(out, "GE.26") == 0);
    }
    {
        // A zip bomb given to the command: its reason, exit 1, no crash.
        std::string zeros(80 << 20, '\0');
        make_zip(dir / "bomb.docx", {{"word/document.xml", zeros}});
        const auto [status, out, err] = tag(dir / "bomb.docx");
        CHECK(status == 1);
        CHECK_THAT(err, Catch::Contains("bomb.docx:0: the zip entry word/document.xml inflates "
                                        "past 64 MiB"));
    }
}
