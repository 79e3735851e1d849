#include "property_fields.h"

#include <wx/propgrid/propgrid.h>

#include <cmath>
#include <limits>

namespace traza::gui::fields {
namespace {
wxPGProperty* withHelp(wxPGProperty* p, const wxString& help) {
    p->SetHelpString(help);
    return p;
}

// wx shows the chosen items quoted ("Invoice" "Receipt"): here they read as a
// list, "Invoice; Receipt", and that is also what may be typed in the cell.
class ListChoiceProperty : public wxMultiChoiceProperty {
public:
    using wxMultiChoiceProperty::wxMultiChoiceProperty;
    wxString ValueToString(wxVariant& value, int) const override {
        wxString shown;
        for (const wxString& item : value.GetArrayString()) shown << (shown.empty() ? "" : "; ") << item;
        return shown;
    }
    bool StringToValue(wxVariant& variant, const wxString& text, int) const override {
        wxArrayString chosen;
        for (wxString part : wxSplit(text, ';', '\0')) {
            part.Trim().Trim(false);
            for (unsigned i = 0; i < m_choices.GetCount(); ++i)
                if (part.CmpNoCase(m_choices.GetLabel(i)) == 0 && chosen.Index(m_choices.GetLabel(i)) == wxNOT_FOUND)
                    chosen.push_back(m_choices.GetLabel(i));
        }
        if (chosen == variant.GetArrayString()) return false;
        variant = wxVariant(chosen);
        return true;
    }
};
}  // namespace

wxPGProperty* text(const wxString& label, const wxString& name, const wxString& help) {
    return withHelp(new wxStringProperty(label, name), help);
}

wxPGProperty* longText(const wxString& label, const wxString& name, const wxString& help) {
    return withHelp(new wxLongStringProperty(label, name), help);
}

wxPGProperty* integer(const wxString& label, const wxString& name, const wxString& help) {
    return withHelp(new wxIntProperty(label, name), help);
}

wxPGProperty* number(const wxString& label, const wxString& name, const wxString& help) {
    auto* p = new wxFloatProperty(label, name);
    p->SetAttribute(wxPG_FLOAT_PRECISION, -1);  // as many digits as the value needs
    return withHelp(p, help);
}

wxPGProperty* flag(const wxString& label, const wxString& name, const wxString& help) {
    auto* p = new wxBoolProperty(label, name);
    p->SetAttribute(wxPG_BOOL_USE_CHECKBOX, true);
    return withHelp(p, help);
}

wxPGProperty* choice(const wxString& label, const wxString& name, const wxArrayString& labels, const wxString& help) {
    return withHelp(new wxEnumProperty(label, name, labels), help);
}

wxPGProperty* multiChoice(const wxString& label, const wxString& name, const wxArrayString& labels, const wxString& help) {
    return withHelp(new ListChoiceProperty(label, name, labels, wxArrayString()), help);
}

std::string asString(const wxVariant& v) { return toUtf8(v.GetString()); }

int asInt(const wxVariant& v) {
    if (v.IsType("long")) return static_cast<int>(v.GetLong());
    long l = 0;
    return v.GetString().ToLong(&l) ? static_cast<int>(l) : 0;
}

double asDouble(const wxVariant& v) {
    if (v.IsType("double")) return v.GetDouble();
    if (v.IsType("long")) return static_cast<double>(v.GetLong());
    double d = std::numeric_limits<double>::quiet_NaN();  // refused by validation with a reason
    v.GetString().ToDouble(&d);
    return d;
}

bool asBool(const wxVariant& v) { return v.IsType("bool") ? v.GetBool() : v.GetString() == "1"; }

std::vector<std::string> chosenIds(const wxVariant& v, const wxArrayString& labels, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    const wxArrayString chosen = v.GetArrayString();
    for (std::size_t i = 0; i < labels.size() && i < ids.size(); ++i)
        if (chosen.Index(labels[i]) != wxNOT_FOUND) out.push_back(ids[i]);
    return out;
}

wxArrayString labelsOf(const std::vector<std::string>& chosen, const wxArrayString& labels, const std::vector<std::string>& ids) {
    wxArrayString out;
    for (std::size_t i = 0; i < labels.size() && i < ids.size(); ++i)
        if (std::find(chosen.begin(), chosen.end(), ids[i]) != chosen.end()) out.push_back(labels[i]);
    return out;
}

wxString propertyNameFor(const std::string& where) {
    std::string name = where.substr(0, where.find('['));
    if (name.rfind("assessment.", 0) == 0) name = name.substr(11);
    for (char& c : name)
        if (c == '.') c = '_';
    return toWx(name);
}

}  // namespace traza::gui::fields
