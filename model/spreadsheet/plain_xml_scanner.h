#pragma once
// A fast reader of the plain XML that spreadsheet programs write for a sheet:
// elements, attributes, text, the five predefined entities and character
// references, an XML declaration saying UTF-8. Expat reads a 200 MB sheet part
// at ~85 MB/s and was half the time of importing a 300 000-flow workbook;
// this reads it several times faster and gives the handler the same events.
//
// It is strict the other way round: whatever it is not sure expat would read
// the same (a comment, a CDATA section, a processing instruction, a DOCTYPE, a
// carriage return, a tab or line break inside an attribute value, another
// entity, a name beyond ASCII, an encoding other than UTF-8) or that is not
// well-formed is refused with PlainXmlRefusal, without a line and column.
// Only a caller that then reads the part again with expat (which names the
// place of a real error) may use it: the streamed import of a workbook.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace traza::model {

class XmlHandler;
class ZipArchive;

/// The part is beyond plain XML or not well-formed; where() = "file: part".
class PlainXmlRefusal : public InvalidInput {
public:
    using InvalidInput::InvalidInput;
};

class PlainXmlScanner {
public:
    PlainXmlScanner(XmlHandler& handler, std::string fileName, std::string part);

    /// Scans the next piece of the document (pieces may split anything).
    void feed(std::string_view chunk);
    /// Ends the document: the root element must be closed.
    void finish();

private:
    [[noreturn]] void refuse(const std::string& why) const;
    std::size_t scan(bool last);               // returns how much of m_buffer was consumed
    std::size_t tag(std::size_t at);           // a start or end tag at m_buffer[at] == '<'; npos if incomplete
    void text(std::string_view raw);           // character data between tags
    /// The text of `raw`: `raw` itself when it holds no reference (no copy), else decoded into `scratch`.
    std::string_view decode(std::string_view raw, std::string& scratch, bool attribute);
    void declaration(std::string_view inside);
    static bool isName(std::string_view);

    XmlHandler& m_handler;
    std::string m_fileName;
    std::string m_part;
    std::string m_buffer;                 // what is left of the last piece, then the next
    std::vector<std::string> m_open;      // names of the open elements
    std::string m_text;                   // decoded text, reused
    std::string m_attributeBytes;         // "name\0value\0..." of the current tag
    std::vector<const char*> m_attributes;
    bool m_started = false;               // past the XML declaration's place
    bool m_rootSeen = false;
};

/// Streams zip entry `part` through a PlainXmlScanner into `handler`.
void scanPlainXmlPart(ZipArchive& zip, const std::string& part, XmlHandler& handler);

}  // namespace traza::model
