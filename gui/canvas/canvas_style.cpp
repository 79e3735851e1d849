#include "canvas_style.h"

namespace traza::gui::style {

wxColour riskFill(const std::string& level) {
    if (level == "low") return {0xcf, 0xeb, 0xc8};
    if (level == "medium") return {0xfb, 0xe8, 0xa6};
    if (level == "high") return {0xf8, 0xc3, 0x8f};
    if (level == "critical") return {0xf0, 0x9d, 0x9d};
    return {0xe4, 0xe6, 0xe8};
}

wxColour evidenceColour(model::Evidence e) {
    switch (e) {
    case model::Evidence::None: return {0xb3, 0x3a, 0x2e};
    case model::Evidence::SelfDeclared: return {0xc2, 0x76, 0x1f};
    case model::Evidence::Reported: return {0x8a, 0x7a, 0x2a};
    case model::Evidence::Documented: return {0x3d, 0x6a, 0x9a};
    case model::Evidence::Verified: return {0x2e, 0x7d, 0x32};
    }
    return {0x60, 0x60, 0x60};
}

wxPenStyle evidenceDash(model::Evidence e) {
    switch (e) {
    case model::Evidence::None: return wxPENSTYLE_LONG_DASH;
    case model::Evidence::SelfDeclared: return wxPENSTYLE_DOT;
    case model::Evidence::Reported: return wxPENSTYLE_SHORT_DASH;
    case model::Evidence::Documented: return wxPENSTYLE_SOLID;
    case model::Evidence::Verified: return wxPENSTYLE_SOLID;
    }
    return wxPENSTYLE_SOLID;
}

}  // namespace traza::gui::style
