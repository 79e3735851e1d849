// Reading the map (issue #17): the stage headers stay at the top of the window
// when their bands scroll away, and a key in the corner shows each evidence
// level's colour and dash. Checked on the painter's own account of what it drew
// and on the pixels of a screenshot.
#include <catch2/catch.hpp>
#include <wx/image.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis_runner.h"
#include "canvas_painter.h"
#include "canvas_style.h"
#include "catalogue.h"
#include "chain_canvas.h"
#include "checklist_editor.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "main_frame.h"
#include "overview_map.h"
#include "project_store.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
namespace fs = std::filesystem;

namespace {

void repaint(ChainCanvas& canvas) {
    canvas.Refresh();
    canvas.Update();
    pump(200);
}

// Pixels of row `y` between x0 and x1 within `tolerance` of `colour` (each channel).
int pixelsNear(const wxImage& image, int y, int x0, int x1, const wxColour& colour, int tolerance = 45) {
    int n = 0;
    for (int x = x0; x <= x1; ++x)
        for (int dy = -1; dy <= 1; ++dy) {
            const int r = image.GetRed(x, y + dy), g = image.GetGreen(x, y + dy), b = image.GetBlue(x, y + dy);
            if (std::abs(r - colour.Red()) <= tolerance && std::abs(g - colour.Green()) <= tolerance &&
                std::abs(b - colour.Blue()) <= tolerance) {
                ++n;
                break;
            }
        }
    return n;
}

}  // namespace

TEST_CASE("Canvas - stage headers stay pinned at the top when their bands scroll away, and a key shows each evidence level", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    canvas.fitToWindow();
    repaint(canvas);
    CHECK(canvas.lastPaintStats().headersDrawn == 5);
    CHECK(canvas.lastPaintStats().headersSticky == 0);

    // Zoomed in on the lowest picker group: the bands' tops are far above the window.
    canvas.zoomBy(2.5);
    canvas.centreOn("pickers-org2");
    repaint(canvas);
    const PaintStats zoomed = canvas.lastPaintStats();
    CHECK(canvas.view().toScreen({0, canvas.scene().bounds().y - 56}).y < 0);
    CHECK(zoomed.headersDrawn >= 1);
    CHECK(zoomed.headersSticky == zoomed.headersDrawn);

    // The key: one sample stroke per level, in that level's colour.
    canvas.fitToWindow();
    repaint(canvas);
    const auto legend = canvas.lastPaintStats().legend;
    REQUIRE(legend);
    const wxSize client = canvas.GetClientSize();
    CHECK(legend->x >= 0);
    CHECK(legend->bottom() <= client.y);
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) / "canvas-legend.png";
    fs::remove(png);
    REQUIRE(screenshot(wxRect(canvas.GetScreenPosition(), client), png));
    wxImage image;
    REQUIRE(image.LoadFile(png.string(), wxBITMAP_TYPE_PNG));
    for (int k = 0; k <= static_cast<int>(model::Evidence::Verified); ++k) {
        const auto level = static_cast<model::Evidence>(k);
        const int y = static_cast<int>(legend->y + 8 + 18 * (k + 1) + 9);
        const int x0 = static_cast<int>(legend->x + 8);
        CAPTURE(k);
        CHECK(pixelsNear(image, y, x0, x0 + 34, style::evidenceColour(level)) >= 8);
        // The other levels' colours are not what this row shows.
        if (level == model::Evidence::Documented)
            CHECK(pixelsNear(image, y, x0, x0 + 34, style::evidenceColour(model::Evidence::Verified), 20) == 0);
    }
    CHECK(fx.errors.empty());
}

TEST_CASE("Canvas - the overview shows once the chain is not all in view, and a click on it centres the view there", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    canvas.fitToWindow();
    repaint(canvas);
    CHECK_FALSE(canvas.lastPaintStats().overview);  // all of it is in view

    canvas.zoomBy(3);
    canvas.centreOn("pickers-org1");
    repaint(canvas);
    REQUIRE(canvas.lastPaintStats().overview);
    const wxSize size = canvas.GetClientSize();
    const auto map = OverviewMap::place(canvas.scene().bounds(), canvas.view(), size.x, size.y);
    REQUIRE(map);
    auto inWindow = [&](const std::string& id) {
        const auto c = canvas.actorCentreOnScreen(id);
        return c && wxRect(wxPoint(0, 0), size).Contains(*c);
    };
    REQUIRE_FALSE(inWindow("ref"));  // the refiner is off screen

    // A click on the refiner's spot of the map: the view centres on the world point that pixel stands for.
    const Point target = map->toMap(canvas.scene().nodes()[*canvas.scene().nodeOfActor("ref")].box.centre());
    const wxPoint pixel(static_cast<int>(std::lround(target.x)), static_cast<int>(std::lround(target.y)));
    UiDriver ui;
    ui.click(canvas.ClientToScreen(pixel));
    pump(300);
    const Point expected = map->toWorld({double(pixel.x), double(pixel.y)});
    const Point middle = canvas.view().toWorld({size.x / 2.0, size.y / 2.0});
    CHECK(middle.x == Approx(expected.x).margin(1e-6));
    CHECK(middle.y == Approx(expected.y).margin(1e-6));
    CHECK(inWindow("ref"));
    CHECK(f->selection().empty());  // a click on the map selects nothing
    repaint(canvas);
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) / "canvas-overview.png";
    fs::remove(png);
    REQUIRE(screenshot(wxRect(canvas.GetScreenPosition(), size), png));
    CHECK(fx.errors.empty());
}

TEST_CASE("Canvas - Fit on a national chain shows every stage at a readable scale from the top, with the overview for the whole", "[gui]") {
    TempDir dir;
    const fs::path file = dir / "tall.traza";
    model::ProjectStore::save(nationalChain(30, 4), file);  // 150 first-mile actors: columns far taller than wide
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(file));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }, 60000));
    ChainCanvas* canvas = f->canvas();
    canvas->zoomBy(3);  // somewhere else first
    pump(100);

    fx.menu(ids::FitWindow);
    pump(200);
    const ViewTransform readable = canvas->view();
    CHECK(readable.scale() >= kReadableScale);
    CHECK_FALSE(canvas->wholeChainInView());  // the whole chain would be unreadable here
    // Every stage across the window: the drawing's left and right edges are in view.
    const Rect bounds = canvas->scene().bounds();
    const wxSize size = canvas->GetClientSize();
    CHECK(readable.toScreen({bounds.x, bounds.y}).x >= 0);
    CHECK(readable.toScreen({bounds.right(), bounds.y}).x <= size.x);
    // From the top: the first boxes and their stage headers are in view.
    CHECK(readable.toScreen({bounds.x, bounds.y}).y >= 0);
    CHECK(readable.toScreen({bounds.x, bounds.y}).y < size.y / 4);

    // The overview shows the whole chain and the view's place in it.
    canvas->Refresh();
    canvas->Update();
    pump(200);
    CHECK(canvas->lastPaintStats().overview);
    fx.menu(ids::FitWindow);  // again: the same view
    pump(200);
    CHECK(canvas->view().scale() == Approx(readable.scale()));
    CHECK(canvas->view().origin().y == Approx(readable.origin().y));
    CHECK(fx.errors.empty());
}

// Issue #17: the key in the bottom-left corner covered the CARE sample's
// waste-picker boxes. The key's rectangle, as painted, against every box's
// rectangle in window pixels: after opening the sample, after Fit from
// elsewhere, and in the window's language (the Spanish labels are wider).
TEST_CASE("Canvas - the evidence key covers no box after opening the CARE sample and after Fit", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    if (spanishRun()) REQUIRE(_("Evidence of the flows") != "Evidence of the flows");
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    auto boxesUnderKey = [&] {
        repaint(canvas);
        const auto key = canvas.lastPaintStats().legend;
        REQUIRE(key);
        const wxSize client = canvas.GetClientSize();
        CHECK(key->x >= 0);
        CHECK(key->right() <= client.x);
        CHECK(key->bottom() <= client.y);
        std::vector<std::string> covered;
        for (const SceneNode& n : canvas.scene().nodes()) {
            const Point a = canvas.view().toScreen({n.box.x, n.box.y}), b = canvas.view().toScreen({n.box.right(), n.box.bottom()});
            if (Rect::spanning(a, b).intersects(*key)) covered.push_back(n.id);
        }
        return covered;
    };
    CHECK(boxesUnderKey() == std::vector<std::string>{});  // the first view
    // Every box is still in the window: the key did not push the chain out of sight.
    CHECK(canvas.wholeChainInView());

    canvas.zoomBy(2.5);
    canvas.centreOn("pickers-org2");
    fx.menu(ids::FitWindow);
    pump(200);
    CHECK(boxesUnderKey() == std::vector<std::string>{});
    CHECK(canvas.wholeChainInView());

    // With the due-diligence pane open the canvas is wide and low: the chain
    // fitted whole reached down into the key's corner.
    f->showDueDiligence(f->checklistEditor());
    pump(300);
    fx.menu(ids::FitWindow);
    pump(200);
    CHECK(boxesUnderKey() == std::vector<std::string>{});
    CHECK(canvas.wholeChainInView());
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) /
                         (spanishRun() ? "canvas-key-es.png" : "canvas-key.png");
    fs::remove(png);
    REQUIRE(screenshot(wxRect(canvas.GetScreenPosition(), canvas.GetClientSize()), png));
    CHECK(fx.errors.empty());
}

namespace {
// The ids of the boxes the painted evidence key covers (window pixels).
std::vector<std::string> boxesUnderTheKey(ChainCanvas& canvas) {
    repaint(canvas);
    const auto key = canvas.lastPaintStats().legend;
    REQUIRE(key);
    std::vector<std::string> covered;
    for (const SceneNode& n : canvas.scene().nodes()) {
        const Point a = canvas.view().toScreen({n.box.x, n.box.y}), b = canvas.view().toScreen({n.box.right(), n.box.bottom()});
        if (Rect::spanning(a, b).intersects(*key)) covered.push_back(n.id);
    }
    return covered;
}
}  // namespace

// Issue #17: the key found a free corner for the first view, but a pane opened
// below shrank the canvas under the same view and the key then covered boxes.
TEST_CASE("Canvas - the evidence key covers no box after the Tables and due-diligence panes open below the CARE sample", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    pump(200);
    REQUIRE(boxesUnderTheKey(canvas) == std::vector<std::string>{});
    const int tallBefore = canvas.GetClientSize().y;

    fx.menu(ids::ShowTables);
    pump(300);
    REQUIRE(canvas.GetClientSize().y < tallBefore);  // the pane took room from the canvas
    CHECK(boxesUnderTheKey(canvas) == std::vector<std::string>{});
    CHECK(canvas.wholeChainInView());

    f->showDueDiligence(f->checklistEditor());
    pump(300);
    CHECK(boxesUnderTheKey(canvas) == std::vector<std::string>{});
    CHECK(canvas.wholeChainInView());
    CHECK(fx.errors.empty());
}

// Issue #17: an expanded group's boxes were drawn under its neighbours'. Eight
// organisations with 45 picker groups each: one aggregated box per
// organisation in the pickers' lane. A double-click expands one; no two boxes
// of the canvas overlap, the boxes after it in the lane have moved down, and
// collapsing puts every box back where it was.
TEST_CASE("Canvas - an expanded picker group pushes the boxes after it in its lane aside, and collapsing puts them back", "[gui]") {
    TempDir dir;
    const fs::path file = dir / "groups.traza";
    model::ProjectStore::save(nationalChain(8, 45), file);
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(file));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }, 60000));
    ChainCanvas* canvas = f->canvas();
    REQUIRE(canvas->scene().aggregateCount() == 8);
    // Each box by what it shows: an actor, or an organisation's group ("org3 pickers").
    auto boxes = [&] {
        std::map<std::string, Rect> out;
        for (const SceneNode& n : canvas->scene().nodes()) out[n.id + (n.kind == NodeKind::PickerGroup ? " pickers" : "")] = n.box;
        return out;
    };
    auto overlapping = [&] {
        std::vector<std::string> pairs;
        const auto& nodes = canvas->scene().nodes();
        for (std::size_t i = 0; i < nodes.size(); ++i)
            for (std::size_t j = i + 1; j < nodes.size(); ++j)
                if (nodes[i].box.intersects(nodes[j].box)) pairs.push_back(nodes[i].id + " / " + nodes[j].id);
        return pairs;
    };
    const auto before = boxes();
    CHECK(overlapping() == std::vector<std::string>{});

    // The user double-clicks the middle organisation's group box.
    std::string middle;
    std::vector<std::pair<double, std::string>> groups;
    for (const SceneNode& n : canvas->scene().nodes())
        if (n.kind == NodeKind::PickerGroup) groups.emplace_back(n.box.y, n.id);
    std::sort(groups.begin(), groups.end());
    middle = groups[groups.size() / 2].second;
    canvas->centreOn(middle + "-p0");
    pump(100);
    const auto at = canvas->actorCentreOnScreen(middle + "-p0");
    REQUIRE(at);
    UiDriver ui;
    ui.doubleClick(canvas->ClientToScreen(*at));
    REQUIRE(waitUntil([&] { return canvas->scene().aggregateCount() == 7; }, 5000));
    CHECK(canvas->scene().nodes().size() == before.size() - 1 + 45);
    CHECK(overlapping() == std::vector<std::string>{});
    // The groups after it in the lane went down, below its 45 boxes; those before it stayed.
    const auto expanded = boxes();
    double gridBottom = 0;
    for (const SceneNode& n : canvas->scene().nodes())
        if (n.expandedGroupOf == middle) gridBottom = std::max(gridBottom, n.box.bottom());
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const std::string key = groups[k].second + " pickers";
        CAPTURE(key);
        if (k < groups.size() / 2) CHECK(expanded.at(key).y == Approx(before.at(key).y));
        if (k > groups.size() / 2) CHECK(expanded.at(key).y > gridBottom);
    }
    canvas->Refresh();
    canvas->Update();
    pump(200);
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) /
                         (spanishRun() ? "canvas-expanded-group-es.png" : "canvas-expanded-group.png");
    fs::remove(png);
    REQUIRE(screenshot(wxRect(canvas->GetScreenPosition(), canvas->GetClientSize()), png));

    // Collapse (the box's context menu does this): every box back where it was.
    canvas->setGroupExpanded(middle, false);
    const auto after = boxes();
    REQUIRE(after.size() == before.size());
    for (const auto& [key, box] : before) {
        CAPTURE(key);
        CHECK(after.at(key).x == Approx(box.x));
        CHECK(after.at(key).y == Approx(box.y));
    }
    CHECK(fx.errors.empty());
}

// Issue #17: a flow's label sat at the middle of its arrow, under the
// Intermediary's box where Organisation 2's arrow passes beneath it. Every
// label, as painted, against every box in window pixels; each label's middle
// on its own arrow.
TEST_CASE("Canvas - on the CARE sample every flow label is on its own arrow and under no box", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    fx.menu(ids::FitWindow);
    pump(200);
    repaint(canvas);
    const ChainScene& scene = canvas.scene();
    const ViewTransform view = canvas.view();
    const PaintStats stats = canvas.lastPaintStats();
    REQUIRE(view.scale() >= 0.55);  // labels are drawn at this scale
    // Every flow has its label.
    std::vector<std::string> unlabelled;
    for (std::size_t i = 0; i < scene.edges().size(); ++i)
        if (std::none_of(stats.edgeLabels.begin(), stats.edgeLabels.end(), [&](const auto& l) { return l.first == i; }))
            unlabelled.push_back(scene.nodes()[scene.edges()[i].from].id + " -> " + scene.nodes()[scene.edges()[i].to].id);
    CHECK(unlabelled == std::vector<std::string>{});
    for (const auto& [edge, label] : stats.edgeLabels) {
        const SceneEdge& e = scene.edges()[edge];
        CAPTURE(e.flowId, scene.nodes()[e.from].id, scene.nodes()[e.to].id);
        for (const SceneNode& n : scene.nodes()) {
            const Rect box = Rect::spanning(view.toScreen({n.box.x, n.box.y}), view.toScreen({n.box.right(), n.box.bottom()}));
            CAPTURE(n.id);
            CHECK_FALSE(box.intersects(label));
        }
        // Its middle lies on its own arrow (within a pixel and a half).
        const EdgeCurve c = scene.curve(e);
        double nearest = 1e9;
        for (int k = 0; k <= 400; ++k) {
            const Point p = view.toScreen(c.at(k / 400.0));
            nearest = std::min(nearest, std::hypot(p.x - label.centre().x, p.y - label.centre().y));
        }
        CHECK(nearest <= 1.5);
    }
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) /
                         (spanishRun() ? "canvas-flow-labels-es.png" : "canvas-flow-labels.png");
    fs::remove(png);
    REQUIRE(screenshot(wxRect(canvas.GetScreenPosition(), canvas.GetClientSize()), png));
    CHECK(fx.errors.empty());
}
