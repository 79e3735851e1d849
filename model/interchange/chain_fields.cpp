#include "chain_fields.h"

#include <algorithm>

namespace traza::model {
namespace {

// Accessors as captureless lambdas, so the tables are plain constant data.
template <typename T>
T take(FieldValue&& v) { return std::get<T>(std::move(v)); }

}  // namespace

const std::vector<ActorField>& actorFields() {
    using V = FieldValue;
    static const std::vector<ActorField> fields{
        {"id", FieldType::Text, true, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.id = take<std::string>(std::move(v)); }, [](const Actor& a) { return V(a.id); }},
        {"name", FieldType::Text, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.name = take<std::string>(std::move(v)); }, [](const Actor& a) { return V(a.name); }},
        {"kind", FieldType::Enumeration, true, Vocabulary::ActorKind, false,
         [](Actor& a, V&& v) { a.kind = parseActorKind(std::get<std::string>(v)).value_or(ActorKind::Other); },
         [](const Actor& a) { return V(std::string(toString(a.kind))); }},
        {"stage", FieldType::Integer, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.stage = std::get<int>(v); }, [](const Actor& a) { return V(a.stage); }},
        {"country", FieldType::Text, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.country = take<std::string>(std::move(v)); }, [](const Actor& a) { return V(a.country); }},
        {"region", FieldType::Text, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.region = take<std::string>(std::move(v)); }, [](const Actor& a) { return V(a.region); }},
        {"formality", FieldType::Enumeration, false, Vocabulary::Formality, false,
         [](Actor& a, V&& v) { a.formality = parseFormality(std::get<std::string>(v)).value_or(Formality::Informal); },
         [](const Actor& a) { return V(std::string(toString(a.formality))); }},
        {"headcount", FieldType::Integer, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.headcount = std::get<int>(v); }, [](const Actor& a) { return V(a.headcount); }},
        {"capacity_t", FieldType::Number, false, Vocabulary::None, true,
         [](Actor& a, V&& v) { a.capacityT = std::get<double>(v); }, [](const Actor& a) { return V(a.capacityT); }},
        {"stock_change_t", FieldType::Number, false, Vocabulary::None, true,
         [](Actor& a, V&& v) { a.stockChangeT = std::get<double>(v); }, [](const Actor& a) { return V(a.stockChangeT); }},
        {"loss_t", FieldType::Number, false, Vocabulary::None, true,
         [](Actor& a, V&& v) { a.lossT = std::get<double>(v); }, [](const Actor& a) { return V(a.lossT); }},
        {"public_service_provider", FieldType::Boolean, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.publicServiceProvider = std::get<bool>(v); },
         [](const Actor& a) { return V(a.publicServiceProvider); }},
        {"risk_factors", FieldType::List, false, Vocabulary::RiskFactors, false,
         [](Actor& a, V&& v) { a.riskFactors = take<std::vector<std::string>>(std::move(v)); },
         [](const Actor& a) { return V(a.riskFactors); }},
        {"notes", FieldType::Text, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.notes = take<std::string>(std::move(v)); }, [](const Actor& a) { return V(a.notes); }},
        // Uncertainty (issue #21), last so that sheets keep their earlier columns.
        {"stock_change_sd_t", FieldType::Number, false, Vocabulary::None, true,
         [](Actor& a, V&& v) { a.stockChangeSdT = std::get<double>(v); }, [](const Actor& a) { return V(a.stockChangeSdT); }},
        {"loss_sd_t", FieldType::Number, false, Vocabulary::None, true,
         [](Actor& a, V&& v) { a.lossSdT = std::get<double>(v); }, [](const Actor& a) { return V(a.lossSdT); }},
        // Claims (issue #20): 0 / empty = not set. makes_claims stays out of
        // sheets (a cell cannot say "by kind"); chain JSON carries it.
        {"claim_yield", FieldType::Number, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.claimYield = std::get<double>(v); }, [](const Actor& a) { return V(a.claimYield); }},
        {"claim_profile", FieldType::Text, false, Vocabulary::None, false,
         [](Actor& a, V&& v) { a.claimProfile = take<std::string>(std::move(v)); },
         [](const Actor& a) { return V(a.claimProfile); }},
    };
    return fields;
}

const std::vector<FlowField>& flowFields() {
    using V = FieldValue;
    static const std::vector<FlowField> fields{
        {"id", FieldType::Text, true, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.id = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.id); }},
        {"from", FieldType::Text, true, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.from = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.from); }},
        {"to", FieldType::Text, true, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.to = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.to); }},
        {"material", FieldType::Text, false, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.material = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.material); }},
        {"tonnes", FieldType::Number, true, Vocabulary::None, true,
         [](Flow& f, V&& v) { f.tonnes = std::get<double>(v); }, [](const Flow& f) { return V(f.tonnes); }},
        {"documented_t", FieldType::Number, false, Vocabulary::None, true,
         [](Flow& f, V&& v) { f.documentedT = std::get<double>(v); }, [](const Flow& f) { return V(f.documentedT); }},
        {"evidence", FieldType::Enumeration, false, Vocabulary::Evidence, false,
         [](Flow& f, V&& v) { f.evidence = parseEvidence(std::get<std::string>(v)).value_or(Evidence::None); },
         [](const Flow& f) { return V(std::string(toString(f.evidence))); }},
        {"documents", FieldType::List, false, Vocabulary::DocumentTypes, false,
         [](Flow& f, V&& v) { f.documents = take<std::vector<std::string>>(std::move(v)); },
         [](const Flow& f) { return V(f.documents); }},
        {"payment", FieldType::Enumeration, false, Vocabulary::Payment, false,
         [](Flow& f, V&& v) { f.payment = parsePayment(std::get<std::string>(v)).value_or(Payment::Unknown); },
         [](const Flow& f) { return V(std::string(toString(f.payment))); }},
        {"price_per_t", FieldType::Number, false, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.pricePerT = std::get<double>(v); }, [](const Flow& f) { return V(f.pricePerT); }},
        {"typology", FieldType::Enumeration, false, Vocabulary::Typology, false,
         [](Flow& f, V&& v) { f.typology = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.typology); }},
        {"period_start", FieldType::Date, false, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.periodStart = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.periodStart); }},
        {"period_end", FieldType::Date, false, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.periodEnd = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.periodEnd); }},
        {"notes", FieldType::Text, false, Vocabulary::None, false,
         [](Flow& f, V&& v) { f.notes = take<std::string>(std::move(v)); }, [](const Flow& f) { return V(f.notes); }},
        // Uncertainty (issue #21), last so that sheets keep their earlier columns.
        {"sd_t", FieldType::Number, false, Vocabulary::None, true,
         [](Flow& f, V&& v) { f.sdT = std::get<double>(v); }, [](const Flow& f) { return V(f.sdT); }},
        // Claims (issue #20): tonnes sold with a claim; 0 = none.
        {"claimed_t", FieldType::Number, false, Vocabulary::None, true,
         [](Flow& f, V&& v) { f.claimedT = std::get<double>(v); }, [](const Flow& f) { return V(f.claimedT); }},
    };
    return fields;
}

const ActorField* findActorField(std::string_view key) {
    const auto& fields = actorFields();
    auto it = std::find_if(fields.begin(), fields.end(), [&](const ActorField& f) { return f.key == key; });
    return it == fields.end() ? nullptr : &*it;
}

const FlowField* findFlowField(std::string_view key) {
    const auto& fields = flowFields();
    auto it = std::find_if(fields.begin(), fields.end(), [&](const FlowField& f) { return f.key == key; });
    return it == fields.end() ? nullptr : &*it;
}

bool completeActorStage(Actor& a, bool stageGiven) {
    if (stageGiven) return true;
    if (a.kind == ActorKind::Other) return false;
    a.stage = defaultStage(a.kind);
    return true;
}

}  // namespace traza::model
