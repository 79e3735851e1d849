#include "checklist_editor.h"

#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "checklist_completion.h"
#include "document_commands.h"
#include "error.h"
#include "labels.h"

namespace traza::gui {
namespace {
constexpr model::ItemStatus kStatuses[] = {model::ItemStatus::NotStarted, model::ItemStatus::InProgress,
                                           model::ItemStatus::Done, model::ItemStatus::NotApplicable};
enum ListColumn { ColItem, ColStatus, ColOwner, ColDue, ColEvidence, ColReference };

int percent(double fraction) { return static_cast<int>(std::lround(fraction * 100)); }
}  // namespace

ChecklistEditor::ChecklistEditor(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("checklist-editor");
    const int gap = FromDIP(4);
    auto* top = new wxBoxSizer(wxHORIZONTAL);

    // Left: scope, overall completion, the steps.
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* scopeRow = new wxBoxSizer(wxHORIZONTAL);
    scopeRow->Add(new wxStaticText(this, wxID_ANY, _("Checklist of:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_scopeChoice = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, -1)));
    m_scopeChoice->SetName("checklist-scope");
    m_scopeChoice->SetToolTip(_("The assessment's own checklist, or one per supplier (✓: the supplier has a checklist)"));
    scopeRow->Add(m_scopeChoice, 1);
    left->Add(scopeRow, 0, wxEXPAND | wxALL, gap);
    auto* templateRow = new wxBoxSizer(wxHORIZONTAL);
    templateRow->Add(new wxStaticText(this, wxID_ANY, _("Template:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_templateChoice = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, -1)));
    m_templateChoice->SetName("checklist-template");
    m_templateChoice->SetToolTip(_("The framework this checklist follows; items the new template lacks are dropped (Undo brings them back)"));
    templateRow->Add(m_templateChoice, 1);
    left->Add(templateRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* overallRow = new wxBoxSizer(wxHORIZONTAL);
    m_overall = new wxStaticText(this, wxID_ANY, wxString());
    m_overall->SetName("checklist-overall");
    m_overall->SetFont(m_overall->GetFont().Bold());
    overallRow->Add(m_overall, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_overallGauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(120, 14)));
    overallRow->Add(m_overallGauge, 1, wxALIGN_CENTER_VERTICAL);
    left->Add(overallRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    m_stepsPanel = new wxPanel(this);
    left->Add(m_stepsPanel, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    top->Add(left, 0, wxEXPAND);

    // Middle: the items. Right: the form of the chosen item (three columns fit the
    // bottom dock's height).
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, 120)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("checklist-items");
    m_list->AppendColumn(_("Item"), wxLIST_FORMAT_LEFT, FromDIP(250));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(95));
    m_list->AppendColumn(_("Owner"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(85));
    m_list->AppendColumn(_("Evidence"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_list->AppendColumn(_("Reference"), wxLIST_FORMAT_LEFT, FromDIP(150));
    top->Add(m_list, 3, wxEXPAND | wxALL, gap);

    auto* right = new wxBoxSizer(wxVERTICAL);
    m_itemTitle = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)), wxST_ELLIPSIZE_END);
    m_itemTitle->SetFont(m_itemTitle->GetFont().Bold());
    right->Add(m_itemTitle, 0, wxEXPAND | wxTOP | wxBOTTOM, gap);
    auto* form = new wxFlexGridSizer(2, gap, gap);
    form->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    auto textField = [&](const char* name, const wxString& hint) {
        auto* t = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        t->SetName(name);
        if (!hint.empty()) t->SetHint(hint);
        return t;
    };
    label(_("Status"));
    m_status = new wxChoice(this, wxID_ANY);
    m_status->SetName("checklist-status");
    for (model::ItemStatus s : kStatuses) m_status->Append(itemStatusLabel(s));
    form->Add(m_status, 1, wxEXPAND);
    label(_("Evidence"));
    m_evidence = textField("checklist-evidence", _("What shows the item is done"));
    form->Add(m_evidence, 1, wxEXPAND);
    label(_("Documents"));
    m_documents = textField("checklist-documents", _("References, separated by ;"));
    form->Add(m_documents, 1, wxEXPAND);
    label(_("Owner"));
    m_owner = textField("checklist-owner", wxString());
    form->Add(m_owner, 1, wxEXPAND);
    label(_("Due date"));
    m_due = textField("checklist-due", "YYYY-MM-DD");
    form->Add(m_due, 1, wxEXPAND);
    right->Add(form, 0, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    m_error->SetName("checklist-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    right->Add(m_error, 1, wxEXPAND | wxTOP, gap);
    top->Add(right, 2, wxEXPAND | wxRIGHT, gap);
    SetSizer(top);

    m_scopeChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const int i = e.GetSelection();
        if (i >= 0 && static_cast<std::size_t>(i) < m_scopeIds.size()) showScope(m_scopeIds[i]);
    });
    m_templateChoice->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        const int i = e.GetSelection();
        if (!m_filling && i >= 0 && static_cast<std::size_t>(i) < m_templateIds.size()) chooseTemplate(m_templateIds[i]);
    });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (m_filling) return;
        const long row = e.GetIndex();
        if (row >= 0 && static_cast<std::size_t>(row) < m_itemIds.size()) {
            m_item = m_itemIds[row];
            fillForm();
        }
    });
    m_status->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { commit(Field::Status); });
    const std::pair<wxTextCtrl*, Field> fields[] = {
        {m_evidence, Field::Evidence}, {m_documents, Field::Documents}, {m_owner, Field::Owner}, {m_due, Field::Due}};
    for (auto [ctrl, field] : fields) {
        ctrl->Bind(wxEVT_TEXT_ENTER, [this, f = field](wxCommandEvent&) { commit(f); });
        ctrl->Bind(wxEVT_KILL_FOCUS, [this, f = field](wxFocusEvent& e) {
            e.Skip();
            if (!IsBeingDeleted()) commit(f);
        });
    }

    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        if (m_refreshPending && IsShownOnScreen()) refresh();
        e.Skip();
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Replaced) m_stepsStale = true;  // its catalogue may name other steps
        if (c != DocumentChange::Saved) scheduleRefresh();
    });
    // Choosing an actor elsewhere (canvas, outline, analysis) shows its checklist.
    m_selSlot = m_selection.changed.connect([this] {
        const auto primary = m_selection.primary();
        if (primary && primary->kind == ItemKind::Actor && primary->id != m_scope) showScope(primary->id);
    });
    refresh();
}

ChecklistEditor::~ChecklistEditor() {
    m_doc.changed.disconnect(m_docSlot);
    m_selection.changed.disconnect(m_selSlot);
}

void ChecklistEditor::showScope(const std::string& scope) {
    const bool known = scope == model::Checklist::kAssessmentScope || m_doc.project().findActor(scope);
    m_scope = known ? scope : model::Checklist::kAssessmentScope;
    showError(wxString());
    refresh();
}

void ChecklistEditor::selectItem(const std::string& id) {
    for (std::size_t i = 0; i < m_itemIds.size(); ++i)
        if (m_itemIds[i] == id) {
            m_item = id;
            m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->EnsureVisible(static_cast<long>(i));
            fillForm();
            return;
        }
}

void ChecklistEditor::chooseTemplate(const std::string& id) {
    const model::ChecklistTemplate* now = shownTemplate();
    if (now && now->id == id) return;
    try {
        m_doc.execute(std::make_unique<model::SetChecklistTemplate>(m_scope, id));
        showError(wxString());
    } catch (const InvalidInput& e) {
        showError(wxString::Format(_("Refused (%s): %s. Nothing was changed."), toWx(e.where()), toWx(e.reason())));
    }
}

const model::ChecklistTemplate* ChecklistEditor::shownTemplate() const { return m_doc.project().checklistTemplateOf(m_scope); }

wxString ChecklistEditor::stepText(std::size_t i) const { return i < m_stepCounts.size() ? m_stepCounts[i]->GetLabel() : wxString(); }
wxString ChecklistEditor::overallText() const { return m_overall->GetLabel(); }
int ChecklistEditor::stepGaugeValue(std::size_t i) const { return i < m_stepGauges.size() ? m_stepGauges[i]->GetValue() : -1; }
wxString ChecklistEditor::errorText() const { return m_error->GetLabel(); }

// Changes arrive inside the handlers of our own controls; rebuilding the list
// there would pull the control from under its event, so refreshes wait for idle time.
// A refresh waits while the page is not on screen (the due-diligence pane is
// hidden by default): opening a national chain then does not fill tables nobody
// sees. The idle handler bound in the constructor catches up once it is shown.
void ChecklistEditor::scheduleRefresh() {
    if (m_refreshPending) return;
    m_refreshPending = true;
    CallAfter([this] {
        if (m_refreshPending && IsShownOnScreen()) refresh();
    });
}

void ChecklistEditor::refresh() {
    m_refreshPending = false;
    if (m_scope != model::Checklist::kAssessmentScope && !m_doc.project().findActor(m_scope))
        m_scope = model::Checklist::kAssessmentScope;  // the supplier was deleted or the project replaced
    m_filling = true;
    fillScopes();
    fillTemplates();
    const model::ChecklistTemplate* tmpl = shownTemplate();
    const std::string tmplId = tmpl ? tmpl->id : std::string();
    if (m_stepsStale || tmplId != m_stepsTemplate || m_stepCounts.size() != (tmpl ? tmpl->steps.size() : 0)) buildSteps();
    m_stepsStale = false;
    fillCompletion();
    fillItems();
    m_filling = false;
    fillForm();
    Layout();
}

void ChecklistEditor::buildSteps() {
    m_stepsPanel->DestroyChildren();
    m_stepCounts.clear();
    m_stepGauges.clear();
    m_stepNames.clear();
    auto* grid = new wxFlexGridSizer(3, FromDIP(3), FromDIP(6));
    const model::ChecklistTemplate* tmpl = shownTemplate();
    m_stepsTemplate = tmpl ? tmpl->id : std::string();
    for (const model::ChecklistStep& s : tmpl ? tmpl->steps : std::vector<model::ChecklistStep>{}) {
        auto* count = new wxStaticText(m_stepsPanel, wxID_ANY, wxString());
        count->SetName(wxString::Format("checklist-step-%d", s.step));
        auto* gauge = new wxGauge(m_stepsPanel, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(70, 12)));
        auto* name = new wxStaticText(m_stepsPanel, wxID_ANY, localText(s.name), wxDefaultPosition, FromDIP(wxSize(200, -1)),
                                      wxST_ELLIPSIZE_END);
        name->SetToolTip(localText(s.description));
        grid->Add(count, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(gauge, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        m_stepCounts.push_back(count);
        m_stepGauges.push_back(gauge);
        m_stepNames.push_back(name);
    }
    m_stepsPanel->SetSizer(grid);
    m_stepsPanel->InvalidateBestSize();
    m_stepsPanel->Layout();
}

// A national chain has tens of thousands of actors: a GTK choice that long takes
// minutes to fill and cannot be scrolled. Above kListAllActorsUpTo the list holds
// the suppliers that have a checklist and the one shown; any other supplier's
// checklist opens by selecting the actor on the canvas or in the outline.
constexpr std::size_t kListAllActorsUpTo = 300;

void ChecklistEditor::fillScopes() {
    const model::Project& p = m_doc.project();
    std::unordered_set<std::string> assessed;
    for (const model::Checklist& c : p.checklists) assessed.insert(c.scope);
    const bool all = p.actors.size() <= kListAllActorsUpTo;
    std::vector<std::string> ids{model::Checklist::kAssessmentScope};
    wxArrayString labels;
    labels.push_back(_("Assessment (own management)"));
    for (const model::Actor& a : p.actors) {
        const bool hasList = assessed.count(a.id) > 0;
        if (!all && !hasList && a.id != m_scope) continue;
        ids.push_back(a.id);
        // Suppliers that have a checklist are marked, so the user sees which were assessed.
        labels.push_back((hasList ? wxString::FromUTF8("✓ ") : wxString("    ")) + toWx(a.name.empty() ? a.id : a.name));
    }
    bool same = ids == m_scopeIds && labels.size() == m_scopeChoice->GetCount();
    for (unsigned i = 0; same && i < labels.size(); ++i) same = m_scopeChoice->GetString(i) == labels[i];
    if (!same) {
        m_scopeChoice->Set(labels);
        m_scopeIds = std::move(ids);
    }
    for (std::size_t i = 0; i < m_scopeIds.size(); ++i)
        if (m_scopeIds[i] == m_scope && m_scopeChoice->GetSelection() != static_cast<int>(i)) m_scopeChoice->SetSelection(static_cast<int>(i));
}

void ChecklistEditor::fillTemplates() {
    const model::Project& p = m_doc.project();
    const model::ChecklistTemplate* shown = shownTemplate();
    std::vector<std::string> ids;
    wxArrayString labels;
    for (const model::ChecklistTemplate& t : p.catalogue.checklistTemplates) {
        if (t.retired && &t != shown) continue;  // retired: kept for the checklists that follow it
        ids.push_back(t.id);
        labels.push_back(localText(t.name));
    }
    bool same = ids == m_templateIds && labels.size() == m_templateChoice->GetCount();
    for (unsigned i = 0; same && i < labels.size(); ++i) same = m_templateChoice->GetString(i) == labels[i];
    if (!same) {
        m_templateChoice->Set(labels);
        m_templateIds = std::move(ids);
    }
    for (std::size_t i = 0; i < m_templateIds.size(); ++i)
        if (shown && m_templateIds[i] == shown->id && m_templateChoice->GetSelection() != static_cast<int>(i))
            m_templateChoice->SetSelection(static_cast<int>(i));
    m_templateChoice->Enable(m_templateIds.size() > 1);
}

void ChecklistEditor::fillCompletion() {
    const model::Project& p = m_doc.project();
    const ChecklistCompletion c = checklistCompletion(p, m_scope);
    const bool supplier = m_scope != model::Checklist::kAssessmentScope;
    for (std::size_t i = 0; i < m_stepCounts.size() && i < c.steps.size(); ++i) {
        const StepCompletion& s = c.steps[i];
        m_stepCounts[i]->SetLabel(wxString::Format(_("Step %d: %d/%d done"), s.step, s.done, s.applicable));
        m_stepGauges[i]->SetValue(percent(s.fraction()));
        // Steps 2-4 are the supplier's (the catalogue says which): grey the others there, and vice versa.
        const model::ChecklistTemplate* tmpl = shownTemplate();
        const std::string stepScope = tmpl && i < tmpl->steps.size() ? tmpl->steps[i].scope : std::string();
        const bool applies = stepScope.empty() || (stepScope == "supplier") == supplier;
        m_stepNames[i]->SetForegroundColour(applies ? GetForegroundColour() : wxColour(0x88, 0x88, 0x88));
        m_stepNames[i]->Refresh();
    }
    m_overall->SetLabel(wxString::Format(_("Overall: %d/%d done"), c.overall.done, c.overall.applicable));
    m_overallGauge->SetValue(percent(c.overall.fraction()));
}

void ChecklistEditor::fillItems() {
    const model::Project& p = m_doc.project();
    const model::ChecklistTemplate* tmpl = shownTemplate();
    static const std::vector<model::ChecklistItemTemplate> none;
    const auto& templates = tmpl ? tmpl->items : none;
    std::vector<std::string> ids;
    for (const model::ChecklistItemTemplate& t : templates) ids.push_back(t.id);
    if (ids != m_itemIds) {  // another project (catalogue) was loaded, or another template shown
        m_list->DeleteAllItems();
        m_itemIds.clear();
        for (const model::ChecklistItemTemplate& t : templates) {
            m_list->InsertItem(m_list->GetItemCount(), toWx(t.id) + "  " + localText(t.name));
            m_itemIds.push_back(t.id);
        }
    }
    for (std::size_t i = 0; i < templates.size(); ++i) {
        const model::ChecklistItem item = checklistItemOf(p, m_scope, templates[i].id);
        const long row = static_cast<long>(i);
        m_list->SetItem(row, ColItem, toWx(templates[i].id) + "  " + localText(templates[i].name));
        m_list->SetItem(row, ColStatus, itemStatusLabel(item.status));
        m_list->SetItem(row, ColOwner, toWx(item.owner));
        m_list->SetItem(row, ColDue, toWx(item.due));
        m_list->SetItem(row, ColEvidence, toWx(item.evidence));
        m_list->SetItem(row, ColReference, toWx(templates[i].reference));
    }
    if ((m_item.empty() || std::find(m_itemIds.begin(), m_itemIds.end(), m_item) == m_itemIds.end()) && !m_itemIds.empty())
        m_item = m_itemIds.front();
    for (std::size_t i = 0; i < m_itemIds.size(); ++i)
        if (m_itemIds[i] == m_item) m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

void ChecklistEditor::fillForm() {
    const model::Project& p = m_doc.project();
    const model::ChecklistTemplate* tmpl = shownTemplate();
    const model::ChecklistItemTemplate* t = tmpl ? tmpl->item(m_item) : nullptr;
    const bool enable = t != nullptr;
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_status, m_evidence, m_documents, m_owner, m_due}) w->Enable(enable);
    if (!t) {
        m_itemTitle->SetLabel(wxString());
        return;
    }
    m_filling = true;
    m_itemTitle->SetLabel(toWx(t->id) + "  " + localText(t->name) + (t->onTheGround ? " " + _("(on the ground)") : wxString()));
    m_itemTitle->SetToolTip(localText(t->description) + (t->reference.empty() ? wxString() : "\n" + toWx(t->reference)));
    const model::ChecklistItem item = checklistItemOf(p, m_scope, m_item);
    m_status->SetSelection(static_cast<int>(item.status));
    // ChangeValue: no text event, so showing a value is never taken for an edit.
    m_evidence->ChangeValue(toWx(item.evidence));
    m_documents->ChangeValue(toWx(joinDocuments(item.documents)));
    m_owner->ChangeValue(toWx(item.owner));
    m_due->ChangeValue(toWx(item.due));
    m_filling = false;
}

void ChecklistEditor::commit(Field field) {
    const model::ChecklistTemplate* tmpl = shownTemplate();
    if (m_filling || m_item.empty() || !tmpl || !tmpl->item(m_item)) return;
    const model::ChecklistItem current = checklistItemOf(m_doc.project(), m_scope, m_item);
    model::ChecklistItem item = current;
    switch (field) {
    case Field::Status: {
        const int i = m_status->GetSelection();
        if (i < 0 || i >= static_cast<int>(std::size(kStatuses))) return;
        item.status = kStatuses[i];
        break;
    }
    case Field::Evidence: item.evidence = toUtf8(m_evidence->GetValue()); break;
    case Field::Documents: item.documents = splitDocuments(toUtf8(m_documents->GetValue())); break;
    case Field::Owner: item.owner = toUtf8(m_owner->GetValue()); break;
    case Field::Due: {
        item.due = toUtf8(m_due->GetValue().Strip(wxString::both));
        if (!item.due.empty() && !model::isCalendarDate(item.due)) {
            showError(wxString::Format(_("Due date: \"%s\" is not a date. Write it as YYYY-MM-DD, e.g. 2026-03-31. Nothing was changed."),
                                       toWx(item.due)));
            return;
        }
        break;
    }
    }
    if (item == current) return;
    try {
        m_doc.execute(std::make_unique<model::SetChecklistItem>(m_scope, item));
        showError(wxString());
    } catch (const InvalidInput& e) {
        showError(wxString::Format(_("Refused (%s): %s. Nothing was changed."), toWx(e.where()), toWx(e.reason())));
    }
}

void ChecklistEditor::showError(const wxString& text) {
    if (m_error->GetLabel() == text) return;
    m_error->SetLabel(text);
    m_error->Wrap(std::max(FromDIP(200), m_error->GetSize().GetWidth()));
    Layout();
}

}  // namespace traza::gui
