// Documents as staff receive them (a PDF, a Word .docx, an OpenDocument .odt, or plain text in
// any encoding) turned into UTF-8 text with LF line endings, paragraphs separated by a blank
// line, for the splitter (document_split.hpp) and the UN report reader. The format is read from
// the content (magic bytes), not the file name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tawsiya/error.hpp"

namespace tawsiya {

enum class FileFormat { text, pdf, docx, odt };

// "text", "PDF", "Word (.docx)", "OpenDocument (.odt)": for messages.
const char* file_format_name(FileFormat format);

// What one document may cost. A document over a limit is refused with DocumentError naming the
// limit; nothing is read past it (a zip bomb inflates no further than max_entry_bytes).
struct DocumentLimits {
    std::size_t max_file_bytes = std::size_t{64} << 20;
    std::size_t max_pages = 2000;                         // PDF
    std::size_t max_entry_bytes = std::size_t{64} << 20;  // one zip entry, uncompressed
    std::size_t max_zip_entries = 20000;                  // entries in a .docx/.odt
    int max_xml_depth = 128;  // element nesting in a zip's XML (libxml2 itself stops at 256)
    std::size_t max_text_bytes = std::size_t{32} << 20;  // the text a document gives
};

// A document that cannot be read: damaged, encrypted, over a limit, not the kind its content
// claims. The message is "file:0: reason", as for every input error.
class DocumentError : public InputError {
  public:
    DocumentError(const std::string& file, const std::string& reason)
        : InputError(file, 0, reason) {}
};

// The format `bytes` are in, by their first bytes: "%PDF-" is a PDF; a zip archive is a .docx when
// it holds word/document.xml, an .odt when its mimetype says OpenDocument text; anything else is
// text. Throws DocumentError for a zip archive that is neither (a spreadsheet, a damaged file).
FileFormat file_format(std::string_view bytes, const std::string& path,
                       const DocumentLimits& limits = {});

// True when `head` (a file's first bytes) opens a PDF or a zip archive (.docx, .odt): a file
// to read through document_text whatever its name.
bool is_binary_document(std::string_view head);

// True when `head` opens an OLE compound file: an old Word .doc, which is not read.
bool is_legacy_office(std::string_view head);

struct DocumentText {
    std::string text;
    FileFormat format = FileFormat::text;
    std::size_t pages = 0;  // PDF only
    // PDF only: the 1-based line of `text` each page starts on, in page order, so that a line
    // (DocumentParagraph::line) can be told its page (page_of_line).
    std::vector<std::size_t> page_lines;
};

// The 1-based page `line` of a PDF's text is on; 0 when there are no pages (not a PDF).
std::size_t page_of_line(const std::vector<std::size_t>& page_lines, std::size_t line);

// The text of a document held in memory; `path` names it in errors. `encoding` (an ICU
// converter name) applies to plain text only; empty: UTF-8 when valid, else Mac Roman.
DocumentText document_text(std::string_view bytes, const std::string& path,
                           const std::string& encoding = {}, const DocumentLimits& limits = {});

// The same for a file ("-": standard input). Throws InputError when it cannot be opened.
DocumentText read_document(const std::string& path, const std::string& encoding = {},
                           const DocumentLimits& limits = {});

}  // namespace tawsiya
