#pragma once
// What a user types as the uncertainty (standard deviation) of a figure in the
// Properties pane: tonnes ("2.5", "± 2.5 t") or a percentage of the figure
// ("5%", "+/- 5 %"). The model stores tonnes (Flow::sdT, Actor::stockChangeSdT,
// Actor::lossSdT); a percentage is converted once, when typed, so the stored sd
// does not follow later edits of the figure. Wx-free: the property sets
// translate the problems into messages.
#include <string_view>

namespace traza::gui {

enum class UncertaintyProblem {
    None,
    NotANumber,     ///< nothing readable as a number
    Negative,       ///< a standard deviation is at least 0
    PercentOfZero,  ///< "5%" of a figure of 0 t says nothing: type tonnes
};

struct UncertaintyEntry {
    double sdT = 0;         ///< the standard deviation in tonnes (when problem is None)
    bool percent = false;   ///< typed as a percentage of the figure
    UncertaintyProblem problem = UncertaintyProblem::None;
};

/// Reads `typed` as the uncertainty of `figureT` (tonnes; its sign is ignored,
/// a stock change may be negative). Empty text is 0 (exact). A decimal comma
/// is read as a decimal point when the text has no point.
UncertaintyEntry parseUncertainty(std::string_view typed, double figureT);

/// `sdT` as a percentage of |figureT|; NaN when the figure is 0.
double uncertaintyPercent(double sdT, double figureT);

}  // namespace traza::gui
