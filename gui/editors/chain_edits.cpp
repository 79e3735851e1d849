#include "chain_edits.h"

#include <algorithm>
#include <cmath>

#include "chain_commands.h"

namespace traza::gui {
namespace {
constexpr double kRowGap = 26;  // between boxes of a lane, as the scene stacks unplaced actors
}  // namespace

std::string idPrefix(model::ActorKind k) {
    using K = model::ActorKind;
    switch (k) {
    case K::WastePicker: return "pickers";
    case K::PickerOrganisation: return "org";
    case K::Intermediary: return "int";
    case K::Exporter: return "exp";
    case K::Refiner: return "ref";
    case K::Manufacturer: return "mfr";
    case K::Brand: return "brand";
    case K::Other: return "actor";
    }
    return "actor";
}

Point placeInLane(const ChainScene& scene, int stage) {
    const auto& bands = scene.bands();
    if (scene.nodes().empty()) return fallbackCentre(stage, 0);
    // The lane's middle: its band, else one column step beside the nearest band.
    double x = fallbackCentre(stage, 0).x;
    const StageBand* nearest = nullptr;
    for (const StageBand& b : bands)
        if (!nearest || std::abs(b.stage - stage) < std::abs(nearest->stage - stage)) nearest = &b;
    if (nearest) x = (nearest->left + nearest->right) / 2 + (stage - nearest->stage) * kColumnStep;
    double y = scene.bounds().y + kBoxHeight / 2;
    for (const SceneNode& n : scene.nodes())
        if (n.stage == stage) y = std::max(y, n.box.bottom() + kRowGap + kBoxHeight / 2);
    auto boxAt = [](Point c) { return Rect{c.x - kBoxWidth / 2, c.y - kBoxHeight / 2, kBoxWidth, kBoxHeight}; };
    for (bool moved = true; moved;) {
        moved = false;
        for (const SceneNode& n : scene.nodes())
            if (n.box.inflated(kRowGap / 2).intersects(boxAt({x, y}))) {
                y = n.box.bottom() + kRowGap + kBoxHeight / 2;
                moved = true;
            }
    }
    return {x, y};
}

std::string addActor(Document& doc, model::ActorKind kind, Point where, const std::string& name) {
    const model::Project& p = doc.project();
    model::Actor a;
    a.id = p.unusedId(idPrefix(kind));
    a.name = name;
    a.kind = kind;
    a.stage = model::defaultStage(kind) > 0 ? model::defaultStage(kind) : 1;
    a.country = p.assessment.country;
    a.formality = kind == model::ActorKind::WastePicker ? model::Formality::Informal : model::Formality::Formal;
    a.hasPosition = true;
    a.x = where.x;
    a.y = where.y;
    std::string id = a.id;
    doc.execute(std::make_unique<model::AddActor>(std::move(a)));
    return id;
}

std::string connectActors(Document& doc, const std::string& from, const std::string& to) {
    const model::Project& p = doc.project();
    model::Flow f;
    f.id = p.unusedId("f");
    f.from = from;
    f.to = to;
    f.material = p.assessment.material;
    f.tonnes = 1;
    std::string id = f.id;
    doc.execute(std::make_unique<model::AddFlow>(std::move(f)));
    return id;
}

bool deleteSelection(Document& doc, const Selection& sel) {
    if (sel.empty()) return false;
    auto c = std::make_unique<model::CompositeCommand>("Delete selection");
    // Flows first: a flow of a deleted actor goes with it, and must not be removed twice.
    for (const std::string& id : sel.flows()) {
        const model::Flow* f = doc.project().findFlow(id);
        if (f && !sel.actors().count(f->from) && !sel.actors().count(f->to)) c->add(std::make_unique<model::RemoveFlow>(id));
    }
    for (const std::string& id : sel.actors()) c->add(std::make_unique<model::RemoveActor>(id));
    if (c->empty()) return false;
    doc.execute(std::move(c));
    return true;
}

}  // namespace traza::gui
