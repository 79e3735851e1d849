#pragma once
// The part of an xlsx style sheet (xl/styles.xml) the reader needs: which cell
// styles (the s="N" of a cell, an index into <cellXfs>) show numbers as dates.
#include <string>
#include <vector>

#include "spreadsheet_limits.h"

namespace traza::model {

class ZipArchive;

/// For each cell style in <cellXfs>, in order, whether its number format is a
/// date (number_format.h). Throws InvalidInput ("file: part:line:column") on
/// malformed XML or more than limits.maxStyles styles or formats.
std::vector<bool> readDateStyles(ZipArchive& zip, const std::string& part, const SpreadsheetLimits& limits);

}  // namespace traza::model
