#pragma once
// Commands that edit delivery records (issue #19). Each keeps the flows it
// touches whole, so undo puts back exactly what was there, and each leaves
// the touched flows' tonnes, documented tonnes and evidence summarised from
// their records (record_summary.h). All validate before changing anything.
#include <string>
#include <utility>
#include <vector>

#include "command.h"

namespace traza::model {

/// A record and the id of the flow it belongs to.
struct FlowRecord {
    std::string flow;
    Record record;
};

/// Base of the record commands: remembers the flows it changed (by index).
class RecordCommand : public Command {
public:
    void revert(Project&) override;

protected:
    /// Copies flow `index` once (the first time it is touched) and returns it.
    Flow& touch(Project&, std::size_t index);
    /// Summarises the touched flows and validates them and their records;
    /// on a problem puts every touched flow back and throws InvalidInput.
    void finish(Project&);

private:
    std::vector<std::pair<std::size_t, Flow>> m_before;
};

/// Adds records at the end of their flows: one record typed in, or a batch
/// pasted from a spreadsheet (one undo step either way).
class AddRecords : public RecordCommand {
public:
    explicit AddRecords(std::vector<FlowRecord> records) : m_records(std::move(records)) {}
    void apply(Project&) override;
    std::string label() const override { return m_records.size() == 1 ? "Add record" : "Paste records"; }

private:
    std::vector<FlowRecord> m_records;
};

/// Replaces the data of record `id` (a new id must be unused); it stays in its flow.
class UpdateRecord : public RecordCommand {
public:
    UpdateRecord(std::string id, Record updated) : m_id(std::move(id)), m_new(std::move(updated)) {}
    void apply(Project&) override;
    std::string label() const override { return "Edit record"; }

private:
    std::string m_id;
    Record m_new;
};

/// Deletes records by id (a selection is one undo step). A flow left without
/// records keeps the tonnes and documentation its records last summed to.
class RemoveRecords : public RecordCommand {
public:
    explicit RemoveRecords(std::vector<std::string> ids) : m_ids(std::move(ids)) {}
    void apply(Project&) override;
    std::string label() const override { return m_ids.size() == 1 ? "Delete record" : "Delete records"; }

private:
    std::vector<std::string> m_ids;
};

}  // namespace traza::model
