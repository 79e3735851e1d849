#pragma once
// The claim fields of the Properties pane (issue #20): for an actor, whether it
// makes claims (by its kind, yes or no), its yield and its claim profile (from
// the catalogue's claim profiles); for a flow, the tonnes claimed on it. A value
// that cannot be is refused here, with the reason in the interface language,
// before any command runs; each accepted change is one undo step with its own
// label ("Edit claim yield").
#include <wx/arrstr.h>

#include <string>
#include <vector>

#include "project.h"

class wxPropertyGrid;
class wxVariant;
class wxString;

namespace traza::gui::claim_fields {

/// The undo label of a change to the property `name` ("Edit claim yield"),
/// English as the model's labels are (commandLabel() translates it); empty for
/// a property that is no claim field.
std::string commandLabelFor(const wxString& name);

class ActorClaims {
public:
    explicit ActorClaims(const model::Project&);
    void append(wxPropertyGrid&) const;
    void show(wxPropertyGrid&, const model::Actor&) const;
    /// True when `name` is one of these fields; then `a` has the new value.
    /// Throws traza::InvalidInput (where = the property) for a value that cannot be.
    bool apply(model::Actor& a, const wxString& name, const wxVariant& value) const;

private:
    const model::Project* m_project;  ///< the document's; outlives this (rebuilt on replace)
    wxArrayString m_profileLabels;
    std::vector<std::string> m_profileIds;  ///< "" first: no profile named
};

void appendFlow(wxPropertyGrid&);
void showFlow(wxPropertyGrid&, const model::Flow&);
/// As ActorClaims::apply, for a flow's claimed tonnes.
bool applyFlow(model::Flow& f, const wxString& name, const wxVariant& value, const model::Project&);

}  // namespace traza::gui::claim_fields
