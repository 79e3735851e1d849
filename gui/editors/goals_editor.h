#pragma once
// The goals and supports editor ("Due diligence" pane, second page): the
// goals per organisation and buyer with the live columns computed from the
// flows (delivered tonnes, compliance, thresholds reached), and the supports
// delivered against them, with rows added and removed. Every edit replaces
// one table through SetGoals / SetSupports (one undo step); an edit the model
// refuses (descending thresholds, a negative count) is vetoed and its reason
// shown with the field named.
#include <wx/panel.h>

#include <map>
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
