#include "xlsx_styles.h"

#include <charconv>
#include <map>

#include "number_format.h"
#include "xml_sax.h"

namespace traza::model {
namespace {

std::optional<int> toInt(std::optional<std::string_view> text) {
    int v = 0;
    if (!text) return std::nullopt;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
    return v;
}

class StylesHandler : public XmlHandler {
public:
    explicit StylesHandler(const SpreadsheetLimits& limits) : m_limits(limits) {}

    void startElement(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "numFmt" && m_inNumFmts) {
            if (m_customDate.size() >= m_limits.maxStyles) fail("more than " + std::to_string(m_limits.maxStyles) + " number formats");
            const auto id = toInt(attributes.get("numFmtId"));
            if (!id) fail("a number format without a numeric numFmtId");
            m_customDate[*id] = isDateFormatCode(attributes.get("formatCode").value_or(""));
        } else if (name == "xf" && m_inCellXfs) {
            if (m_xfFormat.size() >= m_limits.maxStyles) fail("more than " + std::to_string(m_limits.maxStyles) + " cell styles");
            m_xfFormat.push_back(toInt(attributes.get("numFmtId")).value_or(0));
        } else if (name == "numFmts") {
            m_inNumFmts = true;
        } else if (name == "cellXfs") {
            m_inCellXfs = true;
        }
    }

    void endElement(std::string_view name) override {
        if (name == "numFmts") m_inNumFmts = false;
        else if (name == "cellXfs") m_inCellXfs = false;
    }

    // Number formats may follow the styles that use them only in a damaged
    // file, but the lookup is done at the end anyway.
    std::vector<bool> dateStyles() const {
        std::vector<bool> out;
        out.reserve(m_xfFormat.size());
        for (int id : m_xfFormat) {
            const auto custom = m_customDate.find(id);
            out.push_back(custom != m_customDate.end() ? custom->second : isBuiltinDateFormat(id));
        }
        return out;
    }

private:
    const SpreadsheetLimits& m_limits;
    std::map<int, bool> m_customDate;  ///< numFmtId -> is a date, for the workbook's own formats
    std::vector<int> m_xfFormat;       ///< numFmtId of each cell style
    bool m_inNumFmts = false;
    bool m_inCellXfs = false;
};

}  // namespace

std::vector<bool> readDateStyles(ZipArchive& zip, const std::string& part, const SpreadsheetLimits& limits) {
    StylesHandler handler(limits);
    parseXmlPart(zip, part, handler);
    return handler.dateStyles();
}

}  // namespace traza::model
