#include "flow_table.h"

#include "cell_text.h"
#include "chain_commands.h"
#include "error.h"
#include "labels.h"
#include "row_order.h"

namespace traza::gui {
namespace {


}  // namespace

FlowTable::FlowTable() {
    wxArrayString evidence, payment;
    for (int i = 0; i < cells::kEvidenceCount; ++i) evidence.push_back(evidenceLabel(static_cast<model::Evidence>(i)));
    for (int i = 0; i < cells::kPaymentCount; ++i) payment.push_back(paymentLabel(static_cast<model::Payment>(i)));
    m_columns = {{"id", _("ID"), 70},
                 {"from", _("From"), 210},
                 {"to", _("To"), 210},
                 {"material", _("Material"), 80},
                 {"tonnes", _("Tonnes"), 80, true},
                 {"documented_t", _("Documented (t)"), 135, true},
                 {"evidence", _("Evidence level"), 140, false, evidence},
                 {"documents", _("Documents"), 220},
                 {"payment", _("Payment"), 85, false, payment},
                 {"price_per_t", _("Price per tonne"), 110, true},
                 {"notes", _("Notes"), 260}};
}

void FlowTable::prepare(const model::Project& p) {
    m_documentTypes.prepare(p.catalogue);
    m_recordOf.clear();
    m_recordOf.reserve(p.flows.size());
    for (std::size_t i = 0; i < p.flows.size(); ++i) m_recordOf.emplace(p.flows[i].id, i);
    m_nameOf.clear();
    m_idOfName.clear();
    m_nameOf.reserve(p.actors.size());
    for (const model::Actor& a : p.actors) {
        m_nameOf.emplace(a.id, a.name);
        if (a.name.empty()) continue;
        auto [it, fresh] = m_idOfName.emplace(foldForSearch(a.name), a.id);
        if (!fresh) it->second.clear();  // ambiguous: the id must be typed
    }
}

std::optional<std::size_t> FlowTable::recordOf(const std::string& id) const {
    auto it = m_recordOf.find(id);
    if (it == m_recordOf.end()) return std::nullopt;
    return it->second;
}

wxString FlowTable::documentsText(const std::vector<std::string>& ids) const {
    wxString s;
    for (const std::string& id : ids) s << (s.empty() ? "" : "; ") << m_documentTypes.text(id);
    return s;
}

wxString FlowTable::cell(const model::Project& p, std::size_t record, int column) const {
    const model::Flow& f = p.flows[record];
    auto name = [&](const std::string& id) {
        auto it = m_nameOf.find(id);
        return toWx(it == m_nameOf.end() || it->second.empty() ? id : it->second);
    };
    switch (column) {
    case Id: return toWx(f.id);
    case From: return name(f.from);
    case To: return name(f.to);
    case Material: return toWx(f.material);
    case Tonnes: return f.tonnesUnknown ? wxString("?") : cells::show(f.tonnes);
    case Documented: return f.tonnesUnknown ? wxString() : cells::show(f.documentedT);
    case Evidence: return evidenceLabel(f.evidence);
    case Documents: return documentsText(f.documents);
    case Payment: return paymentLabel(f.payment);
    case Price: return f.pricePerT > 0 ? cells::show(f.pricePerT) : wxString();
    case Notes: return toWx(f.notes);
    }
    return {};
}

double FlowTable::number(const model::Project& p, std::size_t record, int column) const {
    const model::Flow& f = p.flows[record];
    switch (column) {
    case Tonnes: return f.tonnesUnknown ? -1 : f.tonnes;
    case Documented: return f.documentedT;
    case Price: return f.pricePerT;
    }
    return 0;
}

std::string FlowTable::actorNamed(const wxString& typed, const std::string& key) const {
    wxString text = wxString(typed).Trim().Trim(false);
    // "Name (id)" names its id.
    if (text.EndsWith(")") && text.Find('(', true) != wxNOT_FOUND) {
        const wxString inside = text.Mid(text.Find('(', true) + 1).RemoveLast();
        if (m_nameOf.count(toUtf8(inside))) return toUtf8(inside);
    }
    const std::string s = toUtf8(text);
    if (m_nameOf.count(s)) return s;
    auto it = m_idOfName.find(foldForSearch(s));
    if (it == m_idOfName.end()) throw InvalidInput(key, toUtf8(wxString::Format(_("no actor is called or has the id \"%s\""), text)));
    if (it->second.empty())
        throw InvalidInput(key, toUtf8(wxString::Format(_("several actors are called \"%s\": type the id"), text)));
    return it->second;
}

model::Flow FlowTable::with(model::Flow f, const TypedCells& typed) const {
    for (const auto& [column, text] : typed) {
        const std::string& key = m_columns[static_cast<std::size_t>(column)].key;
        switch (column) {
        case Id: f.id = toUtf8(wxString(text).Trim().Trim(false)); break;
        case From: f.from = actorNamed(text, key); break;
        case To: f.to = actorNamed(text, key); break;
        case Material: f.material = toUtf8(text); break;
        case Tonnes:
            // Typed tonnes make an unknown amount known, as in the Properties pane.
            f.tonnes = cells::number(text, key);
            f.tonnesUnknown = false;
            break;
        case Documented: f.documentedT = cells::number(text, key, 0.0); break;
        case Evidence:
            f.evidence = static_cast<model::Evidence>(cells::choice(text, m_columns[Evidence].choices, cells::enumNames<model::Evidence>(cells::kEvidenceCount), key));
            break;
        case Documents: {
            std::vector<std::string> ids;
            for (const wxString& part : cells::list(text)) ids.push_back(m_documentTypes.idOf(part, key));
            f.documents = std::move(ids);
            break;
        }
        case Payment:
            f.payment = static_cast<model::Payment>(cells::choice(text, m_columns[Payment].choices, cells::enumNames<model::Payment>(cells::kPaymentCount), key));
            break;
        case Price: f.pricePerT = cells::number(text, key, 0.0); break;
        case Notes: f.notes = toUtf8(text); break;
        }
    }
    return f;
}

std::unique_ptr<model::Command> FlowTable::edit(const model::Project& p, std::size_t record, const TypedCells& typed) const {
    const model::Flow& current = p.flows[record];
    return std::make_unique<model::UpdateFlow>(current.id, with(current, typed));
}

std::unique_ptr<model::Command> FlowTable::add(const model::Project& p, const TypedCells& typed, std::set<std::string>& taken,
                                               const Selection& near) const {
    // A new flow leaves the selected actor (else the first one) for an actor of a later stage.
    model::Flow f;
    f.material = p.assessment.material;
    f.tonnes = 1;
    const model::Actor* from = nullptr;
    if (auto primary = near.primary(); primary && primary->kind == ItemKind::Actor) from = p.findActor(primary->id);
    if (!from && !p.actors.empty()) from = &p.actors.front();
    if (from) {
        f.from = from->id;
        const model::Actor* to = nullptr;  // the nearest later stage, else any other actor
        auto rank = [&](const model::Actor& a) { return a.stage > from->stage ? a.stage : 100 + a.stage; };
        for (const model::Actor& a : p.actors)
            if (a.id != from->id && (!to || rank(a) < rank(*to))) to = &a;
        if (to) f.to = to->id;
    }
    f = with(f, typed);
    if (f.id.empty()) f.id = freshId(p, "f", taken);
    taken.insert(f.id);
    return std::make_unique<model::AddFlow>(std::move(f));
}

std::unique_ptr<model::Command> FlowTable::remove(const std::string& id) const {
    return std::make_unique<model::RemoveFlow>(id);
}

}  // namespace traza::gui
