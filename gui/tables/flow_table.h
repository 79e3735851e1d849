#pragma once
// The Flows table: id, ends, material, tonnes, documented tonnes, evidence,
// documents, payment, price and notes of every flow, each cell edited as one
// UpdateFlow command. An end shows the actor's name and takes an id, a name
// that only one actor has, or "name (id)".
#include <unordered_map>

#include "document_type_names.h"
#include "table_spec.h"

namespace traza::gui {

class FlowTable : public TableSpec {
public:
    enum Column { Id, From, To, Material, Tonnes, Documented, Evidence, Documents, Payment, Price, Notes };
    FlowTable();
    ItemKind kind() const override { return ItemKind::Flow; }
    const std::vector<TableColumn>& columns() const override { return m_columns; }
    void prepare(const model::Project&) override;
    std::size_t count(const model::Project& p) const override { return p.flows.size(); }
    std::string id(const model::Project& p, std::size_t record) const override { return p.flows[record].id; }
    std::optional<std::size_t> recordOf(const std::string& id) const override;
    wxString cell(const model::Project&, std::size_t record, int column) const override;
    double number(const model::Project&, std::size_t record, int column) const override;
    std::unique_ptr<model::Command> edit(const model::Project&, std::size_t record, const TypedCells&) const override;
    std::unique_ptr<model::Command> add(const model::Project&, const TypedCells&, std::set<std::string>& taken,
                                        const Selection&) const override;
    std::unique_ptr<model::Command> remove(const std::string& id) const override;

private:
    model::Flow with(model::Flow, const TypedCells&) const;
    std::string actorNamed(const wxString& text, const std::string& key) const;
    wxString documentsText(const std::vector<std::string>& ids) const;

    std::vector<TableColumn> m_columns;
    std::unordered_map<std::string, std::size_t> m_recordOf;
    std::unordered_map<std::string, std::string> m_nameOf;    ///< actor id -> name
    std::unordered_map<std::string, std::string> m_idOfName;  ///< folded name -> id; "" when two actors share it
    DocumentTypeNames m_documentTypes;
};

}  // namespace traza::gui
