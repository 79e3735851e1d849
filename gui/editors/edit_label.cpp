#include "edit_label.h"

#include "labels.h"

namespace traza::gui {
namespace {
wxString actorName(const model::Project& p, const std::string& id) {
    const model::Actor* a = p.findActor(id);
    return toWx(a && !a->name.empty() ? a->name : id);
}
// The field in lower case inside the sentence, except a leading acronym ("ID").
wxString inSentence(const wxString& field) {
    wxString name = field;
    if (name.size() > 1 && !(wxIsupper(name[1]))) name = name.Left(1).Lower() + name.Mid(1);
    return name;
}
}  // namespace

std::string fieldEditLabel(const wxString& field, const model::Project& p, const ItemRef& item) {
    wxString what;
    if (item.kind == ItemKind::Actor) {
        what = actorName(p, item.id);
    } else if (const model::Flow* f = p.findFlow(item.id)) {
        what = wxString::Format("%s → %s", actorName(p, f->from), actorName(p, f->to));
    } else {
        what = toWx(item.id);
    }
    return toUtf8(wxString::Format(_("%s of %s"), inSentence(field), what));
}

std::string recordEditLabel(const wxString& field, const std::string& recordId) {
    return toUtf8(wxString::Format(_("%s of record %s"), inSentence(field), toWx(recordId)));
}

}  // namespace traza::gui
