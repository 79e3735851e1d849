#include "kind_glyph.h"

#include <wx/graphics.h>
#include <wx/brush.h>
#include <wx/image.h>

#include <memory>

namespace traza::gui {
namespace {

// Glyph shapes in a unit square; `u` maps unit coordinates to the target square.
struct Unit {
    double x, y, s;
    double X(double v) const { return x + v * s; }
    double Y(double v) const { return y + v * s; }
};

void arrow(wxGraphicsPath& p, const Unit& u, double x0, double x1, double y) {
    p.MoveToPoint(u.X(x0), u.Y(y));
    p.AddLineToPoint(u.X(x1), u.Y(y));
    const double head = x1 > x0 ? -0.16 : 0.16;
    p.MoveToPoint(u.X(x1 + head), u.Y(y - 0.12));
    p.AddLineToPoint(u.X(x1), u.Y(y));
    p.AddLineToPoint(u.X(x1 + head), u.Y(y + 0.12));
}

}  // namespace

void drawKindGlyph(wxGraphicsContext& gc, model::ActorKind kind, double x, double y, double size, const wxColour& c) {
    const Unit u{x, y, size};
    wxGraphicsPath fill = gc.CreatePath();
    wxGraphicsPath stroke = gc.CreatePath();
    using K = model::ActorKind;
    switch (kind) {
    case K::WastePicker:  // a person carrying a sack
        fill.AddCircle(u.X(0.42), u.Y(0.22), 0.14 * size);
        fill.AddRoundedRectangle(u.X(0.22), u.Y(0.42), 0.40 * size, 0.50 * size, 0.14 * size);
        fill.AddCircle(u.X(0.76), u.Y(0.62), 0.16 * size);
        break;
    case K::PickerOrganisation:  // a sorting station: roof and walls
        fill.MoveToPoint(u.X(0.06), u.Y(0.46));
        fill.AddLineToPoint(u.X(0.5), u.Y(0.10));
        fill.AddLineToPoint(u.X(0.94), u.Y(0.46));
        fill.CloseSubpath();
        fill.AddRectangle(u.X(0.16), u.Y(0.46), 0.68 * size, 0.44 * size);
        break;
    case K::Intermediary:  // goods going both ways
        arrow(stroke, u, 0.10, 0.90, 0.34);
        arrow(stroke, u, 0.90, 0.10, 0.68);
        break;
    case K::Exporter:  // a container ship
        fill.MoveToPoint(u.X(0.04), u.Y(0.58));
        fill.AddLineToPoint(u.X(0.96), u.Y(0.58));
        fill.AddLineToPoint(u.X(0.78), u.Y(0.86));
        fill.AddLineToPoint(u.X(0.22), u.Y(0.86));
        fill.CloseSubpath();
        fill.AddRectangle(u.X(0.20), u.Y(0.36), 0.26 * size, 0.18 * size);
        fill.AddRectangle(u.X(0.50), u.Y(0.36), 0.26 * size, 0.18 * size);
        fill.AddRectangle(u.X(0.34), u.Y(0.16), 0.26 * size, 0.17 * size);
        break;
    case K::Refiner:  // a furnace with a chimney and a flame
        fill.AddRectangle(u.X(0.08), u.Y(0.50), 0.84 * size, 0.42 * size);
        fill.AddRectangle(u.X(0.62), u.Y(0.14), 0.16 * size, 0.38 * size);
        fill.MoveToPoint(u.X(0.30), u.Y(0.50));
        fill.AddQuadCurveToPoint(u.X(0.18), u.Y(0.34), u.X(0.34), u.Y(0.18));
        fill.AddQuadCurveToPoint(u.X(0.46), u.Y(0.34), u.X(0.30), u.Y(0.50));
        break;
    case K::Manufacturer:  // a can
        fill.AddRoundedRectangle(u.X(0.26), u.Y(0.16), 0.48 * size, 0.76 * size, 0.10 * size);
        stroke.AddEllipse(u.X(0.26), u.Y(0.08), 0.48 * size, 0.16 * size);
        break;
    case K::Brand:  // a label tag
        fill.MoveToPoint(u.X(0.06), u.Y(0.28));
        fill.AddLineToPoint(u.X(0.62), u.Y(0.28));
        fill.AddLineToPoint(u.X(0.94), u.Y(0.55));
        fill.AddLineToPoint(u.X(0.62), u.Y(0.82));
        fill.AddLineToPoint(u.X(0.06), u.Y(0.82));
        fill.CloseSubpath();
        break;
    case K::Other:
        stroke.MoveToPoint(u.X(0.5), u.Y(0.08));
        stroke.AddLineToPoint(u.X(0.92), u.Y(0.5));
        stroke.AddLineToPoint(u.X(0.5), u.Y(0.92));
        stroke.AddLineToPoint(u.X(0.08), u.Y(0.5));
        stroke.CloseSubpath();
        fill.AddCircle(u.X(0.5), u.Y(0.5), 0.10 * size);
        break;
    }
    gc.SetBrush(gc.CreateBrush(wxBrush(c)));
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.FillPath(fill, wxWINDING_RULE);
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(c).Width(0.12 * size).Cap(wxCAP_ROUND).Join(wxJOIN_ROUND)));
    gc.StrokePath(stroke);
}

wxBitmap kindBitmap(model::ActorKind kind, int px) {
    wxImage img(px, px);
    img.InitAlpha();
    unsigned char* alpha = img.GetAlpha();
    std::fill(alpha, alpha + px * px, 0);
    {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(img));
        if (gc) {
            gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
            drawKindGlyph(*gc, kind, 1, 1, px - 2, wxColour(0x37, 0x47, 0x4f));
        }
    }  // the context writes into the image when destroyed
    return wxBitmap(img);
}

}  // namespace traza::gui
