#include "record_table.h"

#include "cell_text.h"
#include "cell_value.h"
#include "command.h"
#include "edit_label.h"
#include "error.h"
#include "labels.h"
#include "record_commands.h"
#include "today.h"

namespace traza::gui {
namespace {


// Document numbers may hold commas ("FE-2,231"): a records cell splits on ';' only.
std::vector<wxString> documentParts(const wxString& text) {
    std::vector<wxString> parts;
    for (wxString part : wxSplit(text, ';', '\0')) {
        part.Trim().Trim(false);
        if (!part.empty()) parts.push_back(part);
    }
    return parts;
}

}  // namespace

RecordTable::RecordTable(const Selection& selection) : m_selection(selection) {
    wxArrayString evidence, payment;
    for (int i = 0; i < cells::kEvidenceCount; ++i) evidence.push_back(evidenceLabel(static_cast<model::Evidence>(i)));
    for (int i = 0; i < cells::kPaymentCount; ++i) payment.push_back(paymentLabel(static_cast<model::Payment>(i)));
    m_columns = {{"id", _("ID"), 100},
                 {"flow", _("Flow"), 60},
                 {"date", _("Date"), 100},
                 {"tonnes", _("Tonnes"), 80, true},
                 {"evidence", _("Evidence level"), 140, false, evidence},
                 {"documents", _("Documents"), 330},
                 {"payment", _("Payment"), 85, false, payment},
                 {"price_per_t", _("Price per tonne"), 110, true},
                 {"notes", _("Notes"), 260}};
}

wxString RecordTable::scopeLabel() const { return _("Only the selected flows"); }

void RecordTable::prepare(const model::Project& p) {
    m_documentTypes.prepare(p.catalogue);
    m_rows.clear();
    m_rowOf.clear();
    m_flowIndex.clear();
    m_recordIds.clear();
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        const model::Flow& f = p.flows[i];
        m_flowIndex.emplace(f.id, i);
        const bool shown = !m_scoped || m_selection.flows().count(f.id);
        for (std::size_t j = 0; j < f.records.size(); ++j) {
            m_recordIds.insert(f.records[j].id);
            if (!shown) continue;
            m_rowOf.emplace(f.records[j].id, m_rows.size());
            m_rows.emplace_back(i, j);
        }
    }
}

const model::Record* RecordTable::at(const model::Project& p, std::size_t record) const {
    if (record >= m_rows.size()) return nullptr;
    const auto [fi, ri] = m_rows[record];
    if (fi >= p.flows.size() || ri >= p.flows[fi].records.size()) return nullptr;
    return &p.flows[fi].records[ri];
}

std::string RecordTable::id(const model::Project& p, std::size_t record) const {
    const model::Record* r = at(p, record);
    return r ? r->id : std::string();
}

std::string RecordTable::itemId(const model::Project& p, std::size_t record) const {
    return at(p, record) ? p.flows[m_rows[record].first].id : std::string();
}

std::optional<std::size_t> RecordTable::recordOf(const std::string& id) const {
    auto it = m_rowOf.find(id);
    if (it == m_rowOf.end()) return std::nullopt;
    return it->second;
}

wxString RecordTable::documentsText(const std::vector<model::RecordDocument>& documents) const {
    wxString s;
    for (const model::RecordDocument& d : documents) {
        s << (s.empty() ? "" : "; ") << m_documentTypes.text(d.type);
        if (!d.number.empty()) s << ": " << toWx(d.number);
    }
    return s;
}

wxString RecordTable::cell(const model::Project& p, std::size_t record, int column) const {
    const model::Record* r = at(p, record);
    if (!r) return {};
    switch (column) {
    case Id: return toWx(r->id);
    case Flow: return toWx(p.flows[m_rows[record].first].id);
    case Date: return toWx(r->date);
    case Tonnes: return cells::show(r->tonnes);
    case Evidence: return evidenceLabel(r->evidence);
    case Documents: return documentsText(r->documents);
    case Payment: return paymentLabel(r->payment);
    case Price: return r->pricePerT > 0 ? cells::show(r->pricePerT) : wxString();
    case Notes: return toWx(r->notes);
    }
    return {};
}

double RecordTable::number(const model::Project& p, std::size_t record, int column) const {
    const model::Record* r = at(p, record);
    if (!r) return 0;
    switch (column) {
    case Tonnes: return r->tonnes;
    case Price: return r->pricePerT;
    }
    return 0;
}

model::Record RecordTable::with(model::Record r, const TypedCells& typed) const {
    for (const auto& [column, text] : typed) {
        const std::string& key = m_columns[static_cast<std::size_t>(column)].key;
        switch (column) {
        case Id: r.id = toUtf8(wxString(text).Trim().Trim(false)); break;
        case Flow: break;  // where the record goes: flowOf()
        case Date: {
            std::string why;
            r.date = model::typedDate(toUtf8(text), why);
            if (r.date.empty())
                throw InvalidInput(key, toUtf8(wxString::Format(_("\"%s\" is no date, or day and month could be either way round: "
                                                                  "type it as YYYY-MM-DD"),
                                                                text)));
            break;
        }
        case Tonnes: r.tonnes = cells::number(text, key); break;
        case Evidence:
            r.evidence = static_cast<model::Evidence>(cells::choice(text, m_columns[Evidence].choices, cells::enumNames<model::Evidence>(cells::kEvidenceCount), key));
            break;
        case Documents: {
            std::vector<model::RecordDocument> documents;
            for (const wxString& part : documentParts(text)) {
                const int colon = part.Find(':');
                model::RecordDocument d;
                d.type = m_documentTypes.idOf(colon == wxNOT_FOUND ? part : part.Left(static_cast<std::size_t>(colon)), key);
                if (colon != wxNOT_FOUND) d.number = toUtf8(part.Mid(static_cast<std::size_t>(colon) + 1).Trim().Trim(false));
                documents.push_back(std::move(d));
            }
            r.documents = std::move(documents);
            break;
        }
        case Payment:
            r.payment = static_cast<model::Payment>(cells::choice(text, m_columns[Payment].choices, cells::enumNames<model::Payment>(cells::kPaymentCount), key));
            break;
        case Price: r.pricePerT = cells::number(text, key, 0.0); break;
        case Notes: r.notes = toUtf8(text); break;
        }
    }
    return r;
}

std::string RecordTable::flowOf(const TypedCells& typed, const std::string& otherwise) const {
    for (const auto& [column, text] : typed) {
        if (column != Flow) continue;
        const std::string id = toUtf8(wxString(text).Trim().Trim(false));
        if (id.empty()) break;  // an empty cell: where it would go anyway
        if (!m_flowIndex.count(id)) throw InvalidInput("flow", toUtf8(wxString::Format(_("no flow has the id \"%s\""), toWx(id))));
        return id;
    }
    return otherwise;
}

std::unique_ptr<model::Command> RecordTable::edit(const model::Project& p, std::size_t record, const TypedCells& typed) const {
    const model::Record* current = at(p, record);
    if (!current) throw InvalidInput("id", toUtf8(_("the row is out of date; try again")));
    const std::string& from = p.flows[m_rows[record].first].id;
    model::Record updated = with(*current, typed);
    const std::string to = flowOf(typed, from);
    if (to == from) return std::make_unique<model::UpdateRecord>(current->id, std::move(updated));
    // Moving a record to another flow: out of one, into the other, one undo step.
    auto move = std::make_unique<model::CompositeCommand>("Move record");
    move->add(std::make_unique<model::RemoveRecords>(std::vector<std::string>{current->id}));
    move->add(std::make_unique<model::AddRecords>(std::vector<model::FlowRecord>{{to, std::move(updated)}}));
    return move;
}

std::unique_ptr<model::Command> RecordTable::add(const model::Project& p, const TypedCells& typed, std::set<std::string>& taken,
                                                 const Selection& near) const {
    // The new record goes to the flow typed, else the selected one, else the first.
    std::string fallback;
    if (auto primary = near.primary(); primary && primary->kind == ItemKind::Flow) fallback = primary->id;
    else if (!near.flows().empty()) fallback = *near.flows().begin();
    else if (!p.flows.empty()) fallback = p.flows.front().id;
    const std::string flowId = flowOf(typed, fallback);
    const model::Flow* flow = flowId.empty() ? nullptr : p.findFlow(flowId);
    if (!flow) throw InvalidInput("flow", toUtf8(_("the project has no flow yet: draw one first")));

    model::Record r;
    if (!flow->records.empty()) {
        // Entering a month after a month: the last record, with the numbers and notes left blank.
        r = flow->records.back();
        r.id.clear();
        for (model::RecordDocument& d : r.documents) d.number.clear();
        r.notes.clear();
    } else {
        // The first record stands for the flow as it is: its tonnes, its evidence,
        // and its documents only when all of its tonnes are documented.
        r.tonnes = flow->tonnesUnknown || flow->tonnes <= 0 ? 1.0 : flow->tonnes;
        r.evidence = flow->evidence;
        r.payment = flow->payment;
        r.pricePerT = flow->pricePerT;
        if (flow->documentedT >= flow->tonnes && flow->tonnes > 0)
            for (const std::string& type : flow->documents) r.documents.push_back({type, {}});
        r.date = !flow->periodStart.empty() ? flow->periodStart : !p.assessment.period.start.empty() ? p.assessment.period.start : model::todayIso();
    }
    r = with(std::move(r), typed);
    if (r.id.empty()) {
        for (std::size_t n = m_recordIds.size() + taken.size() + 1;; ++n) {
            r.id = "r" + std::to_string(n);
            if (!m_recordIds.count(r.id) && !taken.count(r.id)) break;
        }
    }
    taken.insert(r.id);
    return std::make_unique<model::AddRecords>(std::vector<model::FlowRecord>{{flowId, std::move(r)}});
}

std::unique_ptr<model::Command> RecordTable::remove(const std::string& id) const {
    return std::make_unique<model::RemoveRecords>(std::vector<std::string>{id});
}

std::string RecordTable::editLabel(const wxString& column, const model::Project&, const std::string& id) const {
    return recordEditLabel(column, id);
}

}  // namespace traza::gui
