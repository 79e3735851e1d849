#include "answers_text.h"

#include <sstream>

#include "chain_value_labels.h"
#include "questionnaire_texts.h"

namespace traza::reports {
namespace {

namespace q = model::questionnaire;

std::string inQuotes(const std::string& s) { return "\"" + s + "\""; }

std::string quotedJoined(const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : "; ") + p;
    return inQuotes(s);
}

std::string answerNumber(double v) {
    std::ostringstream out;
    out.precision(12);
    out << v;
    return out.str();
}

// "  status: Not started -> Done" when the values differ.
void change(std::ostringstream& out, std::string_view lang, std::string_view key, const std::string& from, const std::string& to) {
    if (from != to) out << "  " << questionnaireText(key, lang) << ": " << from << " -> " << to << "\n";
}

}  // namespace

std::string describeAnswers(const q::Answers& a, const model::Project& project, const std::string& fileName, std::string_view lang) {
    const ChainValueLabels labels(lang, project.catalogue);
    const model::Actor* supplier = project.findActor(a.identity.supplier);
    std::ostringstream out;
    out << questionnaireText("diff.head", lang, {fileName, supplier ? supplier->name : a.identity.supplier, a.identity.supplier, a.identity.generated})
        << "\n";
    for (const q::ItemChange& c : a.items) {
        out << questionnaireText("diff.item", lang, {c.after.id}) << "\n";
        change(out, lang, "diff.status", q::statusWord(c.before.status, lang), q::statusWord(c.after.status, lang));
        change(out, lang, "diff.evidence", inQuotes(c.before.evidence), inQuotes(c.after.evidence));
        change(out, lang, "diff.documents", quotedJoined(c.before.documents), quotedJoined(c.after.documents));
        change(out, lang, "diff.owner", inQuotes(c.before.owner), inQuotes(c.after.owner));
        change(out, lang, "diff.due", inQuotes(c.before.due), inQuotes(c.after.due));
    }
    const auto tonnes = [&](const model::Flow& f) { return f.tonnesUnknown ? questionnaireText("diff.unknown", lang) : answerNumber(f.tonnes); };
    const auto evidence = [&](const model::Flow& f) { return labels.label(model::Vocabulary::Evidence, std::string(model::toString(f.evidence))); };
    const auto documents = [&](const model::Flow& f) {
        std::vector<std::string> names;
        for (const std::string& d : f.documents) names.push_back(labels.label(model::Vocabulary::DocumentTypes, d));
        return quotedJoined(names);
    };
    for (const q::FlowChange& c : a.flows) {
        out << questionnaireText("diff.flow", lang, {c.after.id, c.after.from, c.after.to}) << "\n";
        change(out, lang, "diff.tonnes", tonnes(c.before), tonnes(c.after));
        change(out, lang, "diff.documented_t", answerNumber(c.before.documentedT), answerNumber(c.after.documentedT));
        change(out, lang, "diff.evidence_level", evidence(c.before), evidence(c.after));
        change(out, lang, "diff.documents", documents(c.before), documents(c.after));
    }
    if (a.empty()) out << questionnaireText("diff.none", lang) << "\n";
    else out << questionnaireText("diff.count", lang, {std::to_string(a.items.size()), std::to_string(a.flows.size())}) << "\n";
    return out.str();
}

}  // namespace traza::reports
