#include "chain_records.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace traza::bench::detail {
namespace {

struct City {
    const char* name;
    double weight;  // rough share of the country's collection
};

constexpr std::array kCities{
    City{"Bogotá", 16}, City{"Medellín", 8},   City{"Cali", 6},      City{"Barranquilla", 5}, City{"Cartagena", 3},
    City{"Cúcuta", 2.5}, City{"Bucaramanga", 2.5}, City{"Soacha", 2}, City{"Ibagué", 2},     City{"Soledad", 2},
    City{"Santa Marta", 1.6}, City{"Villavicencio", 1.6}, City{"Pereira", 1.5}, City{"Bello", 1.5},
    City{"Valledupar", 1.5}, City{"Montería", 1.5}, City{"Pasto", 1.4}, City{"Manizales", 1.3},
    City{"Neiva", 1.2}, City{"Palmira", 1.1}, City{"Armenia", 1.0}, City{"Popayán", 1.0}, City{"Sincelejo", 0.9},
    City{"Tunja", 0.6}, City{"Riohacha", 0.6}, City{"Florencia", 0.5}, City{"Quibdó", 0.4}, City{"Yopal", 0.4},
};

constexpr std::array kRefinerCountries{"BR", "BR", "BR", "US", "MX", "DE", "KR", "IN", "CN", "ES"};

std::string padded(const char* prefix, std::size_t number, std::size_t width) {
    std::string digits = std::to_string(number);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return prefix + digits;
}

model::Evidence pick(RandomSource& r, std::initializer_list<std::pair<model::Evidence, double>> table) {
    double u = r.uniform();
    for (const auto& [level, p] : table) {
        if (u < p) return level;
        u -= p;
    }
    return model::Evidence::None;
}

double round1(double x) { return std::round(x * 10) / 10; }

}  // namespace

double kilograms(double tonnes) { return std::max(0.001, std::round(tonnes * 1000) / 1000); }

std::size_t drawRegion(RandomSource& r) {
    double total = 0;
    for (const City& c : kCities) total += c.weight;
    double u = r.uniform() * total;
    for (std::size_t i = 0; i < kCities.size(); ++i) {
        if (u < kCities[i].weight) return i;
        u -= kCities[i].weight;
    }
    return kCities.size() - 1;
}

const char* regionName(std::size_t region) { return kCities[region % kCities.size()].name; }

std::size_t regionCount() { return kCities.size(); }

model::Actor makeActor(Tier tier, std::size_t number, std::size_t width, std::size_t region, RandomSource& r) {
    using model::ActorKind;
    using model::Formality;
    model::Actor a;
    a.country = "CO";
    a.region = regionName(region);
    auto factor = [&](const char* id, double p) {
        if (r.chance(p)) a.riskFactors.push_back(id);
    };
    switch (tier) {
        case Tier::Picker:
            a.id = padded("pg", number, width);
            a.name = "Picker group " + std::to_string(number) + ", " + a.region;
            a.kind = ActorKind::WastePicker;
            a.formality = r.chance(0.9) ? Formality::Informal : Formality::SemiFormal;
            a.headcount = 3 + static_cast<int>(r.skewed(58));
            factor("informal_status", 0.7);
            factor("below_living_income", 0.6);
            factor("no_protective_equipment", 0.3);
            factor("open_burning", 0.01);
            factor("child_labour", 0.005);
            break;
        case Tier::Organisation:
            a.id = padded("org", number, width);
            a.name = "Recyclers' organisation " + std::to_string(number) + " (" + a.region + ")";
            a.kind = ActorKind::PickerOrganisation;
            a.formality = r.chance(0.65) ? Formality::SemiFormal : (r.chance(0.5) ? Formality::Formal : Formality::Informal);
            a.publicServiceProvider = r.chance(0.6);
            factor("cash_payments", 0.3);
            factor("no_invoice", 0.1);
            break;
        case Tier::Intermediary:
            a.id = padded("int", number, width);
            a.name = "Scrap dealer " + std::to_string(number) + " (" + a.region + ")";
            a.kind = ActorKind::Intermediary;
            a.formality = r.chance(0.5) ? Formality::Informal : (r.chance(0.6) ? Formality::SemiFormal : Formality::Formal);
            factor("cash_payments", 0.7);
            factor("no_invoice", 0.3);
            factor("refuses_information", 0.2);
            factor("unknown_upstream", 0.15);
            factor("infrastructure_scrap", 0.02);
            factor("cut_or_burned_material", 0.01);
            break;
        case Tier::Exporter:
            a.id = padded("exp", number, width);
            a.name = "Exporter " + std::to_string(number);
            a.kind = ActorKind::Exporter;
            a.formality = Formality::Formal;
            factor("cash_payments", 0.05);
            break;
        case Tier::Refiner:
            a.id = padded("ref", number, width);
            a.name = "Remelter " + std::to_string(number);
            a.kind = ActorKind::Refiner;
            a.formality = Formality::Formal;
            a.country = kRefinerCountries[number % kRefinerCountries.size()];
            a.region.clear();
            break;
    }
    a.stage = model::defaultStage(a.kind);
    return a;
}

void fillFlow(model::Flow& f, LinkKind kind, bool sellerIsPublicService, RandomSource& r) {
    using model::Evidence;
    using model::Payment;
    f.material = "UBC";
    f.typology = "rrrm-4";
    double documented = 0;  // fraction of the tonnes with documents, when evidence > none
    switch (kind) {
        case LinkKind::FirstMile:
            f.evidence = pick(r, {{Evidence::SelfDeclared, 0.55}, {Evidence::Reported, 0.05}});
            documented = r.between(0.02, 0.3);
            if (f.evidence != Evidence::None)
                f.documents.push_back(sellerIsPublicService ? "mass_balance_report" : "collection_record");
            f.payment = Payment::Cash;
            f.pricePerT = std::round(r.between(2.8e6, 4.2e6) / 1000) * 1000;
            break;
        case LinkKind::SecondBuyer:
            f.evidence = r.chance(0.15) ? Evidence::SelfDeclared : Evidence::None;
            documented = r.between(0.0, 0.1);
            f.payment = Payment::Cash;
            if (r.chance(0.05)) f.typology.clear();
            break;
        case LinkKind::OrgToExporter:
            f.evidence = pick(r, {{Evidence::Documented, 0.65}, {Evidence::Reported, 0.15}, {Evidence::Verified, 0.1},
                                  {Evidence::SelfDeclared, 0.1}});
            documented = r.between(0.85, 1.0);
            f.documents = {"electronic_invoice", "delivery_receipt"};
            if (r.chance(0.5)) f.documents.push_back("weighing_ticket");
            f.payment = r.chance(0.8) ? Payment::Credit : Payment::Cash;
            f.pricePerT = std::round(r.between(4.5e6, 5.5e6) / 1000) * 1000;
            if (sellerIsPublicService && r.chance(0.2)) f.typology = "rrrm-3";
            break;
        case LinkKind::OrgToIntermediary:
            f.evidence = r.chance(0.6) ? Evidence::None : Evidence::SelfDeclared;
            documented = r.between(0.0, 0.3);
            if (r.chance(0.4)) f.documents.push_back("cash_receipt");
            f.payment = Payment::Cash;
            break;
        case LinkKind::IntermediaryToExporter:
            f.evidence = pick(r, {{Evidence::Reported, 0.4}, {Evidence::Documented, 0.4}});
            documented = r.between(0.3, 0.9);
            if (f.evidence == Evidence::Documented) f.documents.push_back("electronic_invoice");
            if (r.chance(0.5)) f.documents.push_back("cash_receipt");
            f.payment = r.chance(0.5) ? Payment::Cash : Payment::Credit;
            if (r.chance(0.2)) f.typology.clear();  // the dealer mixes what it buys
            break;
        case LinkKind::Return:
            f.evidence = r.chance(0.7) ? Evidence::None : Evidence::SelfDeclared;
            documented = r.between(0.0, 0.5);
            f.payment = Payment::Cash;
            break;
        case LinkKind::Export:
            f.evidence = pick(r, {{Evidence::Reported, 0.7}, {Evidence::Documented, 0.22}, {Evidence::Verified, 0.08}});
            documented = r.between(0.9, 1.0);
            f.documents = {"customs_export_declaration", "bill_of_lading"};
            if (f.evidence >= Evidence::Documented) f.documents.push_back("electronic_invoice");
            if (f.evidence == Evidence::Verified) f.documents.push_back("certificate");
            f.payment = Payment::Credit;
            f.pricePerT = std::round(r.between(6.0e6, 7.5e6) / 1000) * 1000;
            if (r.chance(0.1)) f.typology = "rrrm-3";
            break;
    }
    f.documentedT = f.evidence == Evidence::None ? 0.0 : std::min(f.tonnes, std::round(f.tonnes * documented * 1000) / 1000);
}

void addChecklists(model::Project& p, const std::vector<std::size_t>& suppliers, RandomSource& r) {
    std::vector<int> supplierSteps;
    for (const auto& s : p.catalogue.checklistSteps)
        if (s.scope == "supplier") supplierSteps.push_back(s.step);
    auto status = [&](double progress) {
        const double u = r.uniform();
        if (u < progress) return model::ItemStatus::Done;
        if (u < progress + 0.25) return model::ItemStatus::InProgress;
        return u < 0.97 ? model::ItemStatus::NotStarted : model::ItemStatus::NotApplicable;
    };
    model::Checklist assessment;
    assessment.scope = model::Checklist::kAssessmentScope;
    for (const auto& item : p.catalogue.checklistItems)
        if (std::find(supplierSteps.begin(), supplierSteps.end(), item.step) == supplierSteps.end())
            assessment.items.push_back({item.id, status(0.5), "Policy and reporting records reviewed.", {}, "Due diligence team", ""});
    p.checklists.push_back(std::move(assessment));

    for (std::size_t index : suppliers) {
        const model::Actor& a = p.actors[index];
        model::Checklist c;
        c.scope = a.id;
        const double progress = a.kind == model::ActorKind::Exporter ? 0.6 : 0.3;
        for (const auto& item : p.catalogue.checklistItems) {
            if (std::find(supplierSteps.begin(), supplierSteps.end(), item.step) == supplierSteps.end()) continue;
            model::ChecklistItem it{item.id, status(progress), "", {}, "Field team " + std::string(a.region), ""};
            if (it.status == model::ItemStatus::Done) {
                it.evidence = "Visit report and supplier questionnaire on file.";
                it.documents = {"visit-" + a.id + "-" + item.id + ".pdf"};
            } else if (it.status != model::ItemStatus::NotApplicable) {
                it.due = r.chance(0.5) ? "2026-03-31" : "2026-06-30";
            }
            c.items.push_back(std::move(it));
        }
        p.checklists.push_back(std::move(c));
    }
}

void addGoal(model::Project& p, const model::Actor& org, const std::string& buyer, double deliveredT, RandomSource& r) {
    const double goal = std::max(0.3, round1(deliveredT * r.between(0.8, 1.3)));
    p.goals.push_back({org.id, buyer, {round1(goal * 0.6), round1(goal * 0.8), goal}, ""});
    if (!r.chance(0.6)) return;
    static constexpr std::array kTypes{"equipment", "family_welfare_voucher", "experiential_outing"};
    const int reached = deliveredT >= goal ? 3 : deliveredT >= goal * 0.8 ? 2 : deliveredT >= goal * 0.6 ? 1 : 0;
    for (int t = 1; t <= reached; ++t) {
        const int count = 10 + static_cast<int>(r.below(140));
        p.supports.push_back({org.id, kTypes[t - 1], t, org.region, count, count * 4 / 5, count * 120'000.0, ""});
    }
}

}  // namespace traza::bench::detail
