#pragma once
// The map of an xlsx package (Office Open XML, ECMA-376 part 2): which part is
// the workbook, which parts hold its sheets, in workbook order and with their
// names, where the shared strings and styles are, and the date system. Parts
// are found through the relationship parts (_rels/.rels and the workbook's own
// .rels), never by guessing, except that a workbook with no _rels/.rels or no
// relationship to its strings or styles falls back to the usual names.
#include <string>
#include <vector>

#include "spreadsheet_limits.h"

namespace traza::model {

class ZipArchive;

struct XlsxSheetPart {
    std::string name;  ///< as the sheet tab shows it
    std::string part;  ///< zip entry name, e.g. "xl/worksheets/sheet1.xml"
};

struct XlsxPackage {
    std::string workbookPart;         ///< usually "xl/workbook.xml"
    std::vector<XlsxSheetPart> sheets; ///< worksheets only (chart and dialog sheets hold no cells)
    std::string sharedStringsPart;    ///< empty when the workbook has none
    std::string stylesPart;           ///< empty when the workbook has none
    bool date1904 = false;            ///< <workbookPr date1904="1"/>
};

/// Reads the package map. Throws InvalidInput naming the part (and line:column)
/// when the workbook part or its relationships are missing or malformed, a
/// sheet refers to a relationship that does not exist, or there are more than
/// limits.maxSheets sheets.
XlsxPackage readXlsxPackage(ZipArchive& zip, const SpreadsheetLimits& limits);

/// The part a relationship target points at, as a zip entry name: `target` is
/// an absolute ("/xl/worksheets/sheet1.xml") or relative ("worksheets/sheet1.xml",
/// "../media/x.png") URI resolved against the folder of `sourcePart`, with
/// %XX escapes decoded. Returns "" for a target that climbs above the package root.
std::string resolvePartName(const std::string& sourcePart, const std::string& target);

}  // namespace traza::model
