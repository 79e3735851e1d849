#pragma once
// The property set of a flow: every field of model::Flow, "from" and "to" as
// choices of actors (a plain id field for chains above kMaxActorChoices), and
// back from a changed property to an updated Flow (for UpdateFlow). The
// typology's help is the catalogue's explanation of the chosen typology.
#include <wx/arrstr.h>

#include <string>
#include <vector>

#include "project.h"

class wxPropertyGrid;
class wxVariant;
class wxString;

namespace traza::gui {

class FlowProperties {
public:
    static constexpr std::size_t kMaxActorChoices = 1000;

    explicit FlowProperties(const model::Project&);
    void append(wxPropertyGrid&) const;
    void show(wxPropertyGrid&, const model::Flow&) const;
    model::Flow with(model::Flow f, const wxString& name, const wxVariant& value) const;

private:
    int actorIndex(const std::string& id) const;
    const model::Catalogue* m_catalogue;  ///< the project's copy; outlives this (rebuilt on replace)
    const model::Project* m_project;      ///< the document's (claims check the sender)
    bool m_actorChoices = true;
    wxArrayString m_actorLabels;
    std::vector<std::string> m_actorIds;
    wxArrayString m_docLabels;
    std::vector<std::string> m_docIds;
    wxArrayString m_typologyLabels;  ///< "(none)" first
    std::vector<std::string> m_typologyIds;
};

}  // namespace traza::gui
