#pragma once
// The findings register ("Due diligence" pane, third page): one row per
// finding, edited in place (severity, owner, response, corrective action, due
// date, status, closing evidence and date), with buttons to add a finding
// about the selected actor or flow, to close the chosen one and to delete it.
// The analysis pane's red flags add theirs through addFromFlag(). Every edit
// is one undoable command (AddFinding, UpdateFinding, RemoveFinding); an edit
// the model refuses is vetoed and its reason shown with the field named.
#include <wx/panel.h>

#include <string>

#include "analysis.h"
#include "document.h"
#include "selection.h"

class wxButton;
class wxGrid;
class wxGridEvent;
class wxStaticText;

namespace traza::gui {

enum class FindingColumn { Id, Source, About, Severity, Owner, Response, Action, Due, Status, Evidence, ClosedOn, Count };

class FindingsEditor : public wxPanel {
public:
    FindingsEditor(wxWindow* parent, Document&, Selection&);
    ~FindingsEditor() override;

    wxGrid* grid() const { return m_grid; }
    wxButton* addButton() const { return m_add; }
    wxButton* closeButton() const { return m_close; }
    wxButton* removeButton() const { return m_remove; }
    /// "Findings: 4; open or in progress: 3; overdue: 2 (at 2026-03-01)".
    wxString summaryText() const;
    wxString errorText() const;

    /// A finding of the user's own about the selected actor or flow (or the
    /// assessment as a whole when nothing is selected).
    void addFinding();
    /// A finding answering `flag` (its rule, subject and severity); when one that
    /// is not closed already answers it, that one is chosen instead.
    void addFromFlag(const risk::RedFlag& flag);
    /// Closes the finding at the grid cursor today; refused (and said why) while
    /// it has no closing evidence.
    void closeFinding();
    void removeFinding();
    /// The row of finding `id`, or -1.
    int rowOf(const std::string& id) const;

private:
    void scheduleRefresh();
    void refresh();
    void onChanging(wxGridEvent&);
    void chooseRow(int row, FindingColumn column);
    void showError(const wxString&);

    Document& m_doc;
    Selection& m_selection;
    int m_docSlot = 0;
    bool m_refreshPending = false;
    wxGrid* m_grid = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_close = nullptr;
    wxButton* m_remove = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_error = nullptr;
};

}  // namespace traza::gui
