#include "limits_statement.h"

#include <algorithm>

#include "text.h"
#include "traceability.h"

namespace traza::risk {
namespace {

// "stage 2 (picker organisations)": stages named after the kinds that sit there by default.
std::string stageName(const Text& text, int k) {
    static const char* en[] = {"waste pickers", "picker organisations", "intermediaries", "exporters",
                               "refiners",      "manufacturers",        "brands"};
    static const char* es[] = {"recicladores", "organizaciones de recicladores", "intermediarios", "exportadores",
                               "refinadores",  "fabricantes",                    "marcas"};
    std::string s = text.pick("stage ", "eslabón ") + std::to_string(k);
    if (k >= 1 && k <= 7) s += std::string(" (") + text.pick(en[k - 1], es[k - 1]) + ")";
    return s;
}

std::string levelName(const model::Project& project, model::Evidence level, const std::string& language) {
    for (const model::EvidenceLevelInfo& e : project.catalogue.evidenceLevels)
        if (e.id == model::toString(level)) return "'" + e.name.in(language) + "'";
    return "'" + std::string(model::toString(level)) + "'";
}

double at(const TraceLevel& l, int k) {
    auto it = l.byStage.find(k);
    return it == l.byStage.end() ? 0.0 : it->second;
}

const TraceLevel* find(const Traceability& t, model::Evidence level) {
    for (const TraceLevel& l : t.levels)
        if (l.level == level) return &l;
    return nullptr;
}

}  // namespace

std::vector<std::string> limitsStatement(const ChainGraph& chain, const DestinationSet& dest, const Traceability& trace,
                                         const std::string& language) {
    const Text text(language);
    const model::Project& project = chain.project();
    std::vector<std::string> out;
    std::vector<std::string> names;
    for (Vertex d : dest.vertices) names.push_back(chain.label(d));
    if (dest.vertices.empty() || dest.totalT <= 0) {
        out.push_back(text.pick("No destination received material, so nothing can be said about how far it is traced.",
                                "Ningún destino recibió material, así que no se puede decir hasta dónde se rastrea."));
        return out;
    }
    const int last = lastTracedStage(chain, dest);
    // Leakage: tonnes that end at an actor that is no destination and sends nothing
    // on (e.g. sold for cash to a buyer who records no sale), against what the
    // sources (actors with no recorded input) put into the chain.
    double collectedT = 0, leakedT = 0;
    std::vector<std::string> deadEnds;
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        if (chain.inT(v) <= 0 && chain.outT(v) > 0) collectedT += chain.outT(v);
        if (!dest.contains[v] && chain.inT(v) > 0 && chain.outT(v) <= 0) {
            leakedT += chain.inT(v);
            if (deadEnds.size() < 5) deadEnds.push_back(chain.label(v));
        }
    }
    out.push_back(text.pick("This statement covers the ", "Esta declaración cubre las ") + text.tonnes(dest.totalT) +
                  text.pick(" t received by ", " t recibidas por ") + text.list(names) +
                  text.pick(". A tonne counts as traced back to a stage only if every hop back to an actor of that "
                            "stage is documented at the given evidence level or better.",
                            ". Una tonelada cuenta como rastreada hasta un eslabón solo si cada tramo hasta un actor "
                            "de ese eslabón está documentado con el nivel de evidencia indicado o uno superior."));
    if (leakedT > 0 && collectedT > 0)
        out.push_back(text.pick("Leakage: ", "Fuga: ") + text.tonnes(leakedT) + text.pick(" t (", " t (") +
                      text.percent(leakedT / collectedT) +
                      text.pick(" of the ", " de las ") + text.tonnes(collectedT) +
                      text.pick(" t that the sources put into the chain) never reach a destination: they end at ",
                                " t que las fuentes ponen en la cadena) nunca llegan a un destino: terminan en ") +
                      text.list(deadEnds) +
                      text.pick(", which records no onward sale (material sold to an unknown buyer).",
                                ", que no registra ninguna venta posterior (material vendido a un comprador desconocido)."));
    if (last < 1) {
        out.push_back(text.pick("The destinations sit at stage 1: there is no earlier stage to trace back to.",
                                "Los destinos están en el eslabón 1: no hay un eslabón anterior que rastrear."));
        return out;
    }

    // One sentence per level, strongest evidence first.
    for (auto it = trace.levels.rbegin(); it != trace.levels.rend(); ++it) {
        const TraceLevel& l = *it;
        const std::string name = levelName(project, l.level, language) + text.pick(" or better: ", " o superior: ");
        double best = 0;
        for (const auto& [k, v] : l.byStage) best = std::max(best, v);
        if (best <= 0) {
            out.push_back(name + text.pick("none of the input is documented back to any earlier stage.",
                                           "ninguna parte de la entrada está documentada hasta ningún eslabón anterior."));
            continue;
        }
        std::string s = name;
        if (l.horizon) {
            s += text.percent(at(l, *l.horizon)) +
                 text.pick(" of the input is documented on every hop back to ",
                           " de la entrada está documentado en cada tramo hasta el ") +
                 stageName(text, *l.horizon) +
                 text.pick(", the traceability horizon at the ", ", el horizonte de trazabilidad con el umbral de ") +
                 text.percent(trace.threshold) + text.pick(" threshold", "");
        } else {
            s += text.pick("at most ", "como máximo ") + text.percent(at(l, last)) +
                 text.pick(" of the input is documented back to ", " de la entrada está documentado hasta el ") +
                 stageName(text, last) + text.pick(", below the ", ", por debajo del umbral de ") +
                 text.percent(trace.threshold) + text.pick(" threshold", "");
        }
        if ((!l.horizon || *l.horizon > 1) && last > 1)
            s += text.pick("; back to ", "; hasta el ") + stageName(text, 1) + text.pick(" only ", " solo ") +
                 text.percent(at(l, 1));
        out.push_back(s + ".");
    }

    const TraceLevel* self = find(trace, model::Evidence::SelfDeclared);
    const TraceLevel* reported = find(trace, model::Evidence::Reported);
    const TraceLevel* documented = find(trace, model::Evidence::Documented);
    const TraceLevel* verified = find(trace, model::Evidence::Verified);

    // The first mile: stage 1 → 2.
    if (self && last >= 2 && at(*self, 1) < trace.threshold)
        out.push_back(text.pick("The first mile (stage 1 → 2) is largely undocumented: only ",
                                "La primera milla (eslabón 1 → 2) está en gran parte sin documentar: solo ") +
                      text.percent(at(*self, 1)) +
                      text.pick(" of the input is documented, even as self-declared, back to ",
                                " de la entrada está documentado, aunque sea como autodeclarado, hasta el ") +
                      stageName(text, 1) + ".");

    // What rests on reported evidence only.
    if (reported && documented) {
        const int k = reported->horizon.value_or(last);
        const double onlyReported = at(*reported, k) - at(*documented, k);
        if (onlyReported > 1e-12)
            out.push_back(text.pick("For ", "Para el ") + text.percent(onlyReported) +
                          text.pick(" of the input, the route back to ", " de la entrada, la ruta hasta el ") +
                          stageName(text, k) +
                          text.pick(" rests on at least one hop that is only reported by a downstream actor, not "
                                    "documented or verified.",
                                    " depende de al menos un tramo que solo reporta un actor aguas abajo, sin "
                                    "documentación ni verificación."));
    }
    // The last hop into the destinations.
    double reportedOnlyT = 0;
    for (Vertex d : dest.vertices)
        for (std::size_t e : chain.inEdges(d))
            for (std::size_t fi : chain.flowsOf(e)) {
                const model::Flow& f = project.flows[fi];
                if (f.evidence <= model::Evidence::Reported && f.evidence > model::Evidence::None && f.documentedT > 0)
                    reportedOnlyT += f.tonnes;
            }
    if (reportedOnlyT > 0)
        out.push_back(text.pick("The deliveries into ", "Las entregas a ") + text.list(names) +
                      text.pick(" are only reported or self-declared, not documented, for ",
                                " solo están reportadas o autodeclaradas, sin documentar, para el ") +
                      text.percent(reportedOnlyT / dest.totalT) + text.pick(" of their input.", " de su entrada."));
    // The credit method beside the proportional one, and what such a claim does not mean.
    if (self && last >= 1 && !self->byStageCredit.empty()) {
        const auto credit = self->byStageCredit.find(1);
        if (credit != self->byStageCredit.end())
            out.push_back(text.pick("By the credit method of mass balance, up to ", "Por el método de créditos del balance de masa, hasta el ") +
                          text.percent(credit->second) +
                          text.pick(" of the input can be claimed as documented, at least as self-declared, back to ",
                                    " de la entrada puede declararse documentado, al menos como autodeclarado, hasta el ") +
                          stageName(text, 1) + text.pick(", against ", ", frente al ") + text.percent(at(*self, 1)) +
                          text.pick(" by proportional mixing. A mass-balance claim implies no physical content: it "
                                    "does not say which tonnes are documented.",
                                    " por mezcla proporcional. Una declaración de balance de masa no implica contenido "
                                    "físico: no dice qué toneladas están documentadas."));
    }
    if (verified) {
        double best = 0;
        int bestStage = last;
        for (const auto& [k, v] : verified->byStage)
            if (v > best) best = v, bestStage = k;
        if (best <= 0)
            out.push_back(text.pick("No tonne is independently verified on its way to the destination.",
                                    "Ninguna tonelada está verificada por un tercero en su camino al destino."));
        else
            out.push_back(text.pick("Only ", "Solo el ") + text.percent(best) +
                          text.pick(" of the input is independently verified on every hop back to ",
                                    " de la entrada está verificado por un tercero en cada tramo hasta el ") +
                          stageName(text, bestStage) + ".");
    }
    return out;
}

}  // namespace traza::risk
