#include "menu_bar.h"

#include <wx/filehistory.h>
#include <wx/intl.h>
#include <wx/menu.h>

#include "command_ids.h"
#include "kind_glyph.h"
#include "labels.h"

namespace traza::gui {

namespace {

// A label inside a sentence ("Add brand / EPR scheme"): its first letter lowered,
// unless the first word is an acronym; the rest as it is ("EPR", "REP" stay capitals).
wxString inSentence(const wxString& label) {
    if (label.length() < 2 || wxIsupper(label[1])) return label;
    return label.Left(1).Lower() + label.Mid(1);
}

}  // namespace

wxMenuBar* createMenuBar(wxFileHistory& history) {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New\tCtrl+N"), _("Start an empty project"));
    file->Append(wxID_OPEN, _("&Open…\tCtrl+O"), _("Open a .traza project or a chain JSON file"));
    auto* recent = new wxMenu;
    history.UseMenu(recent);
    history.AddFilesToMenu(recent);
    file->AppendSubMenu(recent, _("Open &recent"));
    file->Append(ids::OpenLocation, _("Open &location…"),
                 _("Open a project on a PostgreSQL server (postgresql://host/database?project=NAME) that a team edits together"));
    file->AppendSeparator();
    file->Append(wxID_SAVE, _("&Save\tCtrl+S"), _("Save the project"));
    file->Append(wxID_SAVEAS, _("Save &as…\tCtrl+Shift+S"), _("Save the project under another name"));
    file->Append(ids::SaveToServer, _("Save to ser&ver…"), _("Put the project on a PostgreSQL server and go on editing it there"));
    file->Append(wxID_CLOSE, _("&Close\tCtrl+W"), _("Close the project"));
    file->AppendSeparator();
    file->Append(ids::ImportJson, _("Import &JSON…"), _("Import a chain JSON file as a new project"));
    file->Append(ids::ImportCsv, _("Import &CSV…"), _("Import actors and flows from two CSV files"));
    file->Append(ids::ImportSpreadsheet, _("Import s&preadsheet…"),
                 _("Import actors and flows from an Excel or OpenDocument workbook or CSV files, with a preview"));
    file->Append(ids::WriteQuestionnaires, _("Write &questionnaires…"),
                 _("Write a questionnaire workbook for each selected supplier, to fill and send back"));
    file->Append(ids::ImportAnswers, _("Import a&nswers…"),
                 _("Read a supplier's returned questionnaire, show what it changes and apply it as one step"));
    file->Append(ids::SaveTemplate, _("Save &template…"), _("Write an empty workbook of actors and flows to fill in"));
    file->Append(ids::ExportJson, _("&Export JSON…"), _("Write the project as chain JSON"));
    file->Append(ids::ExportReport, _("Export &report…\tCtrl+E"), _("Write the Excel due-diligence workbook"));
    file->Append(ids::ExportChain, _("Export c&hain…"), _("Write the chain map (PNG, SVG) or the chain graph (GraphML, DOT)"));
    file->Append(ids::ShareAnonymised, _("Share anon&ymised…"),
                 _("Write the report, chain JSON, graph or map with pseudonyms instead of names, and no notes or document numbers"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Y"));
    edit->AppendSeparator();
    // No Del accelerator: it would fire inside the property grid's text editors.
    edit->Append(ids::DeleteSelection, _("&Delete selection"), _("Delete the selected actors and flows (Del on the canvas)"));
    // Ctrl+A is the canvas's own key: as a menu accelerator it would steal "select all" from text fields.
    edit->Append(ids::SelectAll, _("Select &all actors"), _("Select every actor (Ctrl+A on the canvas)"));
    edit->AppendSeparator();
    edit->Append(ids::Find, _("&Find…\tCtrl+F"), _("Find actors and flows by name, id, region or notes"));
    edit->Append(ids::FindNext, _("Find &next\tF3"), _("Select the next hit and centre the canvas on it"));
    edit->Append(ids::FindPrevious, _("Find pre&vious\tShift+F3"), _("Select the previous hit and centre the canvas on it"));
    edit->AppendSeparator();
    edit->Append(ids::EditCatalogues, _("&Catalogues…"),
                 _("The project's risk factors, document types, typologies, red-flag rules and actor kinds: add, edit, retire"));
    edit->Append(wxID_PREFERENCES, _("&Preferences…"), _("Interface language"));

    auto* view = new wxMenu;
    view->Append(ids::ZoomIn, _("Zoom &in\tCtrl++"));
    view->Append(ids::ZoomOut, _("Zoom &out\tCtrl+-"));
    view->Append(ids::FitWindow, _("&Fit to window\tCtrl+0"));
    view->Append(ids::Focus, _("Fo&cus…\tCtrl+Shift+F"),
                 _("Show only the selected actors' suppliers or customers, a number of steps away, or the actors of one red-flag rule"));
    view->Append(ids::ShowWholeChain, _("Show the &whole chain\tCtrl+Shift+A"), _("Leave the focus: show every actor again"));
    view->AppendSeparator();
    view->Append(ids::ShowOutline, _("Show &outline"));
    view->Append(ids::ShowProperties, _("Show &properties"));
    view->Append(ids::ShowAnalysis, _("Show &analysis"));
    view->Append(ids::ShowTables, _("Show &tables\tCtrl+T"), _("The actors and flows as tables: edit, sort, filter, paste from a spreadsheet"));
    view->Append(ids::ShowRecords, _("Show &records\tCtrl+Shift+R"),
                 _("The delivery records of the selected flows (of every flow when none is selected): edit, add, paste"));
    view->Append(ids::ShowHistory, _("&History…"), _("Who changed what and when, for a project on a server"));
    view->Append(ids::ShowDueDiligence, _("Show &due diligence"));
    view->Append(ids::ShowProgress, _("Show pro&gress"), _("Charts of the delivery records month by month: tonnes against goals, documented share"));
    view->Append(ids::ResetPanes, _("&Reset panes"));

    auto* chain = new wxMenu;
    chain->Append(ids::LayoutChain, _("&Layout chain\tCtrl+L"), _("Arrange the chain in stage columns (Graphviz)"));
    chain->Append(ids::SetOutgoingTypology, _("Set &typology of outgoing flows…"),
                  _("Give every flow leaving the selected actors one recycled-input typology (one undo step)"));
    chain->AppendSeparator();
    for (int k = 0; k <= static_cast<int>(model::ActorKind::Other); ++k) {
        const auto kind = static_cast<model::ActorKind>(k);
        auto* item = new wxMenuItem(chain, ids::AddActorFirst + k, wxString::Format(_("Add %s"), inSentence(kindLabel(kind))));
        item->SetBitmap(kindBitmap(kind, 16));
        chain->Append(item);
    }

    auto* help = new wxMenu;
    help->Append(ids::UserGuide, _("&User guide\tF1"), _("From an empty project to the report, step by step"));
    help->Append(ids::Methodology, _("&Methodology"), _("How Traza computes every figure of the analysis"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About Traza"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(chain, _("&Chain"));
    bar->Append(help, _("&Help"));
    return bar;
}

}  // namespace traza::gui
