#include "graph_export.h"

#include <charconv>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "utf8.h"

namespace traza::reports {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Locale-independent shortest round-trip form ("173.8", "1e+300").
std::string number(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string commaJoined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Well-formed UTF-8 without the C0 controls XML 1.0 forbids (tab, LF, CR stay).
std::string clean(const std::string& text) {
    std::string out;
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto bad = model::firstInvalidUtf8(rest);
        const std::string_view good = rest.substr(0, bad.value_or(rest.size()));
        for (char c : good) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += kReplacement;
            else out += c;
        }
        if (!bad) break;
        out += kReplacement;
        rest.remove_prefix(*bad + 1);
    }
    return out;
}

// One attribute of a node or an edge: GraphML key name and type, and its value.
struct Attribute {
    const char* name;
    const char* type;  ///< GraphML attr.type: string, int, double, boolean
    std::string value;
};

std::string flowPeriod(const model::Flow& f, const model::Assessment& a) {
    const std::string& start = f.periodStart.empty() ? a.period.start : f.periodStart;
    const std::string& end = f.periodEnd.empty() ? a.period.end : f.periodEnd;
    return start.empty() && end.empty() ? std::string() : start + "/" + end;
}

// Analysis results by actor id, looked up once per actor (Analysis::actor() may scan).
class ResultIndex {
public:
    explicit ResultIndex(const risk::Analysis* a) : m_analysis(a) {
        if (a)
            for (const risk::ActorResult& r : a->actors) m_byId.emplace(r.id, &r);
    }
    const risk::Analysis* analysis() const { return m_analysis; }
    const risk::ActorResult* operator()(const std::string& id) const {
        auto it = m_byId.find(id);
        return it == m_byId.end() ? nullptr : it->second;
    }

private:
    const risk::Analysis* m_analysis;
    std::unordered_map<std::string, const risk::ActorResult*> m_byId;
};

// The attributes of an actor, in the order the keys are declared.
std::vector<Attribute> actorAttributes(const model::Actor& a, const ResultIndex& results) {
    std::vector<Attribute> out = {
        {"name", "string", a.name},
        {"kind", "string", std::string(model::toString(a.kind))},
        {"stage", "int", std::to_string(a.stage)},
        {"country", "string", a.country},
        {"region", "string", a.region},
        {"formality", "string", std::string(model::toString(a.formality))},
        {"headcount", "int", std::to_string(a.headcount)},
        {"capacity_t", "double", number(a.capacityT)},
        {"stock_change_t", "double", number(a.stockChangeT)},
        {"loss_t", "double", number(a.lossT)},
        {"public_service_provider", "boolean", a.publicServiceProvider ? "true" : "false"},
        {"risk_factors", "string", commaJoined(a.riskFactors)},
        {"notes", "string", a.notes},
    };
    if (results.analysis()) {
        const risk::ActorResult* r = results(a.id);
        out.push_back({"in_t", "double", r ? number(r->inT) : ""});
        out.push_back({"out_t", "double", r ? number(r->outT) : ""});
        out.push_back({"flow_share", "double", r ? number(r->flowShare) : ""});
        out.push_back({"choke_point", "boolean", r && r->chokePoint ? "true" : "false"});
        out.push_back({"risk_level", "string", r ? r->risk.level : ""});
    }
    return out;
}

std::vector<Attribute> flowAttributes(const model::Flow& f, const model::Assessment& assessment) {
    return {
        {"material", "string", f.material},
        {"tonnes", "double", number(f.tonnes)},
        {"documented_t", "double", number(f.documentedT)},
        {"period", "string", flowPeriod(f, assessment)},
        {"evidence", "string", std::string(model::toString(f.evidence))},
        {"documents", "string", commaJoined(f.documents)},
        {"payment", "string", std::string(model::toString(f.payment))},
        {"price_per_t", "double", number(f.pricePerT)},
        {"typology", "string", f.typology},
        {"notes", "string", f.notes},
    };
}

}  // namespace

std::string xmlEscape(const std::string& text) {
    std::string out;
    for (char c : clean(text)) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        // As character references, line breaks and tabs survive attribute-value
        // normalisation and CR/LF folding in every XML reader.
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += "&#9;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string dotEscape(const std::string& text) {
    std::string out;
    for (char c : clean(text)) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') continue;  // "\r\n" is one line break
        else out += c;
    }
    return out;
}

std::string chainGraphMl(const model::Project& p, const risk::Analysis* analysis) {
    std::string out;
    out.reserve(400 + p.actors.size() * 600 + p.flows.size() * 500);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    // Keys come from a template actor and flow, so declarations and data always agree.
    const ResultIndex results(analysis);
    const std::vector<Attribute> nodeKeys = actorAttributes(model::Actor{}, results);
    const std::vector<Attribute> edgeKeys = flowAttributes(model::Flow{}, p.assessment);
    for (const Attribute& k : nodeKeys)
        out += std::string("  <key id=\"n_") + k.name + "\" for=\"node\" attr.name=\"" + k.name +
               "\" attr.type=\"" + k.type + "\"/>\n";
    for (const Attribute& k : edgeKeys)
        out += std::string("  <key id=\"e_") + k.name + "\" for=\"edge\" attr.name=\"" + k.name +
               "\" attr.type=\"" + k.type + "\"/>\n";
    out += "  <graph id=\"chain\" edgedefault=\"directed\">\n";
    const auto data = [&out](const char* prefix, const Attribute& a) {
        // Empty optional numbers are left out rather than written as "" (not a double).
        if (a.value.empty() && std::string(a.type) != "string") return;
        out += std::string("      <data key=\"") + prefix + a.name + "\">" + xmlEscape(a.value) + "</data>\n";
    };
    for (const model::Actor& a : p.actors) {
        out += "    <node id=\"" + xmlEscape(a.id) + "\">\n";
        for (const Attribute& attr : actorAttributes(a, results)) data("n_", attr);
        out += "    </node>\n";
    }
    for (const model::Flow& f : p.flows) {
        out += "    <edge id=\"" + xmlEscape(f.id) + "\" source=\"" + xmlEscape(f.from) + "\" target=\"" +
               xmlEscape(f.to) + "\">\n";
        for (const Attribute& attr : flowAttributes(f, p.assessment)) data("e_", attr);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

std::string chainDot(const model::Project& p, const risk::Analysis* analysis) {
    std::string out;
    out.reserve(200 + p.actors.size() * 400 + p.flows.size() * 350);
    const auto q = [](const std::string& s) { return "\"" + dotEscape(s) + "\""; };
    const ResultIndex results(analysis);
    out += "digraph " + q(p.assessment.title.empty() ? "chain" : p.assessment.title) + " {\n";
    out += "  graph [rankdir=\"LR\", charset=\"UTF-8\"];\n";
    out += "  node [shape=\"box\", style=\"rounded\"];\n";
    for (const model::Actor& a : p.actors) {
        out += "  " + q(a.id) + " [label=" + q(a.name.empty() ? a.id : a.name);
        for (const Attribute& attr : actorAttributes(a, results)) out += std::string(", ") + attr.name + "=" + q(attr.value);
        out += "];\n";
    }
    for (const model::Flow& f : p.flows) {
        out += "  " + q(f.from) + " -> " + q(f.to) + " [id=" + q(f.id) + ", label=" + q(number(f.tonnes) + " t");
        for (const Attribute& attr : flowAttributes(f, p.assessment)) out += std::string(", ") + attr.name + "=" + q(attr.value);
        out += "];\n";
    }
    out += "}\n";
    return out;
}

}  // namespace traza::reports
