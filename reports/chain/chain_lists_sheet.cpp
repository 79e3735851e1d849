// The hidden Lists sheet of the chain workbook: the drop-down lists' values.
// Excel limits a list typed into a validation to 255 characters, which the
// catalogue's names pass; a range of cells has no such limit.
#include <algorithm>

#include "chain_template_texts.h"
#include "chain_workbook_parts.h"

namespace traza::reports {
namespace {

using model::SheetKind;
using model::Vocabulary;

// The column whose label heads a vocabulary's list.
std::string listTitle(const ChainBook& book, Vocabulary v) {
    switch (v) {
        case Vocabulary::ActorKind: return book.words.columnLabel(SheetKind::Actors, "kind", book.lang);
        case Vocabulary::Formality: return book.words.columnLabel(SheetKind::Actors, "formality", book.lang);
        case Vocabulary::RiskFactors: return book.words.columnLabel(SheetKind::Actors, "risk_factors", book.lang);
        case Vocabulary::Evidence: return book.words.columnLabel(SheetKind::Flows, "evidence", book.lang);
        case Vocabulary::Payment: return book.words.columnLabel(SheetKind::Flows, "payment", book.lang);
        case Vocabulary::Typology: return book.words.columnLabel(SheetKind::Flows, "typology", book.lang);
        case Vocabulary::DocumentTypes: return book.words.columnLabel(SheetKind::Flows, "documents", book.lang);
        case Vocabulary::None: break;
    }
    return std::string(templateText("yes_no", book.lang));
}

int listColumn(Vocabulary v) {
    const auto& all = listVocabularies();
    return static_cast<int>(std::find(all.begin(), all.end(), v) - all.begin());
}

}  // namespace

const std::vector<Vocabulary>& listVocabularies() {
    static const std::vector<Vocabulary> order{Vocabulary::ActorKind, Vocabulary::Formality,   Vocabulary::Evidence,
                                               Vocabulary::Payment,   Vocabulary::Typology,    Vocabulary::None,
                                               Vocabulary::RiskFactors, Vocabulary::DocumentTypes};
    return order;
}

std::string listRange(const ChainBook& book, Vocabulary v) {
    const int col = listColumn(v);
    const int count = static_cast<int>(book.labels.values(v).size());
    return "=" + quotedSheet(book.words.sheetLabel("lists", book.lang)) + "!" + rangeName(1, col, std::max(count, 1), col, true);
}

void writeListsSheet(Workbook& wb, const ChainBook& book) {
    Sheet sheet = wb.addSheet(book.words.sheetLabel("lists", book.lang));
    const auto& order = listVocabularies();
    std::size_t longest = 0;
    for (std::size_t c = 0; c < order.size(); ++c) {
        sheet.columnWidth(static_cast<int>(c), static_cast<int>(c), order[c] == Vocabulary::Typology ? 60 : 30);
        sheet.text(0, static_cast<int>(c), listTitle(book, order[c]), book.formats.tableHeader);
        longest = std::max(longest, book.labels.values(order[c]).size());
    }
    // Row by row: a streamed sheet is written in row order.
    for (std::size_t r = 0; r < longest; ++r)
        for (std::size_t c = 0; c < order.size(); ++c)
            if (const auto& values = book.labels.values(order[c]); r < values.size())
                sheet.text(static_cast<int>(r) + 1, static_cast<int>(c), values[r].second, book.formats.text);
    sheet.freeze(1, 0);
    worksheet_hide(sheet.raw());
}

}  // namespace traza::reports
