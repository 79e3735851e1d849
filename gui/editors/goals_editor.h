#pragma once
// The goals and supports editor ("Due diligence" pane, second page): the
// goals per organisation and buyer with the live columns computed from the
// flows (delivered tonnes, compliance, thresholds reached), and the supports
// delivered against them, with rows added and removed. Every edit replaces
// one table through SetGoals / SetSupports (one undo step); an edit the model
// refuses (descending thresholds, a negative count) is vetoed and its reason
// shown with the field named.
#include <wx/panel.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document.h"
#include "selection.h"

class wxButton;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace traza::gui {

class GoalsEditor : public wxPanel {
public:
    GoalsEditor(wxWindow* parent, Document&, Selection&);
    ~GoalsEditor() override;

    wxGrid* goalsGrid() const { return m_goals; }
    wxGrid* supportsGrid() const { return m_supports; }
    wxButton* addGoalButton() const { return m_addGoal; }
    wxButton* removeGoalButton() const { return m_removeGoal; }
    wxButton* addSupportButton() const { return m_addSupport; }
    wxButton* removeSupportButton() const { return m_removeSupport; }
    /// "Total: 225.2 t delivered of 215 t (105%)".
    wxString totalText() const;
    wxString errorText() const;

    void addGoal();
    /// Asks for a new goal's thresholds ("10; 20; 30") for the organisation
    /// named; nothing when cancelled. A text dialog unless a test replaces it.
    std::function<std::optional<wxString>(const wxString& organisation)> askThresholds;
    /// What the Organisation column offers (picker organisations), and a goal's Buyer cell (its buyers, or any).
    const wxArrayString& organisationChoices() const { return m_organisationLabels; }
    wxArrayString buyerChoices(const model::Goal&) const;
    void removeGoal();
    void addSupport();
    void removeSupport();

private:
    void scheduleRefresh();
    void refresh();
    void fillActorChoices();
    void fillGoals();
    void fillSupports();
    void onGoalChanging(wxGridEvent&);
    void onSupportChanging(wxGridEvent&);
    /// The actor id of a choice cell's text (labels map back to ids; unknown text stays as typed).
    std::string actorIdOf(const wxString& label) const;
    wxString actorLabel(const std::string& id) const;
    std::string preferredActor() const;
    void showError(const wxString&);

    Document& m_doc;
    Selection& m_selection;
    int m_docSlot = 0;
    bool m_refreshPending = false;
    std::map<std::string, wxString> m_labelOfId;
    std::map<wxString, std::string> m_idOfLabel;
    wxArrayString m_actorLabels;
    wxArrayString m_organisationLabels;  ///< the goal's organisation is one of these

    wxGrid* m_goals = nullptr;
    wxGrid* m_supports = nullptr;
    wxButton* m_addGoal = nullptr;
    wxButton* m_removeGoal = nullptr;
    wxButton* m_addSupport = nullptr;
    wxButton* m_removeSupport = nullptr;
    wxStaticText* m_total = nullptr;
    wxStaticText* m_error = nullptr;
};

}  // namespace traza::gui
