#include "framework_file.h"

#include <nlohmann/json.hpp>

#include "catalogue_section.h"
#include "claim_profiles.h"
#include "error.h"
#include "json_parse.h"
#include "json_reader.h"
#include "text_file.h"

namespace traza::model {
namespace {

constexpr const char* kFormat = "traza-catalogue";
constexpr int kVersion = 1;

}  // namespace

FrameworkImport importFramework(std::string_view text, const Catalogue& base) {
    const nlohmann::json doc = parseJsonDocument(text);
    if (!doc.is_object()) throw InvalidInput("", "the document must be a JSON object {\"format\": \"traza-catalogue\", ...}");
    JsonObjectReader top(doc, "", {"format", "version", "catalogue"});
    if (top.text("format") != kFormat)
        throw InvalidInput("format", std::string("must be \"") + kFormat + "\" (a framework file written by traza-cli catalogue export)");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() != kVersion)
        throw InvalidInput("version", "must be 1 (this Traza reads version 1 framework files)");
    if (!doc.contains("catalogue")) throw InvalidInput("catalogue", "missing");
    FrameworkImport out{base, {}};
    out.catalogue = readCatalogueSection(doc["catalogue"], base, "catalogue", &out.changes);
    return out;
}

FrameworkImport readFrameworkFile(const std::filesystem::path& file, const Catalogue& base) {
    const std::string text = readTextFile(file, maxFrameworkBytes, "a framework file");
    try {
        return importFramework(text, base);
    } catch (const InvalidInput& e) {
        throw InvalidInput(e.where().empty() ? file.string() : file.string() + ": " + e.where(), e.reason());
    }
}

std::string frameworkJson(const Catalogue& project, const Catalogue& installed, bool all) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["format"] = kFormat;
    doc["version"] = kVersion;
    doc["catalogue"] = all ? allEntries(project) : ownEntries(project, installed);
    const std::vector<ClaimProfileEntry> profiles = all ? claimProfiles(project) : ownClaimProfiles(project, installed);
    if (!profiles.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const ClaimProfileEntry& p : profiles) list.push_back(nlohmann::ordered_json::parse(claimProfileJson(p).dump()));
        doc["catalogue"]["claim_profiles"] = std::move(list);
    }
    return doc.dump(2) + "\n";
}

}  // namespace traza::model
