#include "chain_json_flat.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "due_diligence_status.h"
#include "interchange/chain_fields.h"

namespace traza::model {
namespace {

using Kind = FlatValue::Kind;

// Thrown where the strict reader could throw: the object is not taken.
struct NotTaken {};

// The keys JSON allows for a record: the table's, with dates nested in "period".
template <typename Field>
std::vector<std::string_view> jsonKeys(const std::vector<Field>& fields) {
    std::vector<std::string_view> keys;
    for (const Field& f : fields)
        if (f.type != FieldType::Date) keys.push_back(f.key);
        else if (std::find(keys.begin(), keys.end(), "period") == keys.end()) keys.push_back("period");
    return keys;
}

// The accessors of JsonObjectReader, on a slot.
std::string text(const FlatValue& v, bool required = false) {
    if (!v.present()) {
        if (required) throw NotTaken{};
        return {};
    }
    if (v.kind != Kind::String) throw NotTaken{};
    return v.text;
}

double number(const FlatValue& v, bool required = false) {
    if (!v.present()) {
        if (required) throw NotTaken{};
        return 0;
    }
    if (!v.isNumber()) throw NotTaken{};
    return v.asDouble();
}

int integer(const FlatValue& v) {
    if (!v.present()) return 0;
    if (!v.isNumber()) throw NotTaken{};
    const double d = v.asDouble();
    if (v.kind == Kind::Float && d != std::floor(d)) throw NotTaken{};
    if (d < INT_MIN || d > INT_MAX) throw NotTaken{};
    if (v.kind == Kind::Float) return static_cast<int>(d);
    return v.kind == Kind::Integer ? static_cast<int>(v.integer) : static_cast<int>(v.unsigned_);
}

bool boolean(const FlatValue& v) {
    if (!v.present()) return false;
    if (v.kind != Kind::Boolean) throw NotTaken{};
    return v.boolean;
}

std::vector<std::string> texts(const FlatValue& v) {
    if (!v.present()) return {};
    if (v.kind != Kind::Strings) throw NotTaken{};
    return v.texts;
}

template <typename E, typename Parse>
E enumeration(const FlatValue& v, E fallback, Parse parse) {
    if (!v.present()) return fallback;
    if (auto e = parse(text(v))) return *e;
    throw NotTaken{};
}

// readField of chain_json.cpp.
template <typename Field>
FieldValue readField(const FlatValue& v, const Field& f) {
    switch (f.type) {
        case FieldType::Number: return number(v, f.required);
        case FieldType::Integer: return integer(v);
        case FieldType::Boolean: return boolean(v);
        case FieldType::List: return texts(v);
        case FieldType::Enumeration:
            switch (f.vocabulary) {
                case Vocabulary::ActorKind: return std::string(toString(enumeration(v, ActorKind::Other, parseActorKind)));
                case Vocabulary::Formality: return std::string(toString(enumeration(v, Formality::Informal, parseFormality)));
                case Vocabulary::Evidence: return std::string(toString(enumeration(v, Evidence::None, parseEvidence)));
                case Vocabulary::Payment: return std::string(toString(enumeration(v, Payment::Unknown, parsePayment)));
                default: return text(v);
            }
        default: return text(v, f.required);
    }
}

// The slot of each field of the table (-1 for dates, read from "period").
template <typename Field>
std::vector<int> slotsOf(const std::vector<Field>& fields, const FlatJsonObject& o) {
    std::vector<int> slots;
    for (const Field& f : fields) slots.push_back(f.type == FieldType::Date ? -1 : o.slotOf(f.key));
    return slots;
}

// readFields of chain_json.cpp.
template <typename Record, typename Field>
void readFields(const FlatJsonObject& o, const std::vector<Field>& fields, const std::vector<int>& slots, Record& record,
                std::string_view skip = {}) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Field& f = fields[i];
        if (f.type == FieldType::Date || f.key == skip) continue;
        const FlatValue& v = o.slot(static_cast<std::size_t>(slots[i]));
        if (!v.present() && !f.required) continue;
        if (!v.present() && f.vocabulary == Vocabulary::ActorKind) throw NotTaken{};
        f.set(record, readField(v, f));
    }
}

}  // namespace

const std::vector<std::string_view>& actorJsonKeys() {
    // The table's keys plus those spreadsheets do not carry: the actor's own due
    // diligence (issue 16), whether it makes claims (issue #20), its suspension (#19).
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k = jsonKeys(actorFields());
        k.insert(k.end(), {"dd_status", "coc_certification", "makes_claims", "suspended_from"});
        return k;
    }();
    return keys;
}

const std::vector<std::string_view>& flowJsonKeys() {
    static const std::vector<std::string_view> keys = jsonKeys(flowFields());
    return keys;
}

std::optional<Actor> readFlatActor(FlatJsonObject& o, std::string_view fragment) {
    if (!o.parse(fragment)) return std::nullopt;
    static const std::vector<int> slots = slotsOf(actorFields(), o);
    try {
        Actor a;
        readFields(o, actorFields(), slots, a);
        a.ddStatus = enumeration(o["dd_status"], DueDiligenceStatus::None, parseDueDiligenceStatus);
        a.cocCertification = text(o["coc_certification"]);
        // readActorClaims
        if (o["makes_claims"].present()) a.makesClaims = boolean(o["makes_claims"]);
        if (o["claim_yield"].present()) {
            a.claimYield = number(o["claim_yield"]);
            if (!(a.claimYield > 0 && a.claimYield <= 1)) return std::nullopt;
        }
        a.claimProfile = text(o["claim_profile"]);
        if (o["claim_profile"].present() && a.claimProfile.empty()) return std::nullopt;
        a.suspendedFrom = text(o["suspended_from"]);
        if (!completeActorStage(a, o["stage"].present())) return std::nullopt;
        return a;
    } catch (const NotTaken&) {
        return std::nullopt;
    }
}

std::optional<Flow> readFlatFlow(FlatJsonObject& o, std::string_view fragment, FlowKeysGiven& given) {
    if (!o.parse(fragment)) return std::nullopt;
    static const std::vector<int> slots = slotsOf(flowFields(), o);
    try {
        Flow f;
        // "tonnes": null is an unknown amount; no "tonnes" is left to the records.
        const FlatValue& tonnes = o["tonnes"];
        f.tonnesUnknown = tonnes.kind == Kind::Null;
        given = {tonnes.present(), o["documented_t"].present(), o["evidence"].present()};
        readFields(o, flowFields(), slots, f, f.tonnesUnknown || !tonnes.present() ? "tonnes" : "");
        if (const FlatValue& period = o["period"]; period.present()) {
            if (period.kind != Kind::Object) return std::nullopt;
            for (const auto& [key, value] : period.members) {
                if (key == "start") f.periodStart = value;
                else if (key == "end") f.periodEnd = value;
                else return std::nullopt;
            }
        }
        return f;
    } catch (const NotTaken&) {
        return std::nullopt;
    }
}

}  // namespace traza::model
