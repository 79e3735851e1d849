#pragma once
// A small line chart drawn with wxGraphicsContext (the Progress pane, issue
// #19): categories along x, one polyline per line, y from 0 to the largest
// value (or 1 for shares), a legend on the right. Draws only; no model.
#include <wx/colour.h>
#include <wx/gdicmn.h>
#include <wx/string.h>

#include <vector>

class wxGraphicsContext;

namespace traza::gui {

struct ChartLine {
    wxString label;
    std::vector<double> values;  ///< one per category
    wxColour colour;
    bool dashed = false;
};

struct LineChart {
    wxString title;
    std::vector<wxString> categories;
    std::vector<ChartLine> lines;
    bool shares = false;  ///< y from 0 to 100 %, ticks as percentages
};

/// Draws `chart` inside `area`; returns the number of points plotted.
std::size_t drawLineChart(wxGraphicsContext&, const wxRect& area, const LineChart&);

/// `text` broken at spaces into lines no wider than `width` (a word longer than
/// the width keeps a line of its own).
std::vector<wxString> wrapText(wxGraphicsContext&, const wxString& text, double width);
/// Draws `text` wrapped to `width` from (x, y) down; returns the y below its last line.
double drawWrapped(wxGraphicsContext&, const wxString& text, double x, double y, double width);

/// A y tick as the reader's language writes it: "75 %" for shares, "1.250 t"
/// (Spanish) or "1,250 t" (English) for tonnes.
wxString yTickLabel(const LineChart&, double value);

/// The i-th colour of the charts' palette (distinct, readable on white).
wxColour chartColour(std::size_t i);

}  // namespace traza::gui
