#pragma once
// Checklist templates (issue #18): several due-diligence frameworks side by side.
// The default, "oecd_rbc" (the OECD six steps of responsible business conduct),
// is data/catalogue/checklist_template.json, top-level "steps" and "entries"
// (the items), as every project has copied it. The others are the entries of
// data/catalogue/checklist_templates.json (installed: "oecd_minerals"), each
//   {"id", "name", "description", "retired", "steps": [...], "items": [...]}
// with steps and items shaped as in checklist_template.json. A project's own
// come in chain JSON "catalogue": {"checklist_templates": [...]}; an entry with
// the id of an existing template replaces it, the default included. A project
// copied before templates existed has no checklist_templates text: it has the
// default template only.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "catalogue.h"

namespace traza::model {

class EntryReader;

/// The catalogue file stem (and chain JSON key) of the templates beside the default.
inline constexpr const char* kChecklistTemplatesList = "checklist_templates";

/// Every template of catalogue texts (stem -> JSON text): the default from
/// "checklist_template", then the entries of "checklist_templates" when the
/// texts have it, one with an id already seen replacing that template. Throws
/// InvalidInput naming the file and JSON path of a malformed entry.
std::vector<ChecklistTemplate> readChecklistTemplates(const std::map<std::string, std::string>& texts);

/// One entry of "checklist_templates" at `path` (`file` empty outside a file).
/// Unknown keys, a step number that is not a whole number >= 1 or repeats, a
/// scope other than assessment/supplier, a repeated item id and an item of no
/// step of the template throw InvalidInput naming the JSON path.
ChecklistTemplate readChecklistTemplate(const nlohmann::json& entry, const std::string& file, const std::string& path);

/// One item, as checklist_template.json and template entries hold it.
ChecklistItemTemplate readChecklistItem(const EntryReader& r);

/// The default template as a "checklist_templates" entry, built from the
/// "checklist_template" text (to replace it by id and to export a whole framework).
nlohmann::ordered_json defaultTemplateEntry(const std::string& checklistTemplateText);

}  // namespace traza::model
