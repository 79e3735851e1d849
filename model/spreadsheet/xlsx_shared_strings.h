#pragma once
// The shared-string table of an xlsx workbook (xl/sharedStrings.xml): most
// text cells hold only an index into it. A string is the concatenation of its
// <t> elements, including those of rich-text runs (<r><t>); phonetic guides
// (<rPh>) are not part of the text.
#include <string>
#include <vector>

#include "spreadsheet_limits.h"

namespace traza::model {

class ZipArchive;

/// Reads part `part` of `zip`. Throws InvalidInput ("file: part:line:column")
/// on malformed XML or beyond limits.maxSharedStrings / maxSharedStringBytes;
/// the declared count is only a hint, never trusted for allocation.
std::vector<std::string> readSharedStrings(ZipArchive& zip, const std::string& part, const SpreadsheetLimits& limits);

}  // namespace traza::model
