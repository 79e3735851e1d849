#pragma once
// Reference catalogues (data/catalogue/*.json): kinds, evidence levels, document
// types, typologies, the checklist templates, risk factors, red-flag rules.
// A project keeps its own copy (the raw JSON texts) so it opens the same way years later.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace traza::model {

/// Text in the two interface languages.
struct LocalText {
    std::string en;
    std::string es;
    /// The text in `lang` ("es" or anything else for English), falling back to English.
    const std::string& in(const std::string& lang) const { return (lang == "es" && !es.empty()) ? es : en; }
    bool operator==(const LocalText&) const = default;
};

struct CatalogueEntry {
    std::string id;
    LocalText name;
    LocalText description;
    /// Kept for the projects that use it, offered for no new use; a retired
    /// red-flag rule is not checked.
    bool retired = false;
};

struct ActorKindInfo : CatalogueEntry {
    int defaultStage = 0;
    double inherentRisk = 0.5;
};
struct EvidenceLevelInfo : CatalogueEntry {
    int rank = 0;
};
struct DocumentType : CatalogueEntry {
    std::string typicalEvidence;
};
struct Typology : CatalogueEntry {
    double baselineRisk = 0.5;
    std::string baselineLabel;
    LocalText expectedDueDiligence;
    LocalText sourceNote;
};
struct ChecklistStep {
    int step = 0;
    LocalText name;
    LocalText description;
    std::string scope;  ///< "assessment" or "supplier"
};
struct ChecklistItemTemplate : CatalogueEntry {
    int step = 0;
    bool onTheGround = false;  ///< needs a site visit or direct engagement
    std::string reference;     ///< the criterion the item serves ("OECD MG Annex I step 2.B"), or empty
};
/// A due-diligence framework's checklist (issue #18): its steps and items.
/// checklist_templates.h says where templates come from.
struct ChecklistTemplate {
    std::string id;  ///< "oecd_rbc", "oecd_minerals", or a project's own
    LocalText name;
    LocalText description;
    bool retired = false;  ///< kept for the checklists that follow it, offered for no new one
    std::vector<ChecklistStep> steps;
    std::vector<ChecklistItemTemplate> items;

    const ChecklistItemTemplate* item(const std::string& itemId) const;
    const ChecklistStep* step(int number) const;
    /// "assessment" or "supplier" for the item's step; empty for an unknown item.
    std::string scopeOf(const std::string& itemId) const;
};
/// The template a checklist naming none follows (older files, chain JSON without "template").
inline constexpr const char* kDefaultChecklistTemplate = "oecd_rbc";
struct RiskFactor : CatalogueEntry {
    std::string category;
    double weight = 0;
};
struct RedFlagRule : CatalogueEntry {
    std::string severity;  ///< low / medium / high / critical
    std::string category;
    std::string parametersJson;  ///< rule parameters, as JSON text
    LocalText explanation;       ///< sentence template with {actor}, {tonnes}, ...
};

class Catalogue {
public:
    /// File stems every complete catalogue has.
    static const std::vector<std::string>& requiredFiles();

    /// Parse catalogue texts (stem -> JSON text). Throws InvalidInput naming the
    /// file and JSON path on a malformed entry. Extra stems are kept and ignored.
    static Catalogue fromTexts(std::map<std::string, std::string> texts);
    /// Read every *.json of a directory (data/catalogue). Throws IoError / InvalidInput.
    static Catalogue loadDirectory(const std::filesystem::path& dir);
    /// Check one entry of a list (a file stem, e.g. "risk_factors") as fromTexts
    /// would, naming `path` (e.g. "catalogue.risk_factors[2]") in the message.
    /// Throws InvalidInput; an unknown stem is an error too.
    static void checkEntry(const std::string& stem, const nlohmann::json& entry, const std::string& path);
    /// The installed catalogue (see dataDirectory()); cached after the first load.
    static const Catalogue& installed();

    const std::map<std::string, std::string>& texts() const { return m_texts; }

    std::vector<ActorKindInfo> actorKinds;
    std::vector<EvidenceLevelInfo> evidenceLevels;
    std::vector<DocumentType> documentTypes;
    std::vector<Typology> typologies;
    /// Every checklist template, the default (kDefaultChecklistTemplate) first.
    std::vector<ChecklistTemplate> checklistTemplates;
    /// The default template's steps and items (older callers; a checklist's
    /// own template is checklistTemplate(checklist.templateId)).
    std::vector<ChecklistStep> checklistSteps;
    std::vector<ChecklistItemTemplate> checklistItems;
    std::vector<RiskFactor> riskFactors;
    std::vector<RedFlagRule> redFlagRules;

    const Typology* typology(const std::string& id) const;
    const RiskFactor* riskFactor(const std::string& id) const;
    /// An item of the default template.
    const ChecklistItemTemplate* checklistItem(const std::string& id) const;
    /// The template of that id (empty: the default), or nullptr.
    const ChecklistTemplate* checklistTemplate(const std::string& id) const;
    const RedFlagRule* redFlagRule(const std::string& id) const;
    const ActorKindInfo* actorKind(const std::string& id) const;
    const DocumentType* documentType(const std::string& id) const;

private:
    std::map<std::string, std::string> m_texts;
};

/// Where installed data lives: $TRAZA_DATA_DIR if set, else <exe>/../share/traza
/// if it exists, else the source tree's data/ (compiled in for the build tree).
std::filesystem::path dataDirectory();

}  // namespace traza::model
