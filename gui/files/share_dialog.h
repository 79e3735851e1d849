#pragma once
// File > Share anonymised…: what to write (the report, chain JSON, the chain
// graph or map) and how much of the regions to keep. The copy itself is made by
// model::anonymise; this dialog only asks.
#include <wx/dialog.h>

#include "anonymise.h"

class wxChoice;
class wxRadioBox;

namespace traza::gui {

enum class ShareFormat { Report, ChainJson, GraphMl, Png, Svg };

class ShareDialog : public wxDialog {
public:
    explicit ShareDialog(wxWindow* parent);
    ShareFormat format() const;
    model::RegionLevel regions() const;
    /// ".xlsx", ".json", ... for the chosen format.
    static const char* extension(ShareFormat);

private:
    wxRadioBox* m_format;
    wxChoice* m_regions;
};

}  // namespace traza::gui
