#pragma once
// The right pane: a property grid for the primary selection (actor or flow) or,
// with nothing selected, the assessment. Each change becomes one UpdateActor /
// UpdateFlow / SetAssessment command. A change the command refuses
// (traza::InvalidInput) is vetoed: the cell is marked, the editor keeps the
// typed text, and the reason is shown in red under the grid and as the field's help.
#include <wx/panel.h>

#include <memory>
#include <optional>
#include <string>

#include "document.h"
#include "selection.h"

class wxPropertyGridManager;
class wxPropertyGrid;
class wxPropertyGridEvent;
class wxStaticText;

namespace traza::gui {

class ActorProperties;
class FlowProperties;

class PropertyPanel : public wxPanel {
public:
    PropertyPanel(wxWindow* parent, Document&, Selection&);
    ~PropertyPanel() override;

    wxPropertyGrid* grid() const;
    /// Select a property and open its editor (after a flow is created: "tonnes").
    void focusProperty(const wxString& name);
    /// The reason of the last refused change; empty after a successful one.
    wxString errorText() const;
    /// Bring the grid up to date now (normally deferred until after the event that changed things).
    void refresh();

private:
    enum class Subject { Assessment, Actor, Flow };
    void scheduleRefresh();
    void fitLabelColumn();
    void rebuild(Subject, const std::string& id);
    void showValues();
    void onChanging(wxPropertyGridEvent&);
    void applyChange(const wxString& name, const wxVariant& value);
    std::unique_ptr<model::Command> labelled(const wxString& name, std::unique_ptr<model::Command>) const;
    void showFieldError(const wxString& property, const wxString& reason);
    void clearError();

    Document& m_doc;
    Selection& m_selection;
    int m_docSlot = 0;
    int m_selSlot = 0;
    wxStaticText* m_heading = nullptr;
    wxPropertyGridManager* m_manager = nullptr;
    wxStaticText* m_error = nullptr;
    Subject m_subject = Subject::Assessment;
    std::string m_id;
    bool m_built = false;
    bool m_refreshPending = false;
    std::unique_ptr<ActorProperties> m_actorProps;
    std::unique_ptr<FlowProperties> m_flowProps;
    std::size_t m_actorCountForFlowProps = 0;
};

}  // namespace traza::gui
