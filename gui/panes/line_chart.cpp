#include "line_chart.h"

#include <wx/graphics.h>
#include <wx/pen.h>
#include <wx/arrstr.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>

#include "labels.h"

namespace traza::gui {

wxColour chartColour(std::size_t i) {
    static const unsigned long rgb[] = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F};
    const unsigned long c = rgb[i % (sizeof rgb / sizeof rgb[0])];
    return wxColour((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
}

namespace {

// A round step giving about `wanted` ticks up to `top`.
double niceStep(double top, int wanted) {
    const double raw = top / wanted;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) return m * mag;
    return 10 * mag;
}

}  // namespace

std::vector<wxString> wrapText(wxGraphicsContext& gc, const wxString& text, double width) {
    std::vector<wxString> lines;
    wxString line;
    for (const wxString& word : wxSplit(text, ' ', 0)) {
        const wxString candidate = line.empty() ? word : line + " " + word;
        wxDouble w = 0, h = 0;
        gc.GetTextExtent(candidate, &w, &h);
        if (w > width && !line.empty()) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

double drawWrapped(wxGraphicsContext& gc, const wxString& text, double x, double y, double width) {
    wxDouble w = 0, h = 0;
    gc.GetTextExtent("Ag", &w, &h);
    for (const wxString& line : wrapText(gc, text, width)) {
        gc.DrawText(line, x, y);
        y += h;
    }
    return y;
}

wxString yTickLabel(const LineChart& chart, double value) {
    return chart.shares ? formatShare(value, 0) : formatTonnes(value, 2);
}

std::size_t drawLineChart(wxGraphicsContext& gc, const wxRect& area, const LineChart& chart) {
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    gc.SetFont(font, *wxBLACK);
    wxDouble tw = 0, th = 0;
    gc.GetTextExtent("0", &tw, &th);
    const double legendW = std::min(area.width * 0.35, 260.0);
    // The title wraps in a narrow pane rather than being cut at its edge.
    const double titleBottom = drawWrapped(gc, chart.title, area.x + 4, area.y + 2, area.width - 8);
    const double left = area.x + 7 * tw + 8, top = titleBottom + th * 0.8;
    const double right = area.x + area.width - legendW - 10, bottom = area.y + area.height - th * 1.8;
    if (right - left < 40 || bottom - top < 40 || chart.categories.empty()) return 0;

    double yMax = chart.shares ? 1.0 : 0.0;
    if (!chart.shares)
        for (const ChartLine& l : chart.lines)
            for (double v : l.values) yMax = std::max(yMax, v);
    if (yMax <= 0) yMax = 1;
    const double step = chart.shares ? 0.25 : niceStep(yMax, 5);
    yMax = std::ceil(yMax / step - 1e-9) * step;
    const std::size_t n = chart.categories.size();
    auto x = [&](std::size_t i) { return n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1); };
    auto y = [&](double v) { return bottom - (bottom - top) * v / yMax; };

    // Grid and y ticks.
    gc.SetPen(wxPen(wxColour(220, 220, 220)));
    for (double v = 0; v <= yMax + 1e-9; v += step) {
        gc.StrokeLine(left, y(v), right, y(v));
        const wxString label = yTickLabel(chart, v);
        wxDouble w = 0, h = 0;
        gc.GetTextExtent(label, &w, &h);
        gc.DrawText(label, left - w - 4, y(v) - h / 2);
    }
    gc.SetPen(wxPen(wxColour(90, 90, 90)));
    gc.StrokeLine(left, bottom, right, bottom);
    gc.StrokeLine(left, top, left, bottom);
    // x labels, thinned so they do not overlap.
    wxDouble kw = 0, kh = 0;
    gc.GetTextExtent(chart.categories.front() + "  ", &kw, &kh);
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(kw * n / (right - left + kw))));
    for (std::size_t i = 0; i < n; i += every) gc.DrawText(chart.categories[i], x(i) - kw / 2 + tw, bottom + 3);

    std::size_t points = 0;
    for (std::size_t k = 0; k < chart.lines.size(); ++k) {
        const ChartLine& l = chart.lines[k];
        // Shares often coincide (100 % at three levels): earlier lines are drawn
        // wider, so each stays visible under the ones drawn over it.
        const int width = l.dashed ? 1 : chart.shares ? 2 + 3 * static_cast<int>(chart.lines.size() - 1 - k) : 2;
        wxPen pen(l.colour, width, l.dashed ? wxPENSTYLE_SHORT_DASH : wxPENSTYLE_SOLID);
        gc.SetPen(pen);
        wxGraphicsPath path = gc.CreatePath();
        for (std::size_t i = 0; i < l.values.size() && i < n; ++i) {
            if (i == 0) path.MoveToPoint(x(i), y(l.values[i]));
            else path.AddLineToPoint(x(i), y(l.values[i]));
            ++points;
        }
        gc.StrokePath(path);
        // Legend entry.
        const double ly = top + k * (th + 4);
        if (ly + th > bottom + th) continue;
        gc.StrokeLine(right + 12, ly + th / 2, right + 32, ly + th / 2);
        gc.DrawText(l.label, right + 38, ly);
    }
    return points;
}

}  // namespace traza::gui
