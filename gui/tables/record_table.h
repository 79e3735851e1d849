#pragma once
// The Records table (issue #19): the delivery records of every flow, or only
// of the selected flows, one row per record: id, flow, date, tonnes,
// evidence, documents ("Invoice: FE-2231; Weighing ticket: T-9"), payment,
// price and notes. Typed cells, added, pasted and deleted rows are record
// commands (one undo step each); a row belongs to its flow, which choosing
// the row selects on the canvas.
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "document_type_names.h"
#include "selection.h"
#include "table_spec.h"

namespace traza::gui {

class RecordTable : public TableSpec {
public:
    enum Column { Id, Flow, Date, Tonnes, Evidence, Documents, Payment, Price, Notes };
    /// `selection`: the flows the table narrows to when scoped.
    explicit RecordTable(const Selection& selection);
    ItemKind kind() const override { return ItemKind::Flow; }
    const std::vector<TableColumn>& columns() const override { return m_columns; }
    void prepare(const model::Project&) override;
    std::size_t count(const model::Project&) const override { return m_rows.size(); }
    std::string id(const model::Project&, std::size_t record) const override;
    std::optional<std::size_t> recordOf(const std::string& id) const override;
    wxString cell(const model::Project&, std::size_t record, int column) const override;
    double number(const model::Project&, std::size_t record, int column) const override;
    std::unique_ptr<model::Command> edit(const model::Project&, std::size_t record, const TypedCells&) const override;
    std::unique_ptr<model::Command> add(const model::Project&, const TypedCells&, std::set<std::string>& taken,
                                        const Selection&) const override;
    std::unique_ptr<model::Command> remove(const std::string& id) const override;
    bool rowsAreItems() const override { return false; }
    std::string itemId(const model::Project&, std::size_t record) const override;
    std::string editLabel(const wxString& column, const model::Project&, const std::string& id) const override;
    wxString scopeLabel() const override;
    void setScoped(bool scoped) override { m_scoped = scoped; }

private:
    /// The record of row `record`, or nothing when the project changed since prepare().
    const model::Record* at(const model::Project&, std::size_t record) const;
    model::Record with(model::Record, const TypedCells&) const;
    std::string flowOf(const TypedCells&, const std::string& otherwise) const;
    wxString documentsText(const std::vector<model::RecordDocument>&) const;

    const Selection& m_selection;
    bool m_scoped = false;
    std::vector<TableColumn> m_columns;
    std::vector<std::pair<std::size_t, std::size_t>> m_rows;  ///< (flow index, record index) of each row
    std::unordered_map<std::string, std::size_t> m_rowOf;      ///< record id -> row
    std::unordered_map<std::string, std::size_t> m_flowIndex;  ///< flow id -> index
    std::unordered_set<std::string> m_recordIds;               ///< every record id of the project
    DocumentTypeNames m_documentTypes;
};

}  // namespace traza::gui
