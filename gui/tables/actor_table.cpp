#include "actor_table.h"

#include "cell_text.h"
#include "chain_commands.h"
#include "labels.h"

namespace traza::gui {
namespace {

constexpr int kKinds = static_cast<int>(model::ActorKind::Other) + 1;

std::vector<std::string_view> kindNames() {
    std::vector<std::string_view> names;
    for (int k = 0; k < kKinds; ++k) names.push_back(model::toString(static_cast<model::ActorKind>(k)));
    return names;
}

}  // namespace

ActorTable::ActorTable() {
    wxArrayString kinds;
    for (int k = 0; k < kKinds; ++k) kinds.push_back(kindLabel(static_cast<model::ActorKind>(k)));
    m_columns = {{"id", _("ID"), 90},
                 {"name", _("Name"), 240},
                 {"kind", _("Kind"), 150, false, kinds},
                 {"stage", _("Stage"), 70, true},
                 {"country", _("Country"), 65},
                 {"region", _("Region / city"), 140},
                 {"notes", _("Notes"), 320}};
}

void ActorTable::prepare(const model::Project& p) {
    m_recordOf.clear();
    m_recordOf.reserve(p.actors.size());
    for (std::size_t i = 0; i < p.actors.size(); ++i) m_recordOf.emplace(p.actors[i].id, i);
}

std::optional<std::size_t> ActorTable::recordOf(const std::string& id) const {
    auto it = m_recordOf.find(id);
    if (it == m_recordOf.end()) return std::nullopt;
    return it->second;
}

wxString ActorTable::cell(const model::Project& p, std::size_t record, int column) const {
    const model::Actor& a = p.actors[record];
    switch (column) {
    case Id: return toWx(a.id);
    case Name: return toWx(a.name);
    case Kind: return kindLabel(a.kind);
    case Stage: return wxString::Format("%d", a.stage);
    case Country: return toWx(a.country);
    case Region: return toWx(a.region);
    case Notes: return toWx(a.notes);
    }
    return {};
}

double ActorTable::number(const model::Project& p, std::size_t record, int column) const {
    return column == Stage ? p.actors[record].stage : 0;
}

model::Actor ActorTable::with(model::Actor a, const TypedCells& typed) const {
    for (const auto& [column, text] : typed) {
        const std::string& key = m_columns[static_cast<std::size_t>(column)].key;
        switch (column) {
        case Id: a.id = toUtf8(wxString(text).Trim().Trim(false)); break;
        case Name: a.name = toUtf8(text); break;
        case Kind: {
            const auto kind = static_cast<model::ActorKind>(cells::choice(text, m_columns[Kind].choices, kindNames(), key));
            // A new kind brings its usual stage, unless the same row types a stage too.
            if (kind != a.kind && model::defaultStage(kind) > 0) a.stage = model::defaultStage(kind);
            a.kind = kind;
            break;
        }
        case Stage: a.stage = cells::integer(text, key); break;
        case Country: a.country = toUtf8(wxString(text).Trim().Trim(false).Upper()); break;
        case Region: a.region = toUtf8(text); break;
        case Notes: a.notes = toUtf8(text); break;
        }
    }
    return a;
}

std::unique_ptr<model::Command> ActorTable::edit(const model::Project& p, std::size_t record, const TypedCells& typed) const {
    // Stage after kind: a row that types both keeps its stage.
    TypedCells ordered = typed;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return (a.first == Stage) < (b.first == Stage);
    });
    const model::Actor& current = p.actors[record];
    return std::make_unique<model::UpdateActor>(current.id, with(current, ordered));
}

std::unique_ptr<model::Command> ActorTable::add(const model::Project& p, const TypedCells& typed, std::set<std::string>& taken,
                                                const Selection&) const {
    model::Actor a;
    a.kind = model::ActorKind::Other;
    a.stage = 1;
    a.country = p.assessment.country;
    a.formality = model::Formality::Formal;
    TypedCells ordered = typed;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
        return (x.first == Stage) < (y.first == Stage);
    });
    a = with(a, ordered);
    if (a.id.empty()) a.id = freshId(p, "actor", taken);
    if (a.name.empty()) a.name = toUtf8(wxString::Format(_("New actor %s"), toWx(a.id)));
    taken.insert(a.id);
    // No position: the canvas puts it below the other actors of its stage.
    return std::make_unique<model::AddActor>(std::move(a));
}

std::unique_ptr<model::Command> ActorTable::remove(const std::string& id) const {
    return std::make_unique<model::RemoveActor>(id);
}

}  // namespace traza::gui
