#pragma once
// The bottom pane: what the latest analysis says, in tables an auditor can
// scan: choke points, the traceability matrix (evidence level × stage) with the
// limits statement, red flags, warnings, and every actor's figures. Rows about
// an actor or flow select it when clicked.
#include <wx/panel.h>

#include <memory>

#include "analysis.h"
#include "project.h"
#include "selection.h"

class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace traza::gui {

class TableView;

class AnalysisPanel : public wxPanel {
public:
    AnalysisPanel(wxWindow* parent, Selection&);

    /// Show a result for `project` (names are looked up there).
    void showAnalysis(const risk::Analysis&, const model::Project&);
    /// The analysis is running / failed (the tables keep the last result).
    void showBusy();
    void showFailure(const wxString& reason);

    TableView* chokePoints() const { return m_choke; }
    TableView* traceability() const { return m_trace; }
    TableView* redFlags() const { return m_flags; }
    TableView* warnings() const { return m_warnings; }
    TableView* actors() const { return m_actors; }
    wxString statementText() const;

private:
    void fillChokePoints(const risk::Analysis&, const model::Project&);
    void fillTraceability(const risk::Analysis&);
    void fillRedFlags(const risk::Analysis&, const model::Project&);
    void fillActors(const risk::Analysis&, const model::Project&);

    Selection& m_selection;
    wxStaticText* m_summary = nullptr;
    wxNotebook* m_book = nullptr;
    TableView* m_choke = nullptr;
    TableView* m_trace = nullptr;
    wxTextCtrl* m_statement = nullptr;
    TableView* m_flags = nullptr;
    TableView* m_warnings = nullptr;
    TableView* m_actors = nullptr;
};

}  // namespace traza::gui
