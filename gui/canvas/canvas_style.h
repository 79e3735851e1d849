#pragma once
// Colours of the chain drawing: risk fills, evidence colours, selection and
// choke-point marks. One table, so the canvas, the legend and the toolbar agree.
#include <wx/colour.h>
#include <wx/pen.h>

#include <string>

#include "enums.h"

namespace traza::gui::style {

/// Box fill for a risk level; grey while the level is not known.
wxColour riskFill(const std::string& level);
/// Stroke of a flow by its evidence level (red for none ... green for verified).
wxColour evidenceColour(model::Evidence);
/// Dash of a flow by its evidence level, so the levels differ without colour too:
/// none long dashes, self-declared dots, reported short dashes, documented and verified solid.
wxPenStyle evidenceDash(model::Evidence);

inline const wxColour kText{0x21, 0x2b, 0x33};
inline const wxColour kSubtleText{0x5f, 0x6b, 0x75};
inline const wxColour kBorder{0x6d, 0x78, 0x82};
inline const wxColour kSelection{0x1e, 0x6f, 0xd9};
inline const wxColour kChoke{0x8e, 0x1b, 0x1b};
/// A flow whose figure the reconciliation finds implausible: halo and label.
inline const wxColour kImplausible{0xf0, 0x8c, 0x00};
inline const wxColour kImplausibleText{0x9a, 0x4a, 0x00};
inline const wxColour kImplausibleLabel{0xff, 0xec, 0xcc};
/// A flow of the document-next plan: halo and gain label.
inline const wxColour kPlan{0x6a, 0x3d, 0xc8};
inline const wxColour kPlanLabel{0xee, 0xe6, 0xff};
inline const wxColour kGlyph{0x37, 0x47, 0x4f};
inline const wxColour kBackground{0xfb, 0xfc, 0xfd};
inline const wxColour kBandA{0xf1, 0xf4, 0xf7};
inline const wxColour kBandB{0xe8, 0xed, 0xf2};

}  // namespace traza::gui::style
