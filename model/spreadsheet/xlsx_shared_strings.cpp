#include "xlsx_shared_strings.h"

#include <algorithm>
#include <charconv>

#include "ooxml_escape.h"
#include "xml_sax.h"

namespace traza::model {
namespace {

class SharedStringsHandler : public XmlHandler {
public:
    SharedStringsHandler(std::vector<std::string>& out, const SpreadsheetLimits& limits) : m_out(out), m_limits(limits) {}

    void startElement(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "sst") {
            // Reserve what the file announces, but no more than a modest amount:
            // a file claiming four billion strings must not allocate for them.
            std::size_t count = 0;
            if (auto v = attributes.get("uniqueCount")) std::from_chars(v->data(), v->data() + v->size(), count);
            m_out.reserve(std::min<std::size_t>(count, std::min<std::size_t>(m_limits.maxSharedStrings, 1 << 16)));
        } else if (name == "si") {
            if (m_out.size() >= m_limits.maxSharedStrings)
                fail("more than " + std::to_string(m_limits.maxSharedStrings) + " shared strings; Traza reads at most that many");
            m_out.emplace_back();
            m_inString = true;
        } else if (name == "rPh") {
            ++m_inPhonetic;
        } else if (name == "t" && m_inString && m_inPhonetic == 0) {
            m_inText = true;
        }
    }

    void endElement(std::string_view name) override {
        if (name == "si") {
            m_inString = false;
            decodeOoxmlEscapes(m_out.back());
        } else if (name == "rPh") {
            --m_inPhonetic;
        } else if (name == "t") {
            m_inText = false;
        }
    }

    void characters(std::string_view text) override {
        if (!m_inText) return;
        m_bytes += text.size();
        if (m_bytes > m_limits.maxSharedStringBytes)
            fail("the shared strings hold more than " + std::to_string(m_limits.maxSharedStringBytes >> 20) +
                 " MiB of text; Traza reads at most that much");
        m_out.back().append(text);
    }

private:
    std::vector<std::string>& m_out;
    const SpreadsheetLimits& m_limits;
    std::uint64_t m_bytes = 0;
    bool m_inString = false;
    bool m_inText = false;
    int m_inPhonetic = 0;
};

}  // namespace

std::vector<std::string> readSharedStrings(ZipArchive& zip, const std::string& part, const SpreadsheetLimits& limits) {
    std::vector<std::string> strings;
    SharedStringsHandler handler(strings, limits);
    parseXmlPart(zip, part, handler);
    return strings;
}

}  // namespace traza::model
