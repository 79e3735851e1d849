#include "catalogue_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "catalogue_commands.h"
#include "catalogue_entry_dialog.h"
#include "catalogue_uses.h"
#include "document.h"
#include "error.h"
#include "error_dialog.h"
#include "labels.h"
#include "own_entries.h"

namespace traza::gui {
namespace {

using ojson = nlohmann::ordered_json;

// Command labels: the model keeps the English, the undo menu translates it.
const char* const kAddLabel = wxTRANSLATE("Add catalogue entry");
const char* const kEditLabel = wxTRANSLATE("Edit catalogue entry");
const char* const kRetireLabel = wxTRANSLATE("Retire catalogue entry");
const char* const kRestoreLabel = wxTRANSLATE("Restore catalogue entry");

enum Column { ColId, ColName, ColValue, ColUsedBy, ColRetired };

wxString pageTitle(const std::string& list) {
    if (list == "actor_kinds") return _("Actor kinds");
    if (list == "document_types") return _("Document types");
    if (list == "typologies") return _("Typologies");
    if (list == "risk_factors") return _("Risk factors");
    if (list == "red_flag_rules") return _("Red-flag rules");
    if (list == "checklist_templates") return _("Checklist templates");
    return toWx(list);
}

// Actor kinds are the model's kinds and rules are code: their entries can be changed, not added.
bool takesNewEntries(const std::string& list) { return list != "actor_kinds" && list != "red_flag_rules"; }

wxString textOf(const ojson& v) {
    if (v.is_string()) return toWx(v.get<std::string>());
    if (!v.is_object()) return wxString();
    const std::string mine = v.value(uiLanguage(), "");
    return toWx(mine.empty() ? v.value("en", "") : mine);
}

// The one figure that says most about an entry of the list.
wxString valueOf(const ojson& e) {
    for (const char* key : {"weight", "severity", "baseline_risk", "typical_evidence", "default_stage"})
        if (e.contains(key)) return e[key].is_string() ? toWx(e[key].get<std::string>()) : toWx(e[key].dump());
    return wxString();
}

wxString idsText(const std::vector<std::string>& ids) {
    wxString out;
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) out += (i ? ", " : "") + toWx(ids[i]);
    if (ids.size() > 3) out = wxString::Format(_("%s and %d more"), out, static_cast<int>(ids.size() - 3));
    return out;
}

}  // namespace

CatalogueDialog::CatalogueDialog(wxWindow* parent, Document& doc)
    : wxDialog(parent, wxID_ANY, _("Catalogues"), wxDefaultPosition, wxSize(860, 560), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_doc(doc) {
    SetName("traza-catalogues");
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("The project's own reference lists. A change is one step of Edit > Undo and re-runs the "
                                     "analysis; a retired entry stays where it is used and is offered for no new use."));
    m_pages = new wxNotebook(this, wxID_ANY);
    m_pages->SetName("catalogue-pages");
    for (const std::string& list : model::ownEntryLists()) {
        auto* view = new wxListView(m_pages, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
        view->SetName(toWx("catalogue-list-" + list));
        view->AppendColumn(_("Id"), wxLIST_FORMAT_LEFT, 170);
        view->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 330);
        view->AppendColumn(_("Value"), wxLIST_FORMAT_LEFT, 90);
        view->AppendColumn(_("Used by"), wxLIST_FORMAT_RIGHT, 80);
        view->AppendColumn(_("Retired"), wxLIST_FORMAT_LEFT, 70);
        view->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
        view->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
        view->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { editEntry(); });
        m_pages->AddPage(view, pageTitle(list));
        m_lists.push_back(view);
        fillPage(list);
    }
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        updateButtons();
    });

    m_add = new wxButton(this, wxID_ANY, _("&Add…"));
    m_add->SetName("catalogue-add");
    m_edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    m_edit->SetName("catalogue-edit");
    m_retire = new wxButton(this, wxID_ANY, _("&Retire"));
    m_retire->SetName("catalogue-retire");
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addEntry(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editEntry(); });
    m_retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggleRetired(); });
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetName("catalogue-status");

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* b : {m_add, m_edit, m_retire}) buttons->Add(b, 0, wxRIGHT, 6);
    buttons->AddStretchSpacer();
    // Not wxID_CLOSE: GTK would show its stock label, untranslated without wx's own catalogue.
    auto* close = new wxButton(this, wxID_ANY, _("&Close"));
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { IsModal() ? EndModal(wxID_CLOSE) : (void)Hide(); });
    buttons->Add(close);
    SetEscapeId(wxID_CLOSE);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(intro, 0, wxEXPAND | wxALL, 10);
    intro->Wrap(820);
    top->Add(m_pages, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    top->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    top->Add(buttons, 0, wxEXPAND | wxALL, 10);
    SetSizer(top);
    updateButtons();
}

ojson CatalogueDialog::entriesOf(const std::string& list) const {
    return model::listEntries(m_doc.project().catalogue, list);  // one list parsed, not all six
}

void CatalogueDialog::fillPage(const std::string& list) {
    wxListView* view = listView(list);
    const std::string keep = currentList() == list ? selectedId() : std::string();
    view->DeleteAllItems();
    long row = 0;
    for (const ojson& e : entriesOf(list)) {
        const std::string id = e.value("id", "");
        view->InsertItem(row, toWx(id));
        view->SetItem(row, ColName, e.contains("name") ? textOf(e["name"]) : wxString());
        view->SetItem(row, ColValue, valueOf(e));
        view->SetItem(row, ColUsedBy,
                      list == "red_flag_rules" ? wxString("—")
                                               : wxString::Format("%zu", model::catalogueEntryUsers(m_doc.project(), list, id).size()));
        view->SetItem(row, ColRetired, e.value("retired", false) ? _("retired") : wxString());
        if (id == keep) view->Select(row);
        ++row;
    }
}

wxListView* CatalogueDialog::listView(const std::string& list) const {
    const auto& lists = model::ownEntryLists();
    auto it = std::find(lists.begin(), lists.end(), list);
    return it == lists.end() ? nullptr : m_lists[static_cast<std::size_t>(it - lists.begin())];
}

void CatalogueDialog::showList(const std::string& list) {
    const auto& lists = model::ownEntryLists();
    auto it = std::find(lists.begin(), lists.end(), list);
    if (it != lists.end()) m_pages->SetSelection(static_cast<std::size_t>(it - lists.begin()));
    updateButtons();
}

std::string CatalogueDialog::currentList() const {
    const int page = m_pages ? m_pages->GetSelection() : wxNOT_FOUND;
    return page == wxNOT_FOUND ? std::string() : model::ownEntryLists()[static_cast<std::size_t>(page)];
}

bool CatalogueDialog::selectEntry(const std::string& id) {
    wxListView* view = listView(currentList());
    const long row = view->FindItem(-1, toWx(id));
    if (row == wxNOT_FOUND) return false;
    view->Select(row);
    view->Focus(row);
    updateButtons();
    return true;
}

std::string CatalogueDialog::selectedId() const {
    wxListView* view = listView(currentList());
    const long row = view ? view->GetFirstSelected() : -1;
    return row < 0 ? std::string() : toUtf8(view->GetItemText(row, ColId));
}

void CatalogueDialog::updateButtons() {
    const std::string list = currentList(), id = selectedId();
    m_add->Enable(takesNewEntries(list));
    m_edit->Enable(!id.empty());
    m_retire->Enable(!id.empty());
    bool retired = false;
    for (const ojson& e : id.empty() ? ojson::array() : entriesOf(list))
        if (e.value("id", "") == id) retired = e.value("retired", false);
    m_retire->SetLabel(retired ? _("&Restore") : _("&Retire"));
}

std::string CatalogueDialog::problemWith(const std::string& list, const ojson& entry, bool isNew) const {
    const std::string id = entry.value("id", "");
    if (isNew && !id.empty()) {
        const std::vector<std::string> ids = model::entryIds(m_doc.project().catalogue, list);
        if (std::find(ids.begin(), ids.end(), id) != ids.end())
            return toUtf8(wxString::Format(_("There is already an entry \"%s\"; choose another id."), toWx(id)));
    }
    try {
        nlohmann::json section = nlohmann::json::object();
        section[list] = nlohmann::json::array({nlohmann::json::parse(entry.dump())});
        model::withOwnEntries(m_doc.project().catalogue, section, "catalogue");
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

void CatalogueDialog::execute(const std::string& list, ojson entry, const char* label) {
    try {
        m_doc.execute(std::make_unique<model::SetCatalogueEntry>(list, nlohmann::json::parse(entry.dump()), label));
    } catch (const std::exception& e) {
        showError(this, e);
        return;
    }
    fillPage(list);
    updateButtons();
}

void CatalogueDialog::addEntry() {
    const std::string list = currentList();
    if (!takesNewEntries(list)) return;
    const ojson entries = entriesOf(list);
    const ojson sample = entries.empty() ? ojson{{"id", ""}, {"name", ""}} : entries[0];
    CatalogueEntryDialog dialog(this, wxString::Format(_("New entry: %s"), pageTitle(list)), entryFields(blankEntry(sample), true),
                                [this, list](const ojson& e) { return problemWith(list, e, true); });
    if (dialog.ShowModal() != wxID_OK) return;
    const std::string id = dialog.entry().value("id", "");
    execute(list, dialog.entry(), kAddLabel);
    selectEntry(id);
    m_status->SetLabel(wxString::Format(_("Added %s."), toWx(id)));
}

void CatalogueDialog::editEntry() {
    const std::string list = currentList(), id = selectedId();
    if (id.empty()) return;
    for (const ojson& e : entriesOf(list)) {
        if (e.value("id", "") != id) continue;
        CatalogueEntryDialog dialog(this, wxString::Format(_("Edit %s"), toWx(id)), entryFields(e, false),
                                    [this, list](const ojson& en) { return problemWith(list, en, false); });
        if (dialog.ShowModal() != wxID_OK) return;
        execute(list, dialog.entry(), kEditLabel);
        m_status->SetLabel(wxString::Format(_("Changed %s."), toWx(id)));
        return;
    }
}

void CatalogueDialog::toggleRetired() {
    const std::string list = currentList(), id = selectedId();
    if (id.empty()) return;
    bool retired = false;
    for (const ojson& e : entriesOf(list))
        if (e.value("id", "") == id) retired = e.value("retired", false);
    execute(list, ojson{{"id", id}, {"retired", !retired}}, retired ? kRestoreLabel : kRetireLabel);
    if (retired) {
        m_status->SetLabel(wxString::Format(_("Restored %s: it is offered again."), toWx(id)));
        return;
    }
    const std::vector<std::string> users = model::catalogueEntryUsers(m_doc.project(), list, id);
    if (list == "red_flag_rules") m_status->SetLabel(wxString::Format(_("Retired %s: the rule is no longer checked."), toWx(id)));
    else if (users.empty()) m_status->SetLabel(wxString::Format(_("Retired %s: nothing in the project uses it."), toWx(id)));
    else
        m_status->SetLabel(wxString::Format(_("Retired %s. Still used by %s, which keep it; it is offered for no new use."), toWx(id),
                                            idsText(users)));
    if (GetClientSize().x > 100) m_status->Wrap(GetClientSize().x - 20);
    Layout();
}

wxString CatalogueDialog::status() const { return m_status->GetLabel(); }

void editCatalogues(wxWindow* parent, Document& doc) {
    CatalogueDialog dialog(parent, doc);
    dialog.ShowModal();
}

}  // namespace traza::gui
