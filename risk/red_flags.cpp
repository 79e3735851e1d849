#include "red_flags.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "mass_balance.h"
#include "record_flags.h"
#include "supplier_checklists.h"
#include "text.h"
#include "typology_mix.h"

namespace traza::risk {

int severityRank(const std::string& severity) {
    if (severity == "critical") return 3;
    if (severity == "high") return 2;
    if (severity == "medium") return 1;
    return 0;
}

namespace {

using nlohmann::json;

double number(const json& p, const char* key, double fallback) {
    return p.contains(key) && p[key].is_number() ? p[key].get<double>() : fallback;
}
std::string word(const json& p, const char* key, const std::string& fallback) {
    return p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : fallback;
}
template <typename T>
std::vector<T> listOf(const json& p, const char* key, std::vector<T> fallback) {
    if (!p.contains(key) || !p[key].is_array()) return fallback;
    std::vector<T> out;
    for (const json& x : p[key])
        if ((std::is_same_v<T, int> && x.is_number()) || (std::is_same_v<T, std::string> && x.is_string()))
            out.push_back(x.get<T>());
    return out;
}
// The factor ids a "ticked factor" rule looks for (a handful: a plain list
// is faster than a set in the per-actor loop).
std::vector<std::string> factorsOf(const json& p, const std::string& fallback) {
    std::vector<std::string> out = listOf<std::string>(p, "risk_factors", {});
    if (p.contains("risk_factor") && p["risk_factor"].is_string()) out.push_back(p["risk_factor"].get<std::string>());
    if (out.empty()) out.push_back(fallback);
    return out;
}
bool ticked(const model::Actor& a, const std::vector<std::string>& factors) {
    for (const std::string& f : a.riskFactors)
        if (std::find(factors.begin(), factors.end(), f) != factors.end()) return true;
    return false;
}

// A number in a flag's sentence, formatted when the sentence is read.
enum class NumberKind { Tonnes, Percent, Plain };
struct FlagNumber {
    const char* key;  ///< the template placeholder, e.g. "tonnes"
    NumberKind kind;  ///< tonnes, a share shown as a percentage, or a statistic (two decimals)
    double value;
};
FlagNumber tonnesOf(const char* key, double t) { return {key, NumberKind::Tonnes, t}; }
FlagNumber percentOf(const char* key, double share) { return {key, NumberKind::Percent, share}; }
FlagNumber plainOf(const char* key, double x) { return {key, NumberKind::Plain, x}; }
// A checklist item's status in words, for red-flag sentences.
const char* statusWord(const Text& text, model::ItemStatus s) {
    switch (s) {
        case model::ItemStatus::Done: return text.pick("done", "hecho");
        case model::ItemStatus::InProgress: return text.pick("in progress", "en curso");
        case model::ItemStatus::NotApplicable: return text.pick("not applicable", "no aplica");
        default: return text.pick("not started", "sin iniciar");
    }
}

// What every flag of one rule shares: its template (or its name when the
// catalogue gives none) and the language.
struct RuleWords {
    std::string pattern;
    std::string name;
    std::string language;
};

struct FlagBatch;

// A flag's detail: the rule's template filled with the actor's label, the
// flow and up to two numbers, only when the text is read (tens of thousands
// of flags on a national chain, few of them ever shown). The label and flow
// id are kept in the batch's one string, not in a string per flag.
class FlagDetail final : public SentenceSource {
public:
    FlagDetail(std::size_t labelAt, std::size_t labelSize, std::size_t flowAt, std::size_t flowSize,
               std::size_t itemsSize, std::initializer_list<FlagNumber> numbers)
        : m_labelAt(labelAt), m_labelSize(labelSize), m_flowAt(flowAt), m_flowSize(flowSize),
          m_itemsSize(itemsSize) {
        for (const FlagNumber& n : numbers)
            if (m_count < kMaxNumbers) m_numbers[m_count++] = n;
    }
    std::string render() const override;

private:
    friend class Evaluator;
    const FlagBatch* m_batch = nullptr;  ///< set when the batch is sealed
    std::size_t m_labelAt, m_labelSize, m_flowAt, m_flowSize;
    std::size_t m_itemsSize;  ///< the {items} text follows the flow id in the batch
    static constexpr int kMaxNumbers = 4;
    FlagNumber m_numbers[kMaxNumbers]{};
    int m_count = 0;
};

// The details of one rule's flags, made as one block: the words they share
// and the labels and flow ids they name, one after the other in `chars`.
struct FlagBatch {
    RuleWords words;
    std::string chars;
    std::vector<FlagDetail> details;
};

std::string FlagDetail::render() const {
    const RuleWords& words = m_batch->words;
    if (words.pattern.empty()) return words.name;
    const Text text(words.language);
    TemplateValues values;
    values.reserve(m_count + 2);
    for (int i = 0; i < m_count; ++i)
        values.emplace_back(m_numbers[i].key, m_numbers[i].kind == NumberKind::Percent ? text.percent(m_numbers[i].value)
                                              : m_numbers[i].kind == NumberKind::Plain ? text.number(m_numbers[i].value, 2)
                                                                                       : text.tonnes(m_numbers[i].value));
    values.emplace_back("actor", m_batch->chars.substr(m_labelAt, m_labelSize));
    if (m_flowSize > 0) values.emplace_back("flow", m_batch->chars.substr(m_flowAt, m_flowSize));
    if (m_itemsSize > 0) values.emplace_back("items", m_batch->chars.substr(m_flowAt + m_flowSize, m_itemsSize));
    return fillTemplate(words.pattern, values);
}

class Evaluator {
public:
    Evaluator(const RedFlagInputs& in, bool& exact)
        : m_in(in), m_chain(in.chain), m_exact(exact) {}

    // Returns false for a rule this version does not know.
    bool run(const model::RedFlagRule& rule, std::vector<RedFlag>& out);

private:
    void flag(std::vector<RedFlag>& out, const model::RedFlagRule& rule, Vertex actor, const std::string& flow,
              std::initializer_list<FlagNumber> numbers, const std::string& items = std::string()) {
        if (!m_batch) {
            m_batch = std::make_shared<FlagBatch>();
            m_batch->words = RuleWords{m_pattern.empty() ? rule.explanation.in(m_in.language) : m_pattern,
                                       rule.name.in(m_in.language), m_in.language};
            m_batchFirst = out.size();
        }
        // Braces, not emplace_back(args): clang 14 (the fuzz build) has no C++20
        // parenthesised aggregate initialisation.
        out.push_back(RedFlag{rule.id, m_chain.actor(actor).id, flow, rule.severity, Sentence(), {}, {}});
        std::string& chars = m_batch->chars;
        const std::string& label = m_chain.label(actor);
        const std::size_t labelAt = chars.size();
        chars += label;
        chars += flow;
        chars += items;
        m_batch->details.emplace_back(labelAt, label.size(), labelAt + label.size(), flow.size(), items.size(),
                                      numbers);
    }

public:
    // Gives the flags added since the last call (one rule's) their details:
    // one shared block for all of them instead of allocations per flag.
    void seal(std::vector<RedFlag>& out) {
        if (!m_batch) return;
        for (FlagDetail& d : m_batch->details) d.m_batch = m_batch.get();  // complete: it never moves again
        const std::shared_ptr<const FlagBatch> batch = std::move(m_batch);
        m_batch = nullptr;
        for (std::size_t j = 0; j < batch->details.size(); ++j)
            out[m_batchFirst + j].detail = Sentence(std::shared_ptr<const SentenceSource>(batch, &batch->details[j]));
    }

private:
    double handled(Vertex v) const { return std::max(m_chain.inT(v), m_chain.outT(v)); }
    // Share of each actor's input that comes from "marked" actors (their whole output marked).
    std::vector<double> inputShareFrom(const std::vector<char>& marked) {
        MixingProblem p;
        p.fixed = marked;
        p.fixedValue.assign(marked.size(), 1.0);
        MixingResult x = m_in.solver.solve(p);
        m_exact = m_exact && x.exact;
        std::vector<double> share(marked.size(), 0.0);
        for (Vertex v = 0; v < marked.size(); ++v) {
            if (m_chain.inT(v) <= 0) continue;
            double s = 0;
            for (std::size_t e : m_chain.inEdges(v))
                s += m_chain.edge(e).tonnes * x.value[m_chain.source(e)];
            share[v] = std::min(1.0, s / m_chain.inT(v));
        }
        return share;
    }
    // Whether an actor ticked any of `factors`: one bit test per actor when the
    // project's actors use at most 64 distinct factor ids (always, with the
    // catalogue's factors), else the ids compared as text.
    struct TickTest {
        const Evaluator* self;
        const std::vector<std::string>* factors;
        std::uint64_t bits;
        bool operator()(Vertex v) const {
            return self->m_factorBitsUsable ? (self->m_factorBits[v] & bits) != 0
                                            : ticked(self->m_chain.actor(v), *factors);
        }
    };
    TickTest tickTest(const std::vector<std::string>& factors) {
        if (!m_factorBitsBuilt) {
            m_factorBitsBuilt = true;
            m_factorBits.assign(m_chain.vertexCount(), 0);
            for (Vertex v = 0; v < m_chain.vertexCount() && m_factorBitsUsable; ++v)
                for (const std::string& f : m_chain.actor(v).riskFactors) {
                    auto it = m_factorBit.find(f);
                    if (it == m_factorBit.end()) {
                        if (m_factorBit.size() == 64) {
                            m_factorBitsUsable = false;
                            break;
                        }
                        it = m_factorBit.emplace(f, static_cast<int>(m_factorBit.size())).first;
                    }
                    m_factorBits[v] |= std::uint64_t{1} << it->second;
                }
        }
        std::uint64_t bits = 0;
        for (const std::string& f : factors) {
            auto it = m_factorBit.find(f);
            if (it != m_factorBit.end()) bits |= std::uint64_t{1} << it->second;
        }
        return {this, &factors, bits};
    }

    // Every analysed flow with its sender and receiver.
    template <typename F>
    void forEachFlow(F f) const {
        for (std::size_t e = 0; e < m_chain.edgeCount(); ++e)
            for (std::size_t fi : m_chain.flowsOf(e))
                f(m_chain.project().flows[fi], m_chain.source(e), m_chain.target(e));
    }

    const RedFlagInputs& m_in;
    const ChainGraph& m_chain;
    bool& m_exact;
    bool m_factorBitsBuilt = false, m_factorBitsUsable = true;
    std::vector<std::uint64_t> m_factorBits;                 ///< per vertex: the factor ids it ticked
    std::unordered_map<std::string_view, int> m_factorBit;  ///< factor id -> bit
    std::string m_pattern;  ///< when set, the sentence of the next batch instead of the rule's explanation
    std::shared_ptr<FlagBatch> m_batch;  ///< details of the flags not sealed yet
    std::size_t m_batchFirst = 0;        ///< position in `out` of the first of them
};

bool Evaluator::run(const model::RedFlagRule& rule, std::vector<RedFlag>& out) {
    const json p = [&] {
        json j = json::parse(rule.parametersJson, nullptr, false);
        return j.is_object() ? j : json::object();
    }();
    const std::string& id = rule.id;
    const std::size_t n = m_chain.vertexCount();
    const model::Project& project = m_chain.project();

    if (id == "cash_only_first_mile") {
        const auto stages = listOf<int>(p, "seller_stages", {2, 3});
        const double minShare = number(p, "min_share", 0.05);
        const auto below = model::parseEvidence(word(p, "evidence_below", "documented")).value_or(model::Evidence::Documented);
        for (Vertex v = 0; v < n; ++v) {
            if (m_chain.outT(v) <= 0 || std::find(stages.begin(), stages.end(), m_chain.stage(v)) == stages.end()) continue;
            double cash = 0;
            for (std::size_t e : m_chain.outEdges(v))
                for (std::size_t fi : m_chain.flowsOf(e)) {
                    const model::Flow& f = project.flows[fi];
                    if (f.payment == model::Payment::Cash && f.evidence < below) cash += f.tonnes;
                }
            const double share = cash / m_chain.outT(v);
            if (cash > 0 && share >= minShare)
                flag(out, rule, v, "", {percentOf("share", share), tonnesOf("tonnes", cash)});
        }
    } else if (id == "unknown_upstream_sources") {
        const double minShare = number(p, "min_share", 0.05);
        std::vector<char> unknown(n, 0);
        const std::vector<std::string> factor{"unknown_upstream"};  // built once, not per actor
        const TickTest unknownTicked = tickTest(factor);
        for (Vertex v = 0; v < n; ++v)
            unknown[v] = (m_chain.isSource(v) && m_chain.stage(v) > 1) || unknownTicked(v);
        const std::vector<double> share = inputShareFrom(unknown);
        for (Vertex v = 0; v < n; ++v)
            if (m_chain.inT(v) > 0 && share[v] > 0 && share[v] >= minShare)
                flag(out, rule, v, "",
                     {percentOf("share", share[v]), tonnesOf("tonnes", share[v] * m_chain.inT(v))});
    } else if (id == "mass_balance_gap") {
        const double relative = number(p, "relative", 0.01), absolute = number(p, "absolute_t", 0.1);
        for (Vertex v = 0; v < n; ++v) {
            const MassBalance mb = massBalance(m_chain, m_in.destinations, v, relative, absolute);
            if (mb.flagged)
                flag(out, rule, v, "", {tonnesOf("tonnes", m_chain.inT(v)), tonnesOf("gap", mb.gapT)});
        }
    } else if (id == "volume_above_capacity") {
        const double tolerance = number(p, "tolerance", 0.05);
        for (Vertex v = 0; v < n; ++v) {
            const double capacity = m_chain.actor(v).capacityT;
            if (capacity > 0 && handled(v) > capacity * (1 + tolerance))
                flag(out, rule, v, "", {tonnesOf("tonnes", handled(v)), tonnesOf("capacity", capacity)});
        }
    } else if (id == "undocumented_outflow") {
        const double minShare = number(p, "min_share", 0.05);
        forEachFlow([&](const model::Flow& f, Vertex from, Vertex) {
            const double share = f.tonnes / m_chain.outT(from);
            if ((f.evidence == model::Evidence::None || f.documentedT <= 0) && share >= minShare)
                flag(out, rule, from, f.id, {tonnesOf("tonnes", f.tonnes), percentOf("share", share)});
        });
    } else if (id == "high_risk_typology_without_site_checks") {
        const double minRisk = number(p, "min_baseline_risk", 0.7);
        const auto required = model::parseItemStatus(word(p, "required_status", "done")).value_or(model::ItemStatus::Done);
        const TypologyMix high = mixByTypology(
            m_chain, m_in.solver, [&](const model::Typology& t) { return t.baselineRisk >= minRisk ? 1.0 : 0.0; }, 0.0,
            m_exact);
        const SupplierChecklists checklists(project);
        for (Vertex v = 0; v < n; ++v) {
            const model::Actor& a = m_chain.actor(v);
            if (m_in.destinations.contains[v] || a.kind == model::ActorKind::WastePicker) continue;
            double in = 0, outT = 0;
            for (std::size_t e : m_chain.inEdges(v))
                for (std::size_t fi : m_chain.flowsOf(e)) in += project.flows[fi].tonnes * high.flowValue[fi];
            for (std::size_t e : m_chain.outEdges(v))
                for (std::size_t fi : m_chain.flowsOf(e)) outT += project.flows[fi].tonnes * high.flowValue[fi];
            const double tonnes = std::max(in, outT);
            if (tonnes <= 0) continue;
            const auto open = checklists.openOnTheGround(a.id, required);
            if (open.empty()) continue;
            // Name exactly which items are open, or say there is no checklist at all.
            const Text text(m_in.language);
            std::vector<std::string> items;
            for (const auto& [t, status] : open)
                items.push_back(t->id + " " + t->name.in(m_in.language) + " (" + statusWord(text, status) + ")");
            std::string list;
            for (const std::string& i : items) list += (list.empty() ? "" : "; ") + i;
            if (!checklists.hasChecklist(a.id))
                list = text.pick("it has no checklist, so none of these is recorded: ", "no tiene lista de verificación, así que ninguno de estos está registrado: ") + list;
            flag(out, rule, v, "", {tonnesOf("tonnes", tonnes)}, list);
        }
    } else if (id == "conflict_affected_origin") {
        const auto factors = factorsOf(p, "conflict_affected_area");
        std::vector<char> marked(n, 0);
        const TickTest isTicked = tickTest(factors);
        for (Vertex v = 0; v < n; ++v) marked[v] = isTicked(v);
        const std::vector<double> share = inputShareFrom(marked);
        for (Vertex v = 0; v < n; ++v) {
            if (marked[v])
                flag(out, rule, v, "", {tonnesOf("tonnes", handled(v))});
            else if (share[v] > 0)
                flag(out, rule, v, "", {tonnesOf("tonnes", share[v] * m_chain.inT(v))});
        }
    } else if (id == "child_labour_reported" || id == "open_burning_reported" || id == "refuses_information" ||
               id == "infrastructure_scrap") {
        const std::string fallback = id == "child_labour_reported" ? "child_labour"
                                     : id == "open_burning_reported" ? "open_burning"
                                                                     : id;
        const auto factors = factorsOf(p, fallback);
        const TickTest isTicked = tickTest(factors);
        for (Vertex v = 0; v < n; ++v)
            if (isTicked(v))
                flag(out, rule, v, "",
                     {tonnesOf("tonnes", handled(v)), percentOf("share", m_in.flowShare[v])});
    } else if (id == "implausible_figure") {
        // The measurement test of reconciliation (reconciliation/reconciliation.h):
        // a flow, stock change or loss whose adjustment is beyond the
        // Šidák-corrected critical |z|.
        if (m_in.reconciliation) {
            const Reconciliation& rec = *m_in.reconciliation;
            for (const ReconciledFigure& fig : rec.figures) {
                if (fig.kind != FigureKind::Flow || !fig.implausible) continue;
                const model::Flow& f = project.flows[fig.index];
                const long to = m_chain.find(f.to);
                if (to < 0) continue;
                flag(out, rule, static_cast<Vertex>(to), f.id,
                     {tonnesOf("tonnes", fig.givenT), tonnesOf("reconciled", fig.reconciledT),
                      plainOf("z", std::fabs(fig.z)), plainOf("critical", rec.flowZCritical)});
            }
            // An actor's declared stock change or losses fail the same test: the
            // flag names the actor and the figure ({items}) in a sentence of its
            // own, since the catalogue's explanation speaks of a flow.
            seal(out);
            const Text text(m_in.language);
            m_pattern = text.pick(
                "{actor} declared {items} of {tonnes} t, but its balance points to {reconciled} t: the measurement "
                "test gives |z| = {z}, above the critical {critical} (5%, Šidák-corrected).",
                "{actor} declaró {items} de {tonnes} t, pero su balance indica {reconciled} t: la prueba de medición "
                "da |z| = {z}, por encima del crítico {critical} (5 %, corrección de Šidák).");
            for (const ReconciledFigure& fig : rec.figures) {
                if (fig.kind == FigureKind::Flow || !fig.implausible) continue;
                const long v = m_chain.find(project.actors[fig.index].id);
                if (v < 0) continue;
                const char* figure = fig.kind == FigureKind::Loss ? text.pick("losses", "pérdidas")
                                                                  : text.pick("a stock change", "una variación de inventario");
                flag(out, rule, static_cast<Vertex>(v), "",
                     {tonnesOf("tonnes", fig.givenT), tonnesOf("reconciled", fig.reconciledT),
                      plainOf("z", std::fabs(fig.z)), plainOf("critical", rec.flowZCritical)},
                     figure);
            }
            seal(out);
            m_pattern.clear();
        }
    } else if (id == "no_invoice_first_sale") {
        const auto sellers = listOf<int>(p, "seller_stages", {1, 2});
        const int buyerMin = static_cast<int>(number(p, "buyer_min_stage", 3));
        const auto invoices = listOf<std::string>(p, "invoice_documents", {"electronic_invoice"});
        forEachFlow([&](const model::Flow& f, Vertex from, Vertex to) {
            if (std::find(sellers.begin(), sellers.end(), m_chain.stage(from)) == sellers.end() || m_chain.stage(to) < buyerMin)
                return;
            for (const std::string& d : f.documents)
                if (std::find(invoices.begin(), invoices.end(), d) != invoices.end()) return;
            flag(out, rule, from, f.id, {tonnesOf("tonnes", f.tonnes)});
        });
    } else if (id == "record_document_reused") {
        for (const RecordHit& h : reusedDocumentNumbers(m_chain, static_cast<int>(number(p, "min_uses", 2))))
            flag(out, rule, h.actor, h.flow, {tonnesOf("tonnes", h.tonnes)}, h.items);
    } else if (id == "record_outside_flow_period") {
        for (const RecordHit& h : recordsOutsideFlowPeriod(m_chain))
            flag(out, rule, h.actor, h.flow, {tonnesOf("tonnes", h.tonnes)}, h.items);
    } else if (id == "record_month_above_capacity") {
        for (const RecordHit& h : monthsAboveCapacity(m_chain, number(p, "tolerance", 0.05)))
            flag(out, rule, h.actor, h.flow, {tonnesOf("tonnes", h.tonnes), tonnesOf("capacity", h.other)}, h.items);
    } else if (id == "round_weight_records") {
        const auto hits = sameRoundWeights(m_chain, number(p, "unit_t", 1.0), static_cast<int>(number(p, "min_count", 5)),
                                           number(p, "min_share", 0.5));
        for (const RecordHit& h : hits)
            flag(out, rule, h.actor, h.flow, {tonnesOf("tonnes", h.tonnes), percentOf("share", h.other)}, h.items);
    } else if (id == "delivery_after_suspension") {
        for (const RecordHit& h : deliveriesAfterSuspension(m_chain))
            flag(out, rule, h.actor, h.flow, {tonnesOf("tonnes", h.tonnes)}, h.items);
    } else {
        return false;
    }
    return true;
}

}  // namespace

std::vector<RedFlag> evaluateRedFlags(const RedFlagInputs& in, std::vector<std::string>& warnings, bool& exact) {
    const Text text(in.language);
    Evaluator evaluator(in, exact);
    // Most severe first, keeping rule and project order within a severity: the
    // rules run severity by severity, each in catalogue order, so the flags
    // come out in that order without moving tens of thousands of them again.
    const auto& rules = in.chain.project().catalogue.redFlagRules;
    std::vector<char> unknown(rules.size(), 0);
    std::vector<RedFlag> flags;
    flags.reserve(in.chain.vertexCount());  // a national chain has about one flag per actor: no regrowth to move them
    for (int r = 3; r >= 0; --r)
        for (std::size_t i = 0; i < rules.size(); ++i) {
            // A retired rule (the project's own catalogue) is not checked.
            if (rules[i].retired || severityRank(rules[i].severity) != r) continue;
            unknown[i] = !evaluator.run(rules[i], flags);
            evaluator.seal(flags);
        }
    for (std::size_t i = 0; i < rules.size(); ++i)  // warnings in catalogue order
        if (unknown[i])
            warnings.push_back(text.pick("Red-flag rule '", "La regla de señal de alerta '") + rules[i].id +
                               text.pick("' is not known to this version of Traza and was not evaluated.",
                                         "' no la conoce esta versión de Traza y no se evaluó."));
    return flags;
}

}  // namespace traza::risk
