#pragma once
// The main window. It only wires things together: the document and selection,
// the panes (canvas, outline, properties, analysis, palette) in a wxAUI
// manager, the menus, the file controller and the background analysis.
#include <wx/aui/framemanager.h>
#include <wx/filehistory.h>
#include <wx/frame.h>

#include <filesystem>
#include <memory>

#include "document.h"
#include "focus_dialog.h"
#include "plan_request.h"
#include "selection.h"

namespace traza::risk {
struct Analysis;
}

namespace traza::gui {

class AnalysisPanel;
class AnalysisRunner;
class ChainCanvas;
class ExportController;
class ChecklistEditor;
class FileController;
class ImportController;
class AnswersController;
class ServerController;
class FindingsEditor;
class GoalsEditor;
class OutlinePanel;
class ProgressPane;
class PropertyPanel;
class SearchBar;
class TablePage;

class MainFrame : public wxFrame {
public:
    MainFrame();
    ~MainFrame() override;

    Document& document() { return m_doc; }
    Selection& selection() { return m_selection; }
    FileController& files() { return *m_files; }
    ExportController& exports() { return *m_exports; }
    ImportController& imports() { return *m_imports; }
    AnswersController& answers() { return *m_answers; }
    ServerController& server() { return *m_server; }
    ChainCanvas* canvas() const { return m_canvas; }
    OutlinePanel* outline() const { return m_outline; }
    PropertyPanel* properties() const { return m_properties; }
    AnalysisPanel* analysisPanel() const { return m_analysis; }
    /// The Tables pane's pages (View > Show tables) and the search bar (Edit > Find).
    TablePage* actorTable() const { return m_actorTable; }
    TablePage* flowTable() const { return m_flowTable; }
    TablePage* recordTable() const { return m_recordTable; }
    SearchBar* searchBar() const { return m_search; }
    /// Select an actor or flow and centre the canvas on it (a click in the outline,
    /// a table, an analysis row or a search hit).
    void reveal(const ItemRef&);
    /// Show the Tables pane on the actors' or the flows' page.
    void showTables(TablePage* page);
    /// View > Show records: the Records page, scoped to the selected flows if any.
    void showRecords();
    /// View > Focus: the canvas shows only what `request` picks; nothing: the whole chain.
    void focusOn(const std::optional<FocusRequest>& request);
    /// The "Due diligence" pane's pages: the OECD checklists, goals and supports.
    ChecklistEditor* checklistEditor() const { return m_checklist; }
    GoalsEditor* goalsEditor() const { return m_goals; }
    FindingsEditor* findingsEditor() const { return m_findings; }
    /// The Progress pane (View > Show progress, issue #19).
    ProgressPane* progressPane() const { return m_progress; }
    /// Show the due-diligence pane on the page of `page` (one of the two editors).
    void showDueDiligence(wxWindow* page);
    AnalysisRunner& analysisRunner() { return *m_runner; }
    wxAuiManager& panes() { return m_aui; }
    /// The latest analysis shown (null before the first one).
    std::shared_ptr<const risk::Analysis> analysis() const { return m_lastAnalysis; }

    /// First start without a file: offer to recover an untitled autosave, or
    /// (no recent files) to open the CARE pilot sample.
    void offerFirstRun();

private:
    void askFocus();
    void createPanes();
    void bindMenus();
    void defaultPerspective();
    void onDocumentChanged(DocumentChange);
    void afterLoad();
    void updateTitle();
    void setStatusLater(const wxString& text, int field);
    void updateUndoMenu();
    void onAnalysis(std::shared_ptr<const risk::Analysis>);
    void onClose(wxCloseEvent&);
    void showPane(const char* name);
    void onAbout();

    Document m_doc;
    Selection m_selection;
    wxAuiManager m_aui;
    wxFileHistory m_history;
    std::unique_ptr<FileController> m_files;
    std::unique_ptr<ExportController> m_exports;  ///< report and chain exports
    std::unique_ptr<ImportController> m_imports;  ///< spreadsheet import and template
    std::unique_ptr<AnswersController> m_answers;  ///< returned supplier questionnaires
    std::unique_ptr<AnalysisRunner> m_runner;
    std::unique_ptr<ServerController> m_server;  ///< a project on a PostgreSQL server
    ChainCanvas* m_canvas = nullptr;
    OutlinePanel* m_outline = nullptr;
    PropertyPanel* m_properties = nullptr;
    AnalysisPanel* m_analysis = nullptr;
    ChecklistEditor* m_checklist = nullptr;
    GoalsEditor* m_goals = nullptr;
    FindingsEditor* m_findings = nullptr;
    TablePage* m_actorTable = nullptr;
    TablePage* m_flowTable = nullptr;
    TablePage* m_recordTable = nullptr;
    SearchBar* m_search = nullptr;
    ProgressPane* m_progress = nullptr;
    std::shared_ptr<const risk::Analysis> m_lastAnalysis;
    /// The document-next plan the analysis makes (read on the analysis thread).
    std::shared_ptr<PlanRequest> m_planRequest = std::make_shared<PlanRequest>();
    wxString m_defaultPerspective;
    int m_docSlot = 0;
    int m_analyseSlot = 0;  ///< analyses a replaced project first (see the constructor)
};

}  // namespace traza::gui
