// questionnaireAnswers: a returned supplier questionnaire read against the
// CARE pilot sample (see fuzz_entry_points.h).
#include <filesystem>
#include <string>
#include <string_view>

#include "answers_reader.h"
#include "apply_answers.h"
#include "catalogue.h"
#include "chain_json.h"
#include "error.h"
#include "fuzz_entry_points.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "validation.h"

namespace traza::fuzz {
namespace {

void requireAnswers(bool ok, const std::string& what) {
    if (!ok) throw InvariantBroken(what);
}

const model::Project& careProject() {
    static const model::Project p = model::readProjectJson(model::dataDirectory() / "samples" / "care-pilot-2025.json",
                                                           model::Catalogue::installed());
    return p;
}

}  // namespace

void questionnaireAnswers(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    model::SpreadsheetLimits limits;  // as xlsxImport's: small enough for the fuzzer's memory
    limits.maxEntryBytes = 32 << 20;
    limits.maxTotalBytes = 64 << 20;
    limits.ratioCheckFrom = 1 << 20;
    limits.maxSheets = 100;
    limits.maxSharedStrings = 100'000;
    limits.maxSharedStringBytes = 16 << 20;
    limits.maxCells = 200'000;
    const model::Project& project = careProject();
    model::questionnaire::Answers answers;
    try {
        const model::Workbook book = model::workbookFromSpreadsheet(bytes, "q.xlsx", limits);
        answers = model::questionnaire::readAnswers(project, book, "q.xlsx", "2026-12-03");
    } catch (const Error&) {
        return;  // refused cleanly
    }
    // Accepted: applying gives a valid project, reverting gives the same one back,
    // and reading the same answers against the result changes nothing more.
    model::Project p = project;
    model::questionnaire::ApplyAnswers command(answers);
    command.apply(p);
    const auto issues = model::validateProject(p);
    requireAnswers(issues.empty(), "answers made the project invalid: " + (issues.empty() ? "" : issues.front().path + ": " + issues.front().reason));
    for (const auto& c : answers.flows) requireAnswers(c.after.documentedT <= c.after.tonnes || c.after.tonnesUnknown, "documented > tonnes accepted");
    command.revert(p);
    requireAnswers(p.checklists == project.checklists && p.flows == project.flows, "revert did not restore the project");
}

}  // namespace traza::fuzz
