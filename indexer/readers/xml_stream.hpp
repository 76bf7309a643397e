// A bounded, streaming walk over one XML part of a .docx or .odt (private to indexer/readers),
// through libxml2's text reader: no tree is built, no network or DTD is read, no entity is
// expanded, and nesting deeper than the limit is refused.
#pragma once

#include <string>
#include <string_view>

struct _xmlTextReader;

namespace tawsiya::readers {

class XmlStream {
  public:
    enum class Event { start, end, text };

    // `xml` must outlive the stream. `path` and `part` ("word/document.xml") name errors. Throws
    // DocumentError for a part with a DOCTYPE (no Word or ODF part has one; it is where entity
    // bombs live).
    XmlStream(std::string_view xml, std::string path, std::string part, int max_depth);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // The next event; false at the end of the part. An empty element (<w:tab/>) gives a start
    // then an end. Throws DocumentError for malformed XML or nesting past the limit.
    bool next();

    Event event() const { return event_; }
    // For start and end: the element's namespace URI and local name.
    bool is(std::string_view ns, std::string_view local) const;
    std::string_view local_name() const;
    // For start: the attribute `local` in namespace `ns` ("" when absent).
    std::string attribute(std::string_view ns, std::string_view local) const;
    // For text: the characters.
    std::string_view text() const;
    int depth() const { return depth_; }

    // Skips the rest of the element just started (its content and its end).
    void skip_element();

  private:
    [[noreturn]] void fail(const std::string& reason) const;
    _xmlTextReader* reader_ = nullptr;
    std::string path_, part_;
    int max_depth_;
    int depth_ = 0;
    Event event_ = Event::text;
    bool pending_end_ = false;  // an empty element's end, not yet given
};

}  // namespace tawsiya::readers
