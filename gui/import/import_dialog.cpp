#include "import_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <filesystem>

#include "background_task.h"
#include "error.h"
#include "import_chain.h"
#include "records_sheet.h"
#include "labels.h"
#include "sheet_preview.h"
#include "spreadsheet_source.h"

namespace traza::gui {
namespace {

using model::SheetKind;

// The name a sheet is recognised by: its own, or its CSV file's name without extension.
std::string nameToMatch(const model::SheetTable& t) {
    return t.sheet.empty() ? std::filesystem::path(t.file).stem().string() : t.sheet;
}

int preselected(const model::Workbook& book, SheetKind kind) {
    const auto& words = model::SpreadsheetWords::installed();
    for (std::size_t i = 0; i < book.sheets.size(); ++i)
        if (words.isSheet(kind, nameToMatch(book.sheets[i]))) return static_cast<int>(i);
    // Nothing named so: the first sheet holds the actors, the second the flows.
    return kind == SheetKind::Actors || book.sheets.size() < 2 ? 0 : 1;
}

}  // namespace

SpreadsheetImportDialog::SpreadsheetImportDialog(wxWindow* parent, std::shared_ptr<const model::Workbook> book,
                                                 const model::Project& open, BackgroundTasks& tasks)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Import spreadsheet: %s"), toWx(book->file)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_book(std::move(book)), m_open(open), m_tasks(tasks), m_mapping(open.importRules) {
    SetName("spreadsheet-import");
    m_sheet[0] = preselected(*m_book, SheetKind::Actors);
    m_sheet[1] = preselected(*m_book, SheetKind::Flows);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Choose above a column what it means; green: read from its header, blue: your rule, red: not understood.")),
             0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    top->Add(buildSheetPane(this, SheetKind::Actors), 3, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    top->Add(buildSheetPane(this, SheetKind::Flows), 3, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(10));

    top->Add(new wxStaticText(this, wxID_ANY, _("Problems (double-click one to see its cell):")), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(10));
    m_problems = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_problems->SetName("import-problems");
    m_problems->AppendColumn(_("Cell"), wxLIST_FORMAT_LEFT, FromDIP(240));
    m_problems->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(760));
    m_problems->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { showProblem(e.GetIndex()); });
    m_problems->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {  // the reason takes the width the place leaves
        m_problems->SetColumnWidth(1, std::max(FromDIP(200), m_problems->GetClientSize().x - m_problems->GetColumnWidth(0)));
        e.Skip();
    });
    top->Add(m_problems, 2, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetName("import-status");
    top->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(8));

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    const wxString modes[] = {_("As a new project"), _("Into the open project")};
    m_mode = new wxRadioBox(this, wxID_ANY, _("Import"), wxDefaultPosition, wxDefaultSize, 2, modes, 2, wxRA_SPECIFY_COLS);
    m_mode->SetName("import-mode");
    m_mode->SetSelection(m_open.actors.empty() ? 0 : 1);
    bottom->Add(m_mode, 0, wxALIGN_BOTTOM);
    bottom->AddStretchSpacer();
    m_import = new wxButton(this, wxID_OK, _("&Import"));
    m_import->SetName("import-button");
    m_import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runImport(); });
    bottom->Add(m_import, 0, wxALIGN_BOTTOM | wxRIGHT, FromDIP(8));
    bottom->Add(new wxButton(this, wxID_CANCEL, _("&Cancel")), 0, wxALIGN_BOTTOM);
    top->Add(bottom, 0, wxEXPAND | wxALL, FromDIP(10));

    SetSizer(top);
    SetSize(FromDIP(wxSize(1120, 860)));
    CentreOnParent();
    refresh(true);
}

wxWindow* SpreadsheetImportDialog::buildSheetPane(wxWindow* parent, SheetKind kind) {
    auto* pane = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* line = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(pane, wxID_ANY, kind == SheetKind::Actors ? _("Actors sheet:") : _("Flows sheet:"));
    label->SetFont(label->GetFont().Bold());
    line->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    wxArrayString names;
    for (const model::SheetTable& s : m_book->sheets) names.Add(toWx(sheetDisplayName(s)));
    auto* choice = new wxChoice(pane, wxID_ANY, wxDefaultPosition, wxDefaultSize, names);
    choice->SetName(kind == SheetKind::Actors ? "actors-sheet" : "flows-sheet");
    choice->SetSelection(m_sheet[index(kind)]);
    choice->Bind(wxEVT_CHOICE, [this, kind](wxCommandEvent& e) { chooseSheet(kind, e.GetSelection()); });
    line->Add(choice, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(line, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    auto* preview = new SheetPreview(pane, kind, kind == SheetKind::Actors ? "actors-preview" : "flows-preview");
    preview->onRule = [this](const model::ColumnRule& r) { applyRule(r); };
    sizer->Add(preview, 1, wxEXPAND);
    pane->SetSizer(sizer);
    m_sheetChoices[index(kind)] = choice;
    m_previews[index(kind)] = preview;
    return pane;
}

const model::SheetTable* SpreadsheetImportDialog::table(SheetKind kind) const {
    const int i = m_sheet[index(kind)];
    return i >= 0 && i < static_cast<int>(m_book->sheets.size()) ? &m_book->sheets[static_cast<std::size_t>(i)] : nullptr;
}

bool SpreadsheetImportDialog::intoOpenProject() const { return m_mode->GetSelection() == 1; }

void SpreadsheetImportDialog::chooseSheet(SheetKind kind, int i) {
    m_sheet[index(kind)] = i;
    m_sheetChoices[index(kind)]->SetSelection(i);
    refresh(true);
}

void SpreadsheetImportDialog::applyRule(const model::ColumnRule& rule) {
    m_mapping.add(rule);
    refresh(false);
}

void SpreadsheetImportDialog::refresh(bool tablesChanged) {
    const auto& words = model::SpreadsheetWords::installed();
    for (SheetKind kind : {SheetKind::Actors, SheetKind::Flows}) {
        const model::SheetTable* t = table(kind);
        m_meanings[index(kind)] = t ? model::readColumns(*t, kind, m_mapping, words) : std::vector<model::ColumnMeaning>{};
        if (tablesChanged) m_previews[index(kind)]->showTable(t, m_meanings[index(kind)]);
        else m_previews[index(kind)]->showMeanings(m_meanings[index(kind)]);
    }
    listProblems({}, wxString());
}

void SpreadsheetImportDialog::listProblems(std::vector<model::ImportProblem> importProblems, const wxString& status) {
    std::vector<model::ImportProblem> header;
    if (m_sheet[0] == m_sheet[1])
        header.push_back({sheetDisplayName(*table(SheetKind::Actors)), toUtf8(_("the same sheet is chosen for the actors and the flows"))});
    for (SheetKind kind : {SheetKind::Actors, SheetKind::Flows}) {
        const model::SheetTable* t = table(kind);
        if (!t || t->rows.empty()) {
            header.push_back({t ? sheetDisplayName(*t) : std::string(), toUtf8(_("the sheet is empty"))});
            continue;
        }
        for (const model::ColumnMeaning& m : m_meanings[index(kind)])
            if (!m.problem.empty()) header.push_back({t->location(t->rows.front().at(m.column - 1)), m.problem});
    }
    m_headerProblems = header.size();
    m_listed = std::move(header);
    for (auto& p : importProblems) m_listed.push_back(std::move(p));
    m_problems->DeleteAllItems();
    for (std::size_t i = 0; i < m_listed.size(); ++i) {
        const long item = m_problems->InsertItem(static_cast<long>(i), toWx(m_listed[i].where));
        m_problems->SetItem(item, 1, toWx(m_listed[i].reason));
    }
    m_import->Enable(m_headerProblems == 0);
    if (!status.empty()) m_status->SetLabel(status);
    else if (m_headerProblems > 0)
        m_status->SetLabel(wxString::Format(wxPLURAL("%d column problem: choose what the column means, or ignore it, to import.",
                                                     "%d column problems: choose what each column means, or ignore it, to import.",
                                                     static_cast<int>(m_headerProblems)),
                                            static_cast<int>(m_headerProblems)));
    else m_status->SetLabel(_("Every column is understood."));
    m_status->SetForegroundColour(m_listed.empty() ? wxColour(0x1B, 0x5E, 0x20) : wxColour(0xB7, 0x1C, 0x1C));
    Layout();
}

bool SpreadsheetImportDialog::showProblem(long item) {
    if (item < 0 || item >= static_cast<long>(m_listed.size())) return false;
    const std::string& where = m_listed[static_cast<std::size_t>(item)].where;
    for (SheetPreview* p : m_previews)
        if (p->selectLocation(where)) return true;
    return false;
}

bool SpreadsheetImportDialog::runImport() {
    if (m_headerProblems > 0) return false;
    const bool into = intoOpenProject();
    const int a = m_sheet[0], f = m_sheet[1];
    const model::Catalogue catalogue = into && !m_open.catalogue.actorKinds.empty() ? m_open.catalogue : model::Catalogue::installed();
    std::optional<model::SheetImport> done;
    try {
        done = m_tasks.run<model::SheetImport>(this, _("Import spreadsheet"), _("Reading the actors and the flows…"),
                                               [book = m_book, a, f, catalogue, rules = m_mapping] {
                                                   const model::SheetTable& actors = book->sheets[static_cast<std::size_t>(a)];
                                                   const model::SheetTable& flows = book->sheets[static_cast<std::size_t>(f)];
                                                   model::SheetImport in = model::importSheets(actors, flows, catalogue, rules);
                                                   // The Records sheet (issue #19), when the workbook has one besides these.
                                                   const model::SheetTable* records = model::recordsSheet(*book);
                                                   if (records && records != &actors && records != &flows)
                                                       model::importRecordsSheet(*records, in.project);
                                                   return in;
                                               });
    } catch (const model::SheetImportError& e) {
        wxString status = wxString::Format(wxPLURAL("%d problem; nothing was imported.", "%d problems; nothing was imported.",
                                                    static_cast<int>(e.total())),
                                           static_cast<int>(e.total()));
        if (e.total() > e.problems().size())
            status += " " + wxString::Format(_("The first %d are listed."), static_cast<int>(e.problems().size()));
        listProblems(e.problems(), status);
        return false;
    } catch (const InvalidInput& e) {
        listProblems({{e.where(), e.reason()}}, _("Nothing was imported."));
        return false;
    } catch (const std::exception& e) {
        listProblems({{std::string(), e.what()}}, _("Nothing was imported."));
        return false;
    }
    if (!done) {
        listProblems({}, _("Import cancelled; nothing was imported."));
        return false;
    }
    if (into) {
        const model::ImportChain merge(done->project.actors, done->project.flows);
        std::vector<model::ImportProblem> clashes;
        for (const std::string& id : merge.conflicts(m_open))
            clashes.push_back({id, toUtf8(_("this id is already in the open project"))});
        if (!clashes.empty()) {
            listProblems(std::move(clashes), _("Some ids are already in the open project; nothing was imported."));
            return false;
        }
    }
    m_result = std::move(done);
    EndModal(wxID_OK);
    return true;
}

}  // namespace traza::gui
