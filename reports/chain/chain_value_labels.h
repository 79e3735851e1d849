#pragma once
// The words the chain workbook writes for enumeration, list and yes/no values
// in one language, chosen once per workbook: the catalogue's name or the words
// file's label (SpreadsheetWords::valueLabel), unless that would not read back
// as the same value through SpreadsheetWords::value (or would be split as a
// list item at ';' ',' or a line break); then the value's own id is written.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.h"
#include "spreadsheet_words.h"

namespace traza::reports {

class ChainValueLabels {
public:
    ChainValueLabels(std::string_view lang, const model::Catalogue&,
                     const model::SpreadsheetWords& = model::SpreadsheetWords::installed());

    /// The text written for `id` (Vocabulary::None: "true"/"false" -> yes/no);
    /// `id` itself when the vocabulary does not know it.
    const std::string& label(model::Vocabulary, const std::string& id) const;
    /// Every value of the vocabulary as (id, label), in catalogue (or file-format) order.
    const std::vector<std::pair<std::string, std::string>>& values(model::Vocabulary) const;

private:
    std::map<model::Vocabulary, std::vector<std::pair<std::string, std::string>>> m_values;
    std::map<model::Vocabulary, std::map<std::string, std::string, std::less<>>> m_byId;
};

}  // namespace traza::reports
