#pragma once
// Internal to the chain workbook (chain_workbook.h): its formats, created once
// per workbook, what every sheet writer shares, and the sheets besides Actors
// and Flows.
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "catalogue.h"
#include "flow.h"
#include "chain_value_labels.h"
#include "spreadsheet_words.h"
#include "workbook_writer.h"

namespace traza::reports {

struct ChainFormats {
    lxw_format* title = nullptr;
    lxw_format* paragraph = nullptr;       ///< wrapped text, top-aligned
    lxw_format* tableHeader = nullptr;     ///< bold, grey, bottom border
    lxw_format* requiredHeader = nullptr;  ///< as tableHeader, orange
    lxw_format* text = nullptr;            ///< "@": what is typed stays text ("007" is not 7)
    lxw_format* tonnes = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* price = nullptr;
    lxw_format* date = nullptr;

    static ChainFormats create(Workbook&);
};

struct ChainBook {
    std::string lang;
    const model::Catalogue& catalogue;
    const model::SpreadsheetWords& words;
    const ChainValueLabels& labels;
    const ChainFormats& formats;
};

/// The vocabularies with a column on the Lists sheet, in column order.
const std::vector<model::Vocabulary>& listVocabularies();
/// The formula of the cells holding a vocabulary's labels: "='Lists'!$A$2:$A$9".
std::string listRange(const ChainBook&, model::Vocabulary);
/// The hidden Lists sheet: one column of labels per vocabulary (add it last).
void writeListsSheet(Workbook&, const ChainBook&);
/// The Instructions sheet: what to fill, each column explained, how to import.
void writeInstructionsSheet(Workbook&, const ChainBook&);
/// The Records sheet (issue #19): one row per document of each flow's records
/// (one row for a record without documents), in the layout records_sheet.h reads.
void writeRecordsSheet(Workbook&, const ChainBook&, const std::vector<model::Flow>&);
/// The 1900-system serial day of "YYYY-MM-DD", or nullopt when it is not such a
/// date in 1900-01-01 .. 9999-12-31 (then the text itself is written).
std::optional<double> excelSerial(const std::string& iso);

}  // namespace traza::reports
