#pragma once
// The property set of an actor: every field of model::Actor as a property,
// and back from a changed property to an updated Actor (for UpdateActor).
// The risk factors' help explains each chosen factor from the catalogue.
#include <wx/arrstr.h>

#include <string>
#include <vector>

#include "claim_fields.h"
#include "project.h"

class wxPropertyGrid;
class wxVariant;
class wxString;

namespace traza::gui {

class ActorProperties {
public:
    explicit ActorProperties(const model::Project&);
    void append(wxPropertyGrid&) const;
    void show(wxPropertyGrid&, const model::Actor&) const;
    /// `a` with the property `name` set to `value` (unchanged for an unknown name).
    model::Actor with(model::Actor a, const wxString& name, const wxVariant& value) const;

private:
    const model::Catalogue* m_catalogue;  ///< the project's copy; outlives this (rebuilt on replace)
    claim_fields::ActorClaims m_claims;
    wxArrayString m_riskLabels;
    std::vector<std::string> m_riskIds;
};

}  // namespace traza::gui
