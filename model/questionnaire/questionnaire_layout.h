#pragma once
// What a supplier questionnaire (issue #18) holds and where: the writer
// (reports/questionnaire_workbook.h) and the answers reader (answers_reader.h)
// share this layout, so what is written is what is read back. The workbook has
// an Instructions sheet, a Checklist sheet (one row per item of the supplier's
// supplier-scope checklist steps), a Flows sheet (one row per flow in or out of
// the supplier) and a hidden, protected identification sheet.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checklist.h"
#include "project.h"

namespace traza::model::questionnaire {

constexpr const char* kFormat = "traza-questionnaire";
constexpr int kFormatVersion = 1;
/// The hidden identification sheet: one "key, value" pair a row.
constexpr const char* kIdentitySheet = "Traza";

/// Columns of the Checklist sheet (0-based); header on row 1, items from row 2.
enum ItemColumn { kItemId, kItemText, kItemStatus, kItemEvidence, kItemDocuments, kItemOwner, kItemDue, kItemColumns };
/// Columns of the Flows sheet (0-based); header on row 1, flows from row 2.
enum FlowColumn { kFlowId, kFlowFrom, kFlowTo, kFlowTonnes, kFlowDocumented, kFlowEvidence, kFlowDocuments, kFlowColumns };

/// What the identification sheet says.
struct Identity {
    std::string format;     ///< kFormat
    int version = 0;        ///< kFormatVersion
    std::string project;    ///< projectKey() of the project it was made from
    std::string title;      ///< the assessment title, for messages
    std::string supplier;   ///< actor id
    std::string generated;  ///< ISO date
    std::string lang;       ///< "en" or "es"
    std::size_t items = 0;  ///< rows of the Checklist sheet
    std::size_t flows = 0;  ///< rows of the Flows sheet
    std::string check;      ///< identityCheck() when written
};

/// Keys of the identification sheet, in row order (column A; values in B).
const std::vector<std::string_view>& identityKeys();

/// A hash of the identity fields (not `check`) and of the row ids, so an
/// edited identification sheet or id column is noticed.
std::string identityCheck(const Identity&, const std::vector<std::string>& itemIds, const std::vector<std::string>& flowIds);

/// A stable identity of a project: 16 hex digits of a hash of the assessment's
/// title, organisation, country and period (what names the assessment; not its
/// chain, which the answers change).
std::string projectKey(const Project&);

/// The sheet names in `lang` ("es", else English): kind "instructions",
/// "checklist" or "flows". The reader accepts either language's names.
std::string sheetName(std::string_view kind, std::string_view lang);

/// The checklist items a questionnaire asks `supplier` about: its checklist's
/// items whose template step has scope "supplier" (items unknown to the
/// template too), in checklist order; when it has no checklist yet, the
/// template's supplier-scope items, not started.
std::vector<ChecklistItem> supplierItems(const Project&, const std::string& supplier);

/// The flows into or out of `supplier`, in project order.
std::vector<const Flow*> supplierFlows(const Project&, const std::string& supplier);

/// An item status from a word of either language ("Done", "Cumplido",
/// "en curso", "not_applicable", ...), case and accents ignored; nullopt if none.
std::optional<ItemStatus> statusFromWord(std::string_view);
/// The status word Traza writes in `lang`.
std::string statusWord(ItemStatus, std::string_view lang);

}  // namespace traza::model::questionnaire
