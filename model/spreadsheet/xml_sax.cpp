#include "xml_sax.h"

#include <expat.h>

#include <cstring>
#include <exception>

#include "error.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

// Expat joins namespace URI and local name with this; it cannot occur in either.
constexpr char kNamespaceSeparator = '\x01';

std::string_view localName(const char* qualified) {
    std::string_view name(qualified);
    const std::size_t sep = name.rfind(kNamespaceSeparator);
    return sep == std::string_view::npos ? name : name.substr(sep + 1);
}

// Everything a callback needs; exceptions must not unwind through expat's C
// frames, so a callback stores what was thrown and stops the parser.
struct Context {
    XML_Parser parser;
    XmlHandler* handler;
    std::exception_ptr error;
    std::string refusal;  // a DOCTYPE met
};

template <class F>
void guarded(void* data, F&& f) {
    auto* c = static_cast<Context*>(data);
    if (c->error || !c->refusal.empty()) return;
    try {
        f(*c);
    } catch (...) {
        c->error = std::current_exception();
        XML_StopParser(c->parser, XML_FALSE);
    }
}

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    guarded(data, [&](Context& c) { c.handler->startElement(localName(name), XmlAttributes(attributes)); });
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
    guarded(data, [&](Context& c) { c.handler->endElement(localName(name)); });
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    guarded(data, [&](Context& c) { c.handler->characters(std::string_view(text, static_cast<std::size_t>(length))); });
}

void XMLCALL onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* c = static_cast<Context*>(data);
    if (c->refusal.empty()) c->refusal = "a DOCTYPE declaration (entities) is not allowed in a workbook part";
    XML_StopParser(c->parser, XML_FALSE);
}

void XMLCALL onEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                      const XML_Char*, const XML_Char*) {
    auto* c = static_cast<Context*>(data);
    if (c->refusal.empty()) c->refusal = "an entity declaration is not allowed in a workbook part";
    XML_StopParser(c->parser, XML_FALSE);
}

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
    for (const char** p = m_pairs; p && *p; p += 2)
        if (localName(p[0]) == name) return std::string_view(p[1]);
    return std::nullopt;
}

bool XmlAttributes::any(std::string_view name, std::string_view value) const {
    for (const char** p = m_pairs; p && *p; p += 2)
        if (localName(p[0]) == name && value == p[1]) return true;
    return false;
}

void XmlHandler::fail(const std::string& reason) const {
    throw InvalidInput(m_parser ? m_parser->location() : std::string(), reason);
}

XmlParser::XmlParser(XmlHandler& handler, std::string fileName, std::string part)
    : m_parser(XML_ParserCreateNS(nullptr, kNamespaceSeparator)), m_handler(handler),
      m_fileName(std::move(fileName)), m_part(std::move(part)) {
    if (!m_parser) throw std::bad_alloc();
    auto* context = new Context{m_parser, &handler, nullptr, {}};
    XML_SetUserData(m_parser, context);
    XML_SetElementHandler(m_parser, onStart, onEnd);
    XML_SetCharacterDataHandler(m_parser, onText);
    XML_SetStartDoctypeDeclHandler(m_parser, onDoctype);
    XML_SetEntityDeclHandler(m_parser, onEntity);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
    m_handler.m_parser = this;
}

XmlParser::~XmlParser() {
    m_handler.m_parser = nullptr;
    delete static_cast<Context*>(XML_GetUserData(m_parser));
    XML_ParserFree(m_parser);
}

std::string XmlParser::location() const {
    return m_fileName + ": " + m_part + ":" + std::to_string(XML_GetCurrentLineNumber(m_parser)) + ":" +
           std::to_string(XML_GetCurrentColumnNumber(m_parser) + 1);
}

void XmlParser::parse(const char* data, std::size_t size, bool last) {
    auto* context = static_cast<Context*>(XML_GetUserData(m_parser));
    // XML_Parse takes an int length; feed large pieces in slices.
    constexpr std::size_t kSlice = std::size_t(1) << 30;
    do {
        const std::size_t n = size < kSlice ? size : kSlice;
        const bool final = last && n == size;
        const XML_Status status = XML_Parse(m_parser, data, static_cast<int>(n), final ? XML_TRUE : XML_FALSE);
        if (context->error) std::rethrow_exception(context->error);
        if (!context->refusal.empty()) throw InvalidInput(location(), context->refusal);
        if (status != XML_STATUS_OK)
            throw InvalidInput(location(), std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(m_parser)));
        data += n;
        size -= n;
    } while (size > 0);
}

void XmlParser::feed(std::string_view chunk) {
    if (!chunk.empty()) parse(chunk.data(), chunk.size(), false);
}

void XmlParser::finish() { parse("", 0, true); }

void parseXmlPart(ZipArchive& zip, const std::string& part, XmlHandler& handler) {
    XmlParser parser(handler, zip.fileName(), part);
    zip.stream(part, [&](std::string_view chunk) { parser.feed(chunk); });
    parser.finish();
}

}  // namespace traza::model
