#pragma once
// The Red flags page of the Analysis pane: the flags most severe first and,
// within a severity, grouped by rule; filtered by rule and by severity; a line
// that says why the list is empty when it is; and a button that records the
// chosen flag as a finding (issue 16).
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analysis.h"
#include "project.h"
#include "table_view.h"

class wxButton;
class wxChoice;
class wxStaticText;

namespace traza::gui {

class RedFlagsPage : public wxPanel {
public:
    /// `nameOf`: an actor's name by id, for the About column.
    using NameOf = std::function<wxString(const std::string&)>;
    explicit RedFlagsPage(wxWindow* parent);

    void show(std::shared_ptr<const risk::Analysis>, NameOf nameOf, const model::Project&);
    void clear();

    TableView* list() const { return m_list; }
    wxChoice* ruleFilter() const { return m_rule; }
    wxChoice* severityFilter() const { return m_severity; }
    wxButton* addFindingButton() const { return m_addFinding; }
    /// "13 of 13 red flags", or why there are none.
    wxString countText() const;
    /// The flag of the chosen row, or nullptr.
    const risk::RedFlag* chosen() const;
    /// Narrow to one rule (empty: all) and one severity (empty: all), as the choices do.
    void setFilter(const std::string& rule, const std::string& severity);

    std::function<void(const ItemRef&)> onItemChosen;
    std::function<void(const risk::RedFlag&)> onAddFinding;

private:
    void fillChoices(const model::Project&);
    void refill();

    TableView* m_list = nullptr;
    wxChoice* m_rule = nullptr;
    wxChoice* m_severity = nullptr;
    wxStaticText* m_count = nullptr;
    wxButton* m_addFinding = nullptr;
    std::shared_ptr<const risk::Analysis> m_analysis;
    NameOf m_nameOf;
    std::vector<std::string> m_ruleIds;        ///< choice index - 1 -> rule id
    std::shared_ptr<std::unordered_map<std::string, wxString>> m_ruleNames;
    /// Each rule's place when the rules are sorted by name (the rows' order).
    std::shared_ptr<std::unordered_map<std::string, int>> m_ruleRank;
    /// Flagged flows' ends (actor ids) by flow id, the id a view into m_analysis:
    /// the names are made only for the rows shown (53 000 flags on a national chain).
    using FlowEnds = std::unordered_map<std::string_view, std::pair<std::string, std::string>>;
    std::shared_ptr<FlowEnds> m_flowEnds;
    std::shared_ptr<const std::vector<std::size_t>> m_order;  ///< row -> index into redFlags
};

/// The severity in the interface language ("alta").
wxString severityLabel(const std::string& severity);

}  // namespace traza::gui
