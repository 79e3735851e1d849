#pragma once
// The Actors table: id, name, kind, stage, country, region and notes of every
// actor, each cell edited as one UpdateActor command.
#include <unordered_map>

#include "table_spec.h"

namespace traza::gui {

class ActorTable : public TableSpec {
public:
    enum Column { Id, Name, Kind, Stage, Country, Region, Notes };
    ActorTable();
    ItemKind kind() const override { return ItemKind::Actor; }
    const std::vector<TableColumn>& columns() const override { return m_columns; }
    void prepare(const model::Project&) override;
    std::size_t count(const model::Project& p) const override { return p.actors.size(); }
    std::string id(const model::Project& p, std::size_t record) const override { return p.actors[record].id; }
    std::optional<std::size_t> recordOf(const std::string& id) const override;
    wxString cell(const model::Project&, std::size_t record, int column) const override;
    double number(const model::Project&, std::size_t record, int column) const override;
    std::unique_ptr<model::Command> edit(const model::Project&, std::size_t record, const TypedCells&) const override;
    std::unique_ptr<model::Command> add(const model::Project&, const TypedCells&, std::set<std::string>& taken,
                                        const Selection&) const override;
    std::unique_ptr<model::Command> remove(const std::string& id) const override;

private:
    model::Actor with(model::Actor, const TypedCells&) const;
    std::vector<TableColumn> m_columns;
    std::unordered_map<std::string, std::size_t> m_recordOf;
};

}  // namespace traza::gui
