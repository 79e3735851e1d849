#include "property_panel.h"

#include <wx/propgrid/manager.h>
#include <wx/propgrid/propgrid.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "actor_properties.h"
#include "claim_fields.h"
#include "assessment_properties.h"
#include "chain_commands.h"
#include "document_commands.h"
#include "edit_label.h"
#include "error.h"
#include "error_dialog.h"
#include "flow_properties.h"
#include "labels.h"
#include "property_fields.h"

namespace traza::gui {

PropertyPanel::PropertyPanel(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(480, 600)), m_doc(doc), m_selection(sel) {
    SetName("property-panel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_heading = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    m_heading->SetFont(m_heading->GetFont().Bold());
    sizer->Add(m_heading, 0, wxEXPAND | wxALL, FromDIP(5));
    // The help box under the grid (wxPG_DESCRIPTION) comes after a first resize:
    // with it from the start, wx 3.2 lays the box out at the width it has before
    // knowing any (-12345) and GTK warns at every start.
    m_manager = new wxPropertyGridManager(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(460, 500)),
                                          wxPG_TOOLTIPS);
    m_manager->SendSizeEvent();  // now it knows its width
    m_manager->SetWindowStyleFlag(m_manager->GetWindowStyleFlag() | wxPG_DESCRIPTION);
    m_manager->SetDescBoxHeight(FromDIP(86));
    m_manager->SetName("property-grid");
    m_manager->AddPage();
    m_manager->GetGrid()->SetName("property-grid-inner");
    sizer->Add(m_manager, 1, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName("property-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    sizer->Add(m_error, 0, wxEXPAND | wxALL, FromDIP(5));
    SetSizer(sizer);

    m_manager->Bind(wxEVT_PG_CHANGING, &PropertyPanel::onChanging, this);
    grid()->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fitLabelColumn(); });  // after the grid has laid itself out
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Replaced) m_built = false;
        if (c != DocumentChange::Saved) scheduleRefresh();
    });
    m_selSlot = m_selection.changed.connect([this] { scheduleRefresh(); });
    refresh();
}

PropertyPanel::~PropertyPanel() {
    m_doc.changed.disconnect(m_docSlot);
    m_selection.changed.disconnect(m_selSlot);
}

wxPropertyGrid* PropertyPanel::grid() const { return m_manager->GetGrid(); }
wxString PropertyPanel::errorText() const { return m_error->GetLabel(); }

// Changes arrive while the grid is inside its own event handler; rebuilding it
// there would delete the property being edited, so refreshes wait for idle time.
void PropertyPanel::scheduleRefresh() {
    if (m_refreshPending) return;
    m_refreshPending = true;
    CallAfter([this] {
        if (m_refreshPending) refresh();
    });
}

void PropertyPanel::refresh() {
    m_refreshPending = false;
    const model::Project& p = m_doc.project();
    Subject subject = Subject::Assessment;
    std::string id;
    if (auto primary = m_selection.primary()) {
        if (primary->kind == ItemKind::Actor && p.findActor(primary->id)) subject = Subject::Actor;
        else if (primary->kind == ItemKind::Flow && p.findFlow(primary->id)) subject = Subject::Flow;
        if (subject != Subject::Assessment) id = primary->id;
    }
    // Flow choices list the actors: rebuild when the actors may have changed.
    const bool actorsChanged = subject == Subject::Flow && p.actors.size() != m_actorCountForFlowProps;
    if (!m_built || subject != m_subject || id != m_id || actorsChanged) rebuild(subject, id);
    else showValues();
}

void PropertyPanel::rebuild(Subject subject, const std::string& id) {
    m_subject = subject;
    m_id = id;
    m_built = true;
    wxPropertyGrid* g = grid();
    g->Freeze();
    g->Clear();
    const model::Project& p = m_doc.project();
    switch (subject) {
    case Subject::Actor:
        m_actorProps = std::make_unique<ActorProperties>(p);
        m_actorProps->append(*g);
        break;
    case Subject::Flow:
        m_flowProps = std::make_unique<FlowProperties>(p);
        m_actorCountForFlowProps = p.actors.size();
        m_flowProps->append(*g);
        break;
    case Subject::Assessment: assessment_properties::append(*g); break;
    }
    showValues();
    g->Thaw();
    fitLabelColumn();
    clearError();
}

// Centred, the splitter cut long labels ("Certificación de cadena de custodia",
// issue #17): the label column takes what its longest label needs, but never
// more than kMaxLabelShare of the grid, so the values stay readable too.
void PropertyPanel::fitLabelColumn() {
    constexpr double kMinLabelShare = 0.35, kMaxLabelShare = 0.62;
    wxPropertyGrid* g = grid();
    const int width = g->GetClientSize().x;
    if (width <= 0 || g->GetRoot()->GetChildCount() == 0) return;
    g->SetSplitterLeft(true);  // wx measures every label with its indent and margins
    const int fit = g->GetSplitterPosition();
    const int wanted = std::clamp(fit, static_cast<int>(width * kMinLabelShare), static_cast<int>(width * kMaxLabelShare));
    if (wanted != fit) g->SetSplitterPosition(wanted);
}

void PropertyPanel::showValues() {
    const model::Project& p = m_doc.project();
    wxPropertyGrid* g = grid();
    const std::size_t selected = m_selection.actors().size() + m_selection.flows().size();
    const wxString more = selected > 1 ? " " + wxString::Format(_("(+%d more selected)"), static_cast<int>(selected - 1)) : wxString();
    if (m_subject == Subject::Actor) {
        if (const model::Actor* a = p.findActor(m_id)) {
            m_actorProps->show(*g, *a);
            m_heading->SetLabel(wxString::Format(_("Actor: %s"), toWx(a->name.empty() ? a->id : a->name)) + more);
        }
    } else if (m_subject == Subject::Flow) {
        if (const model::Flow* f = p.findFlow(m_id)) {
            m_flowProps->show(*g, *f);
            const model::Actor* from = p.findActor(f->from);
            const model::Actor* to = p.findActor(f->to);
            // Names first, the id after them for whoever needs to find it (issue #17).
            m_heading->SetLabel(wxString::Format(_("Flow: %s → %s [%s]"), toWx(from ? from->name : f->from), toWx(to ? to->name : f->to),
                                                 toWx(f->id)) + more);
        }
    } else {
        assessment_properties::show(*g, p.assessment);
        m_heading->SetLabel(_("Assessment (nothing selected)"));
    }
}

void PropertyPanel::focusProperty(const wxString& name) {
    CallAfter([this, name] {
        if (m_refreshPending) refresh();
        if (wxPGProperty* prop = grid()->GetPropertyByName(name)) {
            grid()->SelectProperty(prop, true);
            grid()->EnsureVisible(prop);
            // A selection made here sends no event, so the help box would stay
            // empty while the status bar has the hint (issue #17): show it too.
            m_manager->SetDescription(prop->GetLabel(), prop->GetHelpString());
        }
    });
}

void PropertyPanel::onChanging(wxPropertyGridEvent& e) {
    const wxString name = e.GetPropertyName();
    try {
        applyChange(name, e.GetValue());
        clearError();
    } catch (const InvalidInput& ex) {
        // Refuse: keep the user in the field with what they typed, say why.
        e.Veto();
        e.SetValidationFailureBehavior(wxPG_VFB_STAY_IN_PROPERTY | wxPG_VFB_MARK_CELL | wxPG_VFB_BEEP);
        const wxString where = ex.where().empty() ? name : fields::propertyNameFor(ex.where());
        showFieldError(where, toWx(ex.reason()));
    } catch (const std::exception& ex) {
        e.Veto();
        showError(this, ex);
    }
}

// An edit of one field says which, and of what: "tonnes of Organisation 1 → Exporter A"
// (the claim fields keep their own labels, "Edit claim yield").
std::unique_ptr<model::Command> PropertyPanel::labelled(const wxString& name, std::unique_ptr<model::Command> c) const {
    std::string label = claim_fields::commandLabelFor(name);
    if (label.empty()) {
        const wxPGProperty* prop = grid()->GetPropertyByName(name);
        const ItemRef item{m_subject == Subject::Flow ? ItemKind::Flow : ItemKind::Actor, m_id};
        label = fieldEditLabel(prop ? prop->GetLabel() : name, m_doc.project(), item);
    }
    auto named = std::make_unique<model::CompositeCommand>(label);
    named->add(std::move(c));
    return named;
}

void PropertyPanel::applyChange(const wxString& name, const wxVariant& value) {
    const model::Project& p = m_doc.project();
    switch (m_subject) {
    case Subject::Actor: {
        const model::Actor* current = p.findActor(m_id);
        if (!current) return;
        model::Actor next = m_actorProps->with(*current, name, value);
        const std::string oldId = m_id;
        m_doc.execute(labelled(name, std::make_unique<model::UpdateActor>(oldId, next)));
        if (next.id != oldId) {
            m_id = next.id;
            m_selection.rename({ItemKind::Actor, oldId}, next.id);
        }
        break;
    }
    case Subject::Flow: {
        const model::Flow* current = p.findFlow(m_id);
        if (!current) return;
        model::Flow next = m_flowProps->with(*current, name, value);
        const std::string oldId = m_id;
        m_doc.execute(labelled(name, std::make_unique<model::UpdateFlow>(oldId, next)));
        if (next.id != oldId) {
            m_id = next.id;
            m_selection.rename({ItemKind::Flow, oldId}, next.id);
        }
        break;
    }
    case Subject::Assessment:
        m_doc.execute(std::make_unique<model::SetAssessment>(assessment_properties::with(p.assessment, name, value)));
        break;
    }
}

void PropertyPanel::showFieldError(const wxString& property, const wxString& reason) {
    wxPGProperty* prop = grid()->GetPropertyByName(property);
    const wxString label = prop ? prop->GetLabel() : property;
    m_error->SetLabel(wxString::Format("%s: %s", label, reason));
    m_error->Wrap(GetClientSize().x - FromDIP(10));
    if (prop) grid()->SetPropertyHelpString(prop, reason);
    Layout();
}

void PropertyPanel::clearError() {
    if (m_error->GetLabel().empty()) return;
    m_error->SetLabel(wxString());
    Layout();
}

}  // namespace traza::gui
