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
#include "checklist_item_list.h"
#include "item_status_buttons.h"
#include "document_commands.h"
#include "error.h"
#include "labels.h"

namespace traza::gui {
namespace {

int percent(double fraction) { return static_cast<int>(std::lround(fraction * 100)); }
}  // namespace

ChecklistEditor::ChecklistEditor(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("checklist-editor");
    const int gap = FromDIP(4);
    // The bottom row is short (about 200 px at 1600×1000): one line for what is
    // shown and how far it is, then the steps, the items and the chosen item's form
    // side by side, so all six steps and every field show without scrolling.
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(new wxStaticText(this, wxID_ANY, _("Checklist of:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_scopeChoice = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, -1)));
    m_scopeChoice->SetName("checklist-scope");
    m_scopeChoice->SetToolTip(_("The assessment's own checklist, or one per supplier (✓: the supplier has a checklist)"));
    header->Add(m_scopeChoice, 0, wxRIGHT, 4 * gap);
    header->Add(new wxStaticText(this, wxID_ANY, _("Template:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_templateChoice = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, -1)));
    m_templateChoice->SetName("checklist-template");
    m_templateChoice->SetToolTip(_("The framework this checklist follows; items the new template lacks are dropped (Undo brings them back)"));
    header->Add(m_templateChoice, 0, wxRIGHT, 4 * gap);
    m_overall = new wxStaticText(this, wxID_ANY, wxString());
    m_overall->SetName("checklist-overall");
    m_overall->SetFont(m_overall->GetFont().Bold());
    header->Add(m_overall, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_overallGauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(160, 14)));
    header->Add(m_overallGauge, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(header, 0, wxEXPAND | wxALL, gap);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    m_stepsPanel = new wxPanel(this);
    m_stepsPanel->SetName("checklist-steps");
    body->Add(m_stepsPanel, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    m_list = new ChecklistItemList(this);
    body->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    // The form of the chosen item: its heading wrapped to the form's width,
    // the status as buttons beside its reference, the fields two to a row.
    m_form = new wxBoxSizer(wxVERTICAL);
    // No autoresize, a small minimum width: a long heading wraps instead of widening the form past the pane.
    m_itemTitle = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    m_itemTitle->SetMinSize(FromDIP(wxSize(120, -1)));
    m_itemTitle->SetName("checklist-item-title");
    m_itemTitle->SetFont(m_itemTitle->GetFont().Bold());
    m_form->Add(m_itemTitle, 0, wxEXPAND | wxBOTTOM, gap / 2);
    auto* statusRow = new wxBoxSizer(wxHORIZONTAL);
    m_status = new ItemStatusButtons(this);
    statusRow->Add(m_status, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    m_reference = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_reference->SetMinSize(FromDIP(wxSize(60, -1)));
    m_reference->SetName("checklist-reference");
    m_reference->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    statusRow->Add(m_reference, 1, wxALIGN_CENTER_VERTICAL);
    m_form->Add(statusRow, 0, wxEXPAND | wxBOTTOM, gap);
    auto* fieldGrid = new wxFlexGridSizer(4, gap, gap);
    fieldGrid->AddGrowableCol(1, 3);
    fieldGrid->AddGrowableCol(3, 2);
    auto label = [&](const wxString& text) {
        fieldGrid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    auto textField = [&](const char* name, const wxString& hint) {
        auto* t = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(60, -1)), wxTE_PROCESS_ENTER);
        t->SetName(name);
        if (!hint.empty()) t->SetHint(hint);
        return t;
    };
    label(_("Evidence"));
    m_evidence = textField("checklist-evidence", _("What shows the item is done"));
    fieldGrid->Add(m_evidence, 1, wxEXPAND);
    label(_("Owner"));
    m_owner = textField("checklist-owner", wxString());
    fieldGrid->Add(m_owner, 1, wxEXPAND);
    label(_("Documents"));
    m_documents = textField("checklist-documents", _("References, separated by ;"));
    fieldGrid->Add(m_documents, 1, wxEXPAND);
    label(_("Due date"));
    m_due = textField("checklist-due", "YYYY-MM-DD");
    fieldGrid->Add(m_due, 1, wxEXPAND);
    m_form->Add(fieldGrid, 0, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    m_error->SetMinSize(FromDIP(wxSize(120, -1)));
    m_error->SetName("checklist-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    m_form->Add(m_error, 1, wxEXPAND | wxTOP, gap);
    body->Add(m_form, 0, wxEXPAND | wxRIGHT, gap);  // as wide as its buttons need; the items take the rest
    top->Add(body, 1, wxEXPAND | wxBOTTOM, gap);
    SetSizer(top);
    // The heading and a message wrap to the form's width, which is known only once laid out.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { wrapTexts(); });
    });

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
    m_status->onChosen = [this](model::ItemStatus) { commit(Field::Status); };
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
wxString ChecklistEditor::errorText() const { return m_errorText; }

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
        auto* name = new wxStaticText(m_stepsPanel, wxID_ANY, localText(s.name), wxDefaultPosition, FromDIP(wxSize(250, -1)),
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
            m_list->InsertItem(m_list->GetItemCount(), itemHeading(t));
            m_itemIds.push_back(t.id);
        }
    }
    for (std::size_t i = 0; i < templates.size(); ++i) {
        const model::ChecklistItem item = checklistItemOf(p, m_scope, templates[i].id);
        m_list->setRow(static_cast<long>(i), itemHeading(templates[i]), itemStatusLabel(item.status), toWx(item.owner),
                       toWx(item.due), itemHeading(templates[i]) + "\n" + localText(templates[i].description));
    }
    m_list->fitColumns();
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
        m_itemTitleText.clear();
        m_itemTitle->SetLabel(wxString());
        m_reference->SetLabel(wxString());
        return;
    }
    m_filling = true;
    m_itemTitleText = itemHeading(*t);
    m_itemTitle->SetToolTip(localText(t->description));
    m_reference->SetLabel(toWx(t->reference));
    m_reference->SetToolTip(toWx(t->reference));
    wrapTexts();
    const model::ChecklistItem item = checklistItemOf(p, m_scope, m_item);
    m_status->show(item.status);
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
    case Field::Status: item.status = m_status->shown(); break;
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
    if (m_errorText == text) return;
    m_errorText = text;
    wrapTexts();
}

wxString ChecklistEditor::itemHeading(const model::ChecklistItemTemplate& t) const {
    return toWx(t.id) + "  " + localText(t.name) + (t.onTheGround ? " " + _("(on the ground)") : wxString());
}

// wxStaticText::Wrap breaks the label it is given: the texts are kept whole and
// wrapped again to the form's width whenever it changes.
void ChecklistEditor::wrapTexts() {
    if (IsBeingDeleted()) return;
    const int width = std::max(FromDIP(120), m_form->GetSize().x);
    m_itemTitle->SetLabel(m_itemTitleText);
    m_itemTitle->Wrap(width);
    m_itemTitle->InvalidateBestSize();  // its height: the lines it now has
    m_error->SetLabel(m_errorText);
    m_error->Wrap(width);
    m_error->InvalidateBestSize();
    Layout();
}

wxString ChecklistEditor::itemTitleText() const { return m_itemTitleText; }

}  // namespace traza::gui
