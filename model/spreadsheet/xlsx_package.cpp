#include "xlsx_package.h"

#include <map>

#include "error.h"
#include "xml_sax.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

struct Relationship {
    std::string type;
    std::string target;  ///< resolved part name
};

bool typeIs(const std::string& type, std::string_view suffix) {
    // Transitional and Strict OOXML differ in the URI's start, not its last segment.
    return type.size() > suffix.size() && type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           type[type.size() - suffix.size() - 1] == '/';
}

class RelationshipsHandler : public XmlHandler {
public:
    RelationshipsHandler(std::string sourcePart, std::map<std::string, Relationship>& out, const SpreadsheetLimits& limits)
        : m_source(std::move(sourcePart)), m_out(out), m_limits(limits) {}

    void startElement(std::string_view name, const XmlAttributes& a) override {
        if (name != "Relationship") return;
        if (m_out.size() >= m_limits.maxEntries) fail("more relationships than the archive could have entries");
        const auto id = a.get("Id"), target = a.get("Target");
        if (!id || !target) fail("a relationship without Id or Target");
        if (a.get("TargetMode").value_or("") == "External") return;  // a link outside the file: never followed
        m_out[std::string(*id)] = {std::string(a.get("Type").value_or("")), resolvePartName(m_source, std::string(*target))};
    }
    void endElement(std::string_view) override {}

private:
    std::string m_source;
    std::map<std::string, Relationship>& m_out;
    const SpreadsheetLimits& m_limits;
};

// The relationships of `sourcePart` ("" for the package itself); none when the part is absent.
std::map<std::string, Relationship> readRelationships(ZipArchive& zip, const std::string& sourcePart,
                                                      const SpreadsheetLimits& limits, bool required) {
    const std::size_t slash = sourcePart.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : sourcePart.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? sourcePart : sourcePart.substr(slash + 1);
    const std::string relsPart = folder + "_rels/" + file + ".rels";
    std::map<std::string, Relationship> out;
    if (!required && !zip.contains(relsPart)) return out;
    RelationshipsHandler handler(sourcePart, out, limits);
    parseXmlPart(zip, relsPart, handler);
    return out;
}

class WorkbookHandler : public XmlHandler {
public:
    WorkbookHandler(XlsxPackage& package, const std::map<std::string, Relationship>& rels, const std::string& relsPart,
                    const SpreadsheetLimits& limits)
        : m_package(package), m_rels(rels), m_relsPart(relsPart), m_limits(limits) {}

    void startElement(std::string_view name, const XmlAttributes& a) override {
        if (name == "workbookPr") {
            const auto v = a.get("date1904").value_or("");
            m_package.date1904 = v == "1" || v == "true";
        } else if (name == "sheet") {
            if (++m_sheetCount > m_limits.maxSheets)
                fail("more than " + std::to_string(m_limits.maxSheets) + " sheets; Traza reads at most that many");
            const auto sheetName = a.get("name"), id = a.get("id");
            if (!sheetName || sheetName->empty()) fail("a sheet without a name");
            if (!id) fail("sheet '" + std::string(*sheetName) + "' has no r:id");
            const auto rel = m_rels.find(std::string(*id));
            if (rel == m_rels.end())
                fail("sheet '" + std::string(*sheetName) + "' refers to relationship " + std::string(*id) + ", which " +
                     m_relsPart + " does not have");
            if (!typeIs(rel->second.type, "worksheet")) return;  // a chart or dialog sheet
            if (rel->second.target.empty()) fail("sheet '" + std::string(*sheetName) + "' points outside the package");
            m_package.sheets.push_back({std::string(*sheetName), rel->second.target});
        }
    }
    void endElement(std::string_view) override {}

private:
    XlsxPackage& m_package;
    const std::map<std::string, Relationship>& m_rels;
    const std::string& m_relsPart;
    const SpreadsheetLimits& m_limits;
    std::size_t m_sheetCount = 0;
};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string resolvePartName(const std::string& sourcePart, const std::string& target) {
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] == '%' && i + 2 < target.size() && hexDigit(target[i + 1]) >= 0 && hexDigit(target[i + 2]) >= 0) {
            decoded += static_cast<char>(hexDigit(target[i + 1]) * 16 + hexDigit(target[i + 2]));
            i += 2;
        } else {
            decoded += target[i];
        }
    }
    std::string path;
    if (!decoded.empty() && decoded[0] == '/') {
        path = decoded.substr(1);
    } else {
        const std::size_t slash = sourcePart.rfind('/');
        path = (slash == std::string::npos ? "" : sourcePart.substr(0, slash + 1)) + decoded;
    }
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (segments.empty()) return "";
            segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

XlsxPackage readXlsxPackage(ZipArchive& zip, const SpreadsheetLimits& limits) {
    XlsxPackage package;
    for (const auto& [id, rel] : readRelationships(zip, "", limits, false))
        if (typeIs(rel.type, "officeDocument")) package.workbookPart = rel.target;
    if (package.workbookPart.empty()) {
        if (!zip.contains("xl/workbook.xml"))
            throw InvalidInput(zip.fileName(), "not an xlsx workbook: it has no xl/workbook.xml");
        package.workbookPart = "xl/workbook.xml";
    }
    const std::map<std::string, Relationship> rels = readRelationships(zip, package.workbookPart, limits, true);
    for (const auto& [id, rel] : rels) {
        if (typeIs(rel.type, "sharedStrings")) package.sharedStringsPart = rel.target;
        else if (typeIs(rel.type, "styles")) package.stylesPart = rel.target;
    }
    const std::size_t slash = package.workbookPart.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : package.workbookPart.substr(0, slash + 1);
    if (package.sharedStringsPart.empty() && zip.contains(folder + "sharedStrings.xml"))
        package.sharedStringsPart = folder + "sharedStrings.xml";
    if (package.stylesPart.empty() && zip.contains(folder + "styles.xml")) package.stylesPart = folder + "styles.xml";

    const std::string relsPart = folder + "_rels/" + package.workbookPart.substr(folder.size()) + ".rels";
    WorkbookHandler handler(package, rels, relsPart, limits);
    parseXmlPart(zip, package.workbookPart, handler);
    return package;
}

}  // namespace traza::model
