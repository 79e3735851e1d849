#include "palette.h"

#include <wx/artprov.h>

#include "command_ids.h"
#include "kind_glyph.h"
#include "labels.h"

namespace traza::gui {

wxAuiToolBar* createPalette(wxWindow* parent) {
    auto* bar = new wxAuiToolBar(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxAUI_TB_DEFAULT_STYLE | wxAUI_TB_TEXT | wxAUI_TB_HORZ_LAYOUT | wxAUI_TB_PLAIN_BACKGROUND);
    bar->SetName("palette");
    const int px = parent->FromDIP(20);
    for (int k = 0; k <= static_cast<int>(model::ActorKind::Other); ++k) {
        const auto kind = static_cast<model::ActorKind>(k);
        bar->AddTool(ids::AddActorFirst + k, kindLabel(kind), kindBitmap(kind, px), wxString::Format(_("Add %s"), kindLabel(kind).Lower()));
    }
    bar->AddSeparator();
    bar->AddTool(ids::LayoutChain, _("Layout"), wxArtProvider::GetBitmap(wxART_GO_FORWARD, wxART_TOOLBAR, wxSize(px, px)),
                 _("Arrange the chain in stage columns"));
    bar->AddTool(ids::FitWindow, _("Fit"), wxArtProvider::GetBitmap(wxART_FULL_SCREEN, wxART_TOOLBAR, wxSize(px, px)),
                 _("Fit the chain to the window"));
    bar->Realize();
    return bar;
}

}  // namespace traza::gui
