#include "main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/statusbr.h>

#include "analysis.h"
#include "analysis_panel.h"
#include "analysis_runner.h"
#include "catalogue.h"
#include "chain_canvas.h"
#include "chain_edits.h"
#include "chain_layout.h"
#include "checklist_editor.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "export_controller.h"
#include "file_controller.h"
#include "file_drop.h"
#include "help_window.h"
#include "import/answers_controller.h"
#include "import/import_controller.h"
#include "catalogue_dialog.h"
#include "findings_editor.h"
#include "goals_editor.h"
#include "labels.h"
#include "menu_bar.h"
#include "outline_panel.h"
#include "pane_budget.h"
#include "plan_page.h"
#include "palette.h"
#include "preferences.h"
#include <wx/treectrl.h>
#include <wx/propgrid/propgrid.h>
#include "progress_pane.h"
#include "property_panel.h"
#include "actor_table.h"
#include "flow_table.h"
#include "record_table.h"
#include "saved_layout.h"
#include "search_bar.h"
#include "server_controller.h"
#include "table_page.h"
#include "startup_trace.h"
#include "typology_action.h"

namespace traza::gui {
namespace {
// Versioned: a layout saved before the due-diligence pane existed would hide it,
// one saved before that pane went full width (issue #17) would cut its columns.
constexpr const char* kPerspectiveKey = "/Window/Perspective3";

ActorMarksMap marksOf(const risk::Analysis& a) {
    ActorMarksMap marks;
    marks.reserve(a.actors.size());
    for (const risk::ActorResult& r : a.actors) marks[r.id] = {r.risk.level, r.chokePoint, r.chokeRank};
    return marks;
}

FlowMarks flowMarksOf(const risk::Analysis& a) {
    FlowMarks marks;
    if (a.reconciliation)
        for (const risk::ReconciledFigure& f : a.reconciliation->figures)
            if (f.kind == risk::FigureKind::Flow && f.implausible) marks.insert(f.id);
    return marks;
}
}  // namespace

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, _("Traza"), wxDefaultPosition, wxSize(1500, 920)), m_history(9) {
    SetName("traza-main");
    m_history.Load(*wxConfigBase::Get());
    SetMenuBar(createMenuBar(m_history));
    CreateStatusBar(3);
    const int widths[] = {-1, FromDIP(220), FromDIP(90)};
    SetStatusWidths(3, widths);

    m_files = std::make_unique<FileController>(this, m_doc, m_history);
    m_files->afterLoad = [this] { afterLoad(); };
    m_files->analyseFirst = [this](std::shared_ptr<const model::Project> read) { m_runner->runNow(std::move(read)); };
    m_exports = std::make_unique<ExportController>(this, m_doc);
    m_server = std::make_unique<ServerController>(this, m_doc);
    m_server->maybeSave = [this] { return m_files->maybeSave(); };
    m_server->onStatus = [this](const wxString& text) { setStatusLater(text, 0); };
    m_server->afterLoad = [this] { afterLoad(); };
    m_imports = std::make_unique<ImportController>(this, m_doc, *m_files);
    m_answers = std::make_unique<AnswersController>(this, m_doc);
    m_runner = std::make_unique<AnalysisRunner>(
        [this] { return m_doc.project(); }, [this](auto result, auto) { onAnalysis(std::move(result)); },
        [this](const std::string& reason) {
            m_analysis->showFailure(toWx(reason));
            setStatusLater(_("Analysis failed"), 1);
        },
        [language = uiLanguage(), plan = m_planRequest](const model::Project& p) {
            risk::AnalysisOptions options;
            options.language = language;  // sentences in the interface language
            plan->applyTo(options);       // the plan of the "What to document next" page, once it was shown
            return risk::analyze(p, options);
        });

    // The document's first observer: a new project is analysed at once, before
    // the canvas builds its scene. The analysis reads no positions, so it runs
    // on its own threads while this one lays the chain out and paints it (a
    // national chain's layout and first paint take about as long as its analysis).
    m_analyseSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Replaced && !m_doc.replacementAnalysed()) m_runner->runNow();
    });
    createPanes();
    bindMenus();
    // GTK delivers drops to the widget under the mouse: every pane gets a target.
    for (wxWindow* w : std::initializer_list<wxWindow*>{this, m_canvas, m_outline->tree(), m_properties->grid(), m_analysis})
        w->SetDropTarget(new ProjectDropTarget([this](const std::filesystem::path& p) { m_files->openPath(p); }));
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) { onDocumentChanged(c); });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    updateTitle();
    updateUndoMenu();
    m_runner->runNow();
}

MainFrame::~MainFrame() {
    m_doc.changed.disconnect(m_docSlot);
    m_doc.changed.disconnect(m_analyseSlot);
    m_runner.reset();  // joins the worker before the panels it reports to go away
    m_exports.reset();  // cancels and joins a report being written, closes its progress dialog
    m_server.reset();   // stops polling; the document forgets the server
    m_aui.UnInit();
    // The panes refer to m_doc and m_selection: destroy them while those still exist.
    DestroyChildren();
}

void MainFrame::createPanes() {
    m_aui.SetManagedWindow(this);
    m_canvas = new ChainCanvas(this, m_doc, m_selection);
    m_outline = new OutlinePanel(this, m_doc, m_selection);
    m_properties = new PropertyPanel(this, m_doc, m_selection);
    m_analysis = new AnalysisPanel(this, m_doc, m_selection);
    wxAuiToolBar* palette = createPalette(this);
    auto* dueDiligence = new wxNotebook(this, wxID_ANY);
    dueDiligence->SetName("due-diligence");
    m_checklist = new ChecklistEditor(dueDiligence, m_doc, m_selection);
    m_goals = new GoalsEditor(dueDiligence, m_doc, m_selection);
    dueDiligence->AddPage(m_checklist, _("OECD checklist"));
    dueDiligence->AddPage(m_goals, _("Goals and supports"));
    m_findings = new FindingsEditor(dueDiligence, m_doc, m_selection);
    dueDiligence->AddPage(m_findings, _("Findings"));
    auto* tables = new wxNotebook(this, wxID_ANY);
    tables->SetName("tables");
    m_actorTable = new TablePage(tables, "actor-table", m_doc, m_selection, std::make_unique<ActorTable>());
    m_flowTable = new TablePage(tables, "flow-table", m_doc, m_selection, std::make_unique<FlowTable>());
    m_recordTable = new TablePage(tables, "record-table", m_doc, m_selection, std::make_unique<RecordTable>(m_selection));
    tables->AddPage(m_actorTable, _("Actors"));
    tables->AddPage(m_flowTable, _("Flows"));
    tables->AddPage(m_recordTable, _("Records"));
    m_search = new SearchBar(this, m_doc);
    m_progress = new ProgressPane(this);

    m_aui.AddPane(m_canvas, wxAuiPaneInfo().Name("canvas").CenterPane().PaneBorder(false));
    m_aui.AddPane(palette, wxAuiPaneInfo().Name("palette").Caption(_("Palette")).ToolbarPane().Top().Row(0));
    m_aui.AddPane(m_outline, wxAuiPaneInfo().Name("outline").Caption(_("Outline")).Left().Layer(1)
                                 .BestSize(FromDIP(wxSize(230, 400))).MinSize(FromDIP(wxSize(160, 100))).CloseButton(true));
    m_aui.AddPane(m_properties, wxAuiPaneInfo().Name("properties").Caption(_("Properties")).Right().Layer(1)
                                    .BestSize(FromDIP(wxSize(460, 400))).MinSize(FromDIP(wxSize(240, 100))).CloseButton(true));
    m_aui.AddPane(m_analysis, wxAuiPaneInfo().Name("analysis").Caption(_("Analysis")).Bottom().Layer(0)
                                  .BestSize(FromDIP(wxSize(800, 270))).MinSize(FromDIP(wxSize(200, 120))).CloseButton(true));
    // A full-width row at the bottom (layer 2: under the Outline and Properties
    // too), shown on demand (View menu): its steps, items and form side by side
    // need the window's width (issue #17: between the side panes they were cut),
    // and the canvas keeps its height by default.
    m_aui.AddPane(dueDiligence, wxAuiPaneInfo().Name("due-diligence").Caption(_("Due diligence")).Bottom().Layer(2).Row(0)
                                    .BestSize(FromDIP(wxSize(1200, 270))).MinSize(FromDIP(wxSize(300, 180))).CloseButton(true).Hide());
    // Below the canvas, above the analysis, on demand: the canvas keeps its height by default.
    m_aui.AddPane(tables, wxAuiPaneInfo().Name("tables").Caption(_("Tables")).Bottom().Layer(0).Row(2)
                              .BestSize(FromDIP(wxSize(1200, 300))).MinSize(FromDIP(wxSize(300, 160))).CloseButton(true).Hide());
    m_aui.AddPane(m_search, wxAuiPaneInfo().Name("search").Caption(_("Find")).Top().Layer(0).Row(1)
                                .BestSize(FromDIP(wxSize(800, 36))).MinSize(FromDIP(wxSize(300, 30))).CloseButton(true).Hide());
    // Charts of the records over time (issue #19), on demand at the right.
    m_aui.AddPane(m_progress, wxAuiPaneInfo().Name("progress").Caption(_("Progress")).Right().Layer(2)
                                  .BestSize(FromDIP(wxSize(640, 560))).MinSize(FromDIP(wxSize(320, 260))).CloseButton(true).Hide());
    m_defaultPerspective = m_aui.SavePerspective();
    wxString saved;
    if (wxConfigBase::Get()->Read(kPerspectiveKey, &saved) && !saved.empty()) loadSavedLayout(m_aui, saved);
    m_aui.Update();

    m_canvas->onZoomChanged = [this](double scale) { setStatusLater(wxString::Format("%.0f %%", scale * 100), 2); };
    m_canvas->onFlowCreated = [this](const std::string&) { m_properties->focusProperty("tonnes"); };
    m_outline->onActorActivated = [this](const std::string& id) { m_canvas->centreOn(id); };
    m_analysis->onItemShown = [this](const ItemRef& r) { reveal(r); };
    m_actorTable->onItemChosen = [this](const ItemRef& r) { reveal(r); };
    m_flowTable->onItemChosen = [this](const ItemRef& r) { reveal(r); };
    m_recordTable->onItemChosen = [this](const ItemRef& r) { reveal(r); };
    m_search->onHit = [this](const ItemRef& r) { reveal(r); };
    m_search->onClose = [this] {
        m_aui.GetPane("search").Hide();
        m_aui.Update();
        m_canvas->SetFocus();
    };
    m_analysis->plan()->onChoiceChanged = [this](const PlanChoice& c) {
        m_planRequest->set(c);
        m_runner->runNow();
    };
    m_analysis->plan()->onMarksChanged = [this](const PlanMarks& marks) { m_canvas->setPlanMarks(marks); };
    m_analysis->plan()->onShowFlow = [this](const std::string& flow) { m_canvas->showFlow(flow); };
    m_analysis->onAddFinding = [this](const risk::RedFlag& flag) {
        showDueDiligence(m_findings);
        m_findings->addFromFlag(flag);
    };
}

void MainFrame::bindMenus() {
    auto on = [this](int id, auto fn) { Bind(wxEVT_MENU, [fn](wxCommandEvent&) { fn(); }, id); };
    on(wxID_NEW, [this] { m_files->newProject(); });
    on(wxID_OPEN, [this] { m_files->openWithDialog(); });
    on(wxID_SAVE, [this] { m_files->save(); });
    on(wxID_SAVEAS, [this] { m_files->saveAsWithDialog(); });
    on(wxID_CLOSE, [this] { m_files->closeProject(); });
    on(wxID_EXIT, [this] { Close(); });
    on(ids::ImportJson, [this] { m_files->importJsonWithDialog(); });
    on(ids::ImportCsv, [this] { m_files->importCsvWithDialog(); });
    on(ids::ImportSpreadsheet, [this] { m_imports->importWithDialog(); });
    on(ids::ImportAnswers, [this] { m_answers->importWithDialog(); });
    on(ids::WriteQuestionnaires, [this] { m_answers->writeQuestionnairesWithDialog(m_selection.actors()); });
    on(ids::SaveTemplate, [this] { m_imports->saveTemplateWithDialog(); });
    on(ids::ExportJson, [this] { m_files->exportJsonWithDialog(); });
    on(ids::ExportReport, [this] { m_exports->exportReportWithDialog(); });
    on(ids::ExportChain, [this] { m_exports->exportChainWithDialog(); });
    on(ids::ShareAnonymised, [this] { m_exports->shareAnonymisedWithDialog(); });
    on(ids::SetOutgoingTypology, [this] { setOutgoingTypologyWithDialog(this, m_doc, m_selection); });
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        const wxString f = m_history.GetHistoryFile(e.GetId() - wxID_FILE1);
        if (!f.empty()) m_files->openPath(std::filesystem::path(toUtf8(f)));
    }, wxID_FILE1, wxID_FILE9);
    // Undo and redo show what they changed: the actor or flow is selected and centred.
    auto showSubject = [this](const std::optional<model::CommandSubject>& s) {
        if (s) reveal({s->flow ? ItemKind::Flow : ItemKind::Actor, s->id});
    };
    on(wxID_UNDO, [this, showSubject] {
        const auto subject = m_doc.undoSubject();
        m_doc.undo();
        showSubject(subject);
    });
    on(wxID_REDO, [this, showSubject] {
        const auto subject = m_doc.redoSubject();
        m_doc.redo();
        showSubject(subject);
    });
    on(ids::DeleteSelection, [this] {
        try {
            deleteSelection(m_doc, m_selection);
        } catch (const std::exception& e) {
            showError(this, e);
        }
    });
    on(ids::SelectAll, [this] {
        std::set<std::string> all;
        for (const model::Actor& a : m_doc.project().actors) all.insert(a.id);
        m_selection.assign(std::move(all), {});
    });
    on(ids::ZoomIn, [this] { m_canvas->zoomBy(1.25); });
    on(ids::ZoomOut, [this] { m_canvas->zoomBy(0.8); });
    on(ids::FitWindow, [this] { m_canvas->fitToWindow(); });
    on(ids::LayoutChain, [this] { m_canvas->layoutChain(); });
    on(ids::ShowOutline, [this] { showPane("outline"); });
    on(ids::ShowProperties, [this] { showPane("properties"); });
    on(ids::ShowAnalysis, [this] { showPane("analysis"); });
    on(ids::ShowDueDiligence, [this] { showPane("due-diligence"); });
    on(ids::ShowTables, [this] { showPane("tables"); });
    on(ids::ShowRecords, [this] { showRecords(); });
    on(ids::Focus, [this] { askFocus(); });
    on(ids::OpenLocation, [this] { m_server->openLocationWithDialog(); });
    on(ids::SaveToServer, [this] { m_server->saveToServerWithDialog(); });
    on(ids::ShowHistory, [this] { m_server->showHistory(); });
    on(ids::ShowWholeChain, [this] { focusOn(std::nullopt); });
    on(ids::ShowProgress, [this] { showPane("progress"); });
    on(ids::Find, [this] {
        showPane("search");
        m_search->focusField();
    });
    on(ids::FindNext, [this] {
        showPane("search");
        m_search->next();
    });
    on(ids::FindPrevious, [this] {
        showPane("search");
        m_search->previous();
    });
    on(ids::ResetPanes, [this] {
        m_aui.LoadPerspective(m_defaultPerspective);
        m_aui.Update();
    });
    on(wxID_ABOUT, [this] { onAbout(); });
    on(wxID_PREFERENCES, [this] { editPreferences(this); });
    on(ids::EditCatalogues, [this] { editCatalogues(this, m_doc); });
    on(ids::UserGuide, [this] { showHelp(this, "user-guide"); });
    on(ids::Methodology, [this] { showHelp(this, "methodology"); });
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        m_canvas->addActorAtCentre(static_cast<model::ActorKind>(e.GetId() - ids::AddActorFirst));
    }, ids::AddActorFirst, ids::AddActorLast);
}

void MainFrame::showPane(const char* name) {
    wxAuiPaneInfo& pane = m_aui.GetPane(name);
    const bool opening = !pane.IsShown();
    pane.Show();
    m_aui.Update();
    // A row opened below the canvas shares the bottom half with the others.
    if (opening && pane.dock_direction == wxAUI_DOCK_BOTTOM) fitBottomRows(m_aui, GetClientSize().y);
}

void MainFrame::reveal(const ItemRef& r) {
    if (r.kind == ItemKind::Actor) {
        if (!m_doc.project().findActor(r.id)) return;
        m_selection.set(r);
        m_canvas->centreOn(r.id);
    } else {
        m_canvas->showFlow(r.id, true);  // selects it
    }
}

void MainFrame::showTables(TablePage* page) {
    auto* book = static_cast<wxNotebook*>(m_actorTable->GetParent());
    const int index = book->FindPage(page);
    if (index != wxNOT_FOUND) book->SetSelection(index);
    showPane("tables");
}

void MainFrame::askFocus() {
    const auto rules = m_lastAnalysis ? focusRuleChoices(m_doc.project(), *m_lastAnalysis) : std::vector<std::pair<std::string, wxString>>{};
    FocusDialog dialog(this, !m_selection.actors().empty(), rules);
    if (dialog.ShowModal() == wxID_OK) focusOn(dialog.request());
}

void MainFrame::focusOn(const std::optional<FocusRequest>& request) {
    if (!request) {
        m_canvas->setFocus(std::nullopt);
        setStatusLater(_("The whole chain is shown"), 0);
        return;
    }
    const model::Project& p = m_doc.project();
    ActorSet actors;
    if (request->byRule) {
        if (m_lastAnalysis) actors = ruleActors(p, *m_lastAnalysis, request->rule);
    } else {
        const std::set<std::string>& chosen = m_selection.actors();
        actors = neighbourhood(p, ActorSet(chosen.begin(), chosen.end()), request->direction, request->hops);
    }
    if (actors.empty()) return;
    m_canvas->setFocus(actors);
    setStatusLater(wxString::Format(_("Focus: %d of %d actors (View > Show the whole chain)"), static_cast<int>(actors.size()),
                                    static_cast<int>(p.actors.size())),
                   0);
}

void MainFrame::showRecords() {
    // Scoped to the selected flows, or every record when no flow is selected.
    m_recordTable->setScoped(!m_selection.flows().empty());
    showTables(m_recordTable);
}

void MainFrame::showDueDiligence(wxWindow* page) {
    auto* book = static_cast<wxNotebook*>(m_checklist->GetParent());
    const int index = book->FindPage(page);
    if (index != wxNOT_FOUND) book->SetSelection(index);
    showPane("due-diligence");
}

void MainFrame::onDocumentChanged(DocumentChange c) {
    updateTitle();
    updateUndoMenu();
    if (c == DocumentChange::Saved) return;
    // Boxes moved and nothing else: the analysis on screen (or on its way) still holds.
    if (c == DocumentChange::Edited && !m_doc.lastEditChangesFigures()) return;
    m_selection.prune(m_doc.project());
    setStatusLater(_("Analysing…"), 1);
    if (c == DocumentChange::Replaced) {
        m_analysis->showPending();  // until the new chain's analysis arrives (started by m_analyseSlot)
        return;
    }
    m_runner->schedule();
}

void MainFrame::afterLoad() {
    m_selection.clear();
    const bool modified = m_doc.isModified();
    // The first layout is part of opening, not a step the user made: no undo
    // step "Layout chain" after opening (issue #17), and for a shared project
    // nothing sent to the store. The user's Layout command stays undoable.
    if (needsInitialLayout(m_doc.project())) m_canvas->layoutChainLocally();
    // The first layout of an opened chain is part of opening it, not an edit to save.
    if (!modified && m_doc.isModified()) m_doc.markUnmodified();
    m_canvas->showFirstView();
    StartupTrace::instance().mark(Milestone::LayoutDone);
    updateTitle();
    // Paint now: the chain reaches the screen before the panes' deferred
    // refreshes and the analysis result take the GUI thread.
    m_canvas->Update();
}

// wxStatusBarGeneric repaints at once (Update()), and with it every window
// waiting for a repaint: while a national chain is replaced and laid out that
// painted the half-made scene twice (seconds). Status texts wait for the event.
void MainFrame::setStatusLater(const wxString& text, int field) {
    CallAfter([this, text, field] { SetStatusText(text, field); });
}

void MainFrame::updateTitle() {
    const wxString name = m_doc.displayName().empty() ? _("Untitled") : toWx(m_doc.displayName());
    SetTitle(wxString::Format(_("%s%s — Traza"), name, m_doc.isModified() ? "*" : ""));
}

void MainFrame::updateUndoMenu() {
    wxMenuBar* bar = GetMenuBar();
    const wxString undo = m_doc.canUndo() ? wxString::Format(_("&Undo: %s"), commandLabel(m_doc.undoLabel())) : _("&Undo");
    const wxString redo = m_doc.canRedo() ? wxString::Format(_("&Redo: %s"), commandLabel(m_doc.redoLabel())) : _("&Redo");
    bar->SetLabel(wxID_UNDO, undo + "\tCtrl+Z");
    bar->SetLabel(wxID_REDO, redo + "\tCtrl+Y");
    bar->Enable(wxID_UNDO, m_doc.canUndo());
    bar->Enable(wxID_REDO, m_doc.canRedo());
}

void MainFrame::onAnalysis(std::shared_ptr<const risk::Analysis> result) {
    m_lastAnalysis = result;
    m_canvas->setMarks(marksOf(*result));
    m_canvas->setFlowMarks(flowMarksOf(*result));
    m_analysis->showAnalysis(result, m_doc.project());
    m_progress->showAnalysis(result, m_doc.project());
    setStatusLater(_("Analysis up to date"), 1);
    StartupTrace& trace = StartupTrace::instance();
    if (trace.reached(Milestone::LayoutDone) && trace.mark(Milestone::AnalysisShown) && trace.exitAfterLast())
        CallAfter([this] { Close(true); });  // the benchmark's run ends here
}

void MainFrame::offerFirstRun() {
    if (m_files->offerUntitledRecovery()) return;
    if (m_history.GetCount() > 0) return;
    const std::filesystem::path sample = model::dataDirectory() / "samples" / "care-pilot-2025.json";
    if (!std::filesystem::exists(sample)) return;
    wxMessageDialog ask(this,
                        _("Welcome to Traza.\n\nOpen the CARE pilot sample? It maps 225 t of used beverage cans from "
                          "five waste-picker organisations in Bogotá and Barranquilla through two exporters to a refiner."),
                        _("Traza"), wxYES_NO | wxICON_INFORMATION);
    ask.SetYesNoLabels(_("&Open the sample"), _("Start &empty"));
    if (ask.ShowModal() == wxID_YES) m_files->openPath(sample);
}

void MainFrame::onClose(wxCloseEvent& e) {
    if (e.CanVeto() && !m_files->maybeSave()) {
        e.Veto();
        return;
    }
    m_files->discardAutosave();
    m_history.Save(*wxConfigBase::Get());
    wxConfigBase::Get()->Write(kPerspectiveKey, m_aui.SavePerspective());
    Destroy();
}

void MainFrame::onAbout() {
    wxAboutDialogInfo info;
    info.SetName("Traza");
    info.SetVersion(TRAZA_VERSION);
    info.SetDescription(_("Due-diligence workbench for recycled-aluminium value chains."));
    wxAboutBox(info, this);
}

}  // namespace traza::gui
