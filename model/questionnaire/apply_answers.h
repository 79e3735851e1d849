#pragma once
// The answers of a returned questionnaire (answers_reader.h) as one undoable
// change: every changed checklist item and flow set together, reverted together.
#include "answers_reader.h"
#include "command.h"

namespace traza::model::questionnaire {

class ApplyAnswers : public Command {
public:
    explicit ApplyAnswers(Answers answers) : m_answers(std::move(answers)) {}
    /// Sets the changed items (creating the supplier's checklist if it has none)
    /// and flows. Throws InvalidInput, changing nothing, when a flow or the
    /// supplier is gone or an item is no longer where it was read (the project
    /// changed since the answers were read).
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Import answers"; }

private:
    Answers m_answers;
    bool m_createdList = false;
    std::vector<Checklist> m_oldLists;  ///< the supplier's checklist before (when it had one)
};

}  // namespace traza::model::questionnaire
