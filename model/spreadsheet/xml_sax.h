#pragma once
// Streaming XML parsing with expat for the parts of an untrusted workbook. No
// tree is built: the handler sees elements and text as they arrive, so a
// 300 000-row sheet costs no more memory than its cells. Namespaces are
// resolved and dropped: handlers see local names only ("row", "value-type").
// A DOCTYPE (and with it every entity declaration, the billion-laughs attack
// and external entities) is refused: no part of an xlsx or ods has one.
#include <optional>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace traza::model {

class ZipArchive;
class XmlParser;

/// An element's attributes, looked up by local name.
class XmlAttributes {
public:
    explicit XmlAttributes(const char** pairs) : m_pairs(pairs) {}
    /// The value of the attribute whose local name is `name`, if present.
    std::optional<std::string_view> get(std::string_view name) const;
    /// Whether any attribute whose local name is `name` has value `value`
    /// (ods writes office:value-type and calcext:value-type side by side).
    bool any(std::string_view name, std::string_view value) const;

private:
    const char** m_pairs;
};

/// What a part's reader implements. A handler may throw traza::Error; the
/// parser stops and the error reaches the caller of feed()/finish().
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void startElement(std::string_view name, const XmlAttributes& attributes) = 0;
    virtual void endElement(std::string_view name) = 0;
    /// Character data, in pieces of any size (UTF-8, line ends normalised to \n).
    virtual void characters(std::string_view) {}

protected:
    /// Throws InvalidInput at the parser's current place ("file: part:line:column").
    [[noreturn]] void fail(const std::string& reason) const;

private:
    friend class XmlParser;
    const XmlParser* m_parser = nullptr;
};

class XmlParser {
public:
    /// `fileName` and `part` name the place in errors: "fileName: part:line:column".
    XmlParser(XmlHandler& handler, std::string fileName, std::string part);
    ~XmlParser();
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;

    /// Parses the next piece of the document. Throws InvalidInput on malformed
    /// XML or a DOCTYPE, or whatever the handler threw.
    void feed(std::string_view chunk);
    /// Ends the document (an unclosed element is an error here).
    void finish();
    /// "fileName: part:line:column" of the current parse position.
    std::string location() const;

private:
    void parse(const char* data, std::size_t size, bool last);

    XML_ParserStruct* m_parser;
    XmlHandler& m_handler;
    std::string m_fileName;
    std::string m_part;
};

/// Streams zip entry `part` through a parser into `handler`.
void parseXmlPart(ZipArchive& zip, const std::string& part, XmlHandler& handler);

}  // namespace traza::model
