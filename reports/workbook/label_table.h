#pragma once
// The table behind Labels, kept in one file per part of the workbook (a single
// table had grown past 650 lines). Each part appends its entries; Labels indexes
// them by key, and the label test checks every key has both languages.
#include <string>
#include <string_view>
#include <vector>

namespace traza::reports {

struct LabelEntry {
    std::string_view key;
    std::string en;
    std::string es;
};

void sheetLabels(std::vector<LabelEntry>&);     ///< sheet., title., section.
void columnLabels(std::vector<LabelEntry>&);    ///< col.
void noteLabels(std::vector<LabelEntry>&);      ///< note., label., legend., map., method., doc., value words
void analysisLabels(std::vector<LabelEntry>&);  ///< recon., finding., weight., cmp.
void progressLabels(std::vector<LabelEntry>&);  ///< the Progress sheet (issue #19)

}  // namespace traza::reports
