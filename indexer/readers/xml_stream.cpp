#include "xml_stream.hpp"

#include <libxml/xmlreader.h>

#include <cstring>

#include "tawsiya/document_file.hpp"

namespace tawsiya::readers {

namespace {

const char* chars(const xmlChar* s) {
    return reinterpret_cast<const char*>(s);
}

// libxml2 reports through this (instead of printing on stderr); the first message is kept.
void keep_first_error(void* context, xmlErrorPtr error) {
    auto* message = static_cast<std::string*>(context);
    if (!message->empty() || !error || !error->message || error->level < XML_ERR_ERROR) return;
    *message = "line " + std::to_string(error->line) + ": " + error->message;
    while (!message->empty() && (message->back() == '\n' || message->back() == ' '))
        message->pop_back();
}

}  // namespace

XmlStream::XmlStream(std::string_view xml, std::string path, std::string part, int max_depth)
    : path_(std::move(path)), part_(std::move(part)), max_depth_(max_depth) {
    // A DOCTYPE is where entity expansion bombs live, and no Word or ODF part has one.
    if (xml.find("<!DOCTYPE") != std::string_view::npos ||
        xml.find("<!ENTITY") != std::string_view::npos)
        fail("a DOCTYPE or entity declaration, which no Word or ODF part has: refused");
    // Without XML_PARSE_NOENT entities are not substituted; NONET: nothing is fetched; HUGE is
    // not set, so libxml2 keeps its own limits on text node and name sizes.
    reader_ = xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (!reader_) fail("cannot be parsed as XML");
}

XmlStream::~XmlStream() {
    if (reader_) xmlFreeTextReader(reader_);
}

void XmlStream::fail(const std::string& reason) const {
    throw DocumentError(path_, part_ + ": " + reason);
}

bool XmlStream::next() {
    if (pending_end_) {
        pending_end_ = false;
        event_ = Event::end;
        --depth_;
        return true;
    }
    for (;;) {
        std::string error;
        xmlTextReaderSetStructuredErrorHandler(reader_, keep_first_error, &error);
        const int status = xmlTextReaderRead(reader_);
        xmlTextReaderSetStructuredErrorHandler(reader_, nullptr, nullptr);
        if (status < 0 || !error.empty())
            fail("broken XML" + (error.empty() ? std::string() : " (" + error + ")"));
        if (status == 0) return false;
        switch (xmlTextReaderNodeType(reader_)) {
            case XML_READER_TYPE_ELEMENT:
                if (++depth_ > max_depth_)
                    fail("XML nested deeper than " + std::to_string(max_depth_) + " levels");
                event_ = Event::start;
                pending_end_ = xmlTextReaderIsEmptyElement(reader_) == 1;
                return true;
            case XML_READER_TYPE_END_ELEMENT:
                --depth_;
                event_ = Event::end;
                return true;
            case XML_READER_TYPE_TEXT:
            case XML_READER_TYPE_CDATA:
            case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
                event_ = Event::text;
                return true;
            case XML_READER_TYPE_DOCUMENT_TYPE:
            case XML_READER_TYPE_ENTITY_REFERENCE:
                fail("a DOCTYPE or entity reference, which no Word or ODF part has: refused");
            default:
                continue;  // comments, processing instructions, ignorable whitespace
        }
    }
}

bool XmlStream::is(std::string_view ns, std::string_view local) const {
    const xmlChar* uri = xmlTextReaderConstNamespaceUri(reader_);
    const xmlChar* name = xmlTextReaderConstLocalName(reader_);
    return uri && name && ns == chars(uri) && local == chars(name);
}

std::string_view XmlStream::local_name() const {
    const xmlChar* name = xmlTextReaderConstLocalName(reader_);
    return name ? chars(name) : "";
}

std::string XmlStream::attribute(std::string_view ns, std::string_view local) const {
    xmlChar* value = xmlTextReaderGetAttributeNs(
        reader_, reinterpret_cast<const xmlChar*>(std::string(local).c_str()),
        reinterpret_cast<const xmlChar*>(std::string(ns).c_str()));
    if (!value) return {};
    std::string out = chars(value);
    xmlFree(value);
    return out;
}

std::string_view XmlStream::text() const {
    const xmlChar* value = xmlTextReaderConstValue(reader_);
    return value ? chars(value) : "";
}

void XmlStream::skip_element() {
    const int until = depth_ - 1;
    while (depth_ > until && next()) {
    }
}

}  // namespace tawsiya::readers
