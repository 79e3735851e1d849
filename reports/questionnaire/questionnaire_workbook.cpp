#include "questionnaire_workbook.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "atomic_output.h"
#include "chain_value_labels.h"
#include "error.h"
#include "labels.h"
#include "questionnaire_layout.h"
#include "questionnaire_texts.h"
#include "validation.h"
#include "workbook_writer.h"

namespace traza::reports {
namespace {

namespace q = model::questionnaire;
using model::Vocabulary;

struct Formats {
    lxw_format* title;
    lxw_format* paragraph;  ///< wrapped, locked
    lxw_format* header;     ///< bold, grey, locked
    lxw_format* locked;     ///< grey, locked
    lxw_format* lockedWrap;
    lxw_format* answer;     ///< unlocked text, "@" so typed text stays text
    lxw_format* answerWrap;
    lxw_format* tonnes;     ///< unlocked number
    lxw_format* date;       ///< unlocked date
};

lxw_format* makeFormat(Workbook& wb, bool unlocked, bool wrap = false) {
    lxw_format* f = wb.addFormat();
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (wrap) format_set_text_wrap(f);
    if (unlocked) {
        format_set_unlocked(f);
        format_set_border(f, LXW_BORDER_HAIR);
    } else {
        format_set_bg_color(f, 0xEDEDED);
    }
    return f;
}

Formats createFormats(Workbook& wb) {
    Formats f{};
    f.title = wb.addFormat();
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.paragraph = wb.addFormat();
    format_set_text_wrap(f.paragraph);
    format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
    f.header = makeFormat(wb, false);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.locked = makeFormat(wb, false);
    f.lockedWrap = makeFormat(wb, false, true);
    f.answer = makeFormat(wb, true);
    format_set_num_format(f.answer, "@");
    f.answerWrap = makeFormat(wb, true, true);
    format_set_num_format(f.answerWrap, "@");
    f.tonnes = makeFormat(wb, true);
    format_set_num_format(f.tonnes, "0.###");
    f.date = makeFormat(wb, true);
    format_set_num_format(f.date, "yyyy-mm-dd");
    return f;
}

// Protect a sheet: locked cells cannot change, answer cells (unlocked formats) can.
void protect(Sheet& sheet) {
    lxw_protection options{};
    options.format_columns = 1;  // widening a column to read a long answer is harmless
    options.format_rows = 1;
    worksheet_protect(sheet.raw(), nullptr, &options);
}

// A drop-down of fixed words: Excel stops a value not in the list.
void listValidation(Sheet& sheet, int first, int last, int col, const std::vector<std::string>& words, std::string_view lang) {
    if (last < first) return;
    std::vector<const char*> list;
    for (const std::string& w : words) list.push_back(w.c_str());
    list.push_back(nullptr);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = const_cast<char**>(list.data());
    const std::string title = questionnaireText("list.title", lang), message = questionnaireText("list.message", lang);
    v.error_title = const_cast<char*>(title.c_str());
    v.error_message = const_cast<char*>(message.c_str());
    checkLxw(worksheet_data_validation_range(sheet.raw(), first, col, last, col, &v), sheet.name() + ": drop-down list");
}

void numberValidation(Sheet& sheet, int first, int last, int col, bool positive, std::string_view lang) {
    if (last < first) return;
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = positive ? LXW_VALIDATION_CRITERIA_GREATER_THAN : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    v.value_number = 0;
    const std::string title = questionnaireText("number.title", lang);
    const std::string message = questionnaireText(positive ? "number.positive" : "number.nonnegative", lang);
    v.error_title = const_cast<char*>(title.c_str());
    v.error_message = const_cast<char*>(message.c_str());
    checkLxw(worksheet_data_validation_range(sheet.raw(), first, col, last, col, &v), sheet.name() + ": number check");
}

// Text, or a real date cell when `iso` is a date ("2026-03-31"), so it reads back as a date.
void writeDate(Sheet& sheet, int row, int col, const std::string& iso, lxw_format* format) {
    if (!model::isCalendarDate(iso)) return sheet.text(row, col, iso, format);
    lxw_datetime dt{std::atoi(iso.substr(0, 4).c_str()), std::atoi(iso.substr(5, 2).c_str()), std::atoi(iso.substr(8, 2).c_str()), 0, 0, 0};
    checkLxw(worksheet_write_datetime(sheet.raw(), row, col, &dt, format), sheet.name() + ": date");
}

std::string semicolonJoined(const std::vector<std::string>& parts) {
    std::string s;
    for (const std::string& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s;
}

struct Book {
    const model::Project& project;
    const model::Actor& supplier;
    std::string lang;
    const ChainValueLabels& labels;
    const Formats& f;
    std::vector<std::string> statusWords, evidenceWords;
};

void writeInstructions(Workbook& wb, const Book& b, const std::string& generated) {
    Sheet sheet = wb.addSheet(q::sheetName("instructions", b.lang));
    sheet.columnWidth(0, 0, 110);
    const std::string& L = b.lang;
    // Rows are not fitted to wrapped text on opening (LibreOffice): give the lines room.
    const auto line = [&](int row, const std::string& text, lxw_format* f, double height = 0) {
        if (height == 0 && f == b.f.paragraph) height = 15.0 * static_cast<double>(text.size() / 120 + 1);
        if (height > 0) sheet.rowHeight(row, height);
        sheet.text(row, 0, text, f);
    };
    std::string documentTypes;
    for (const auto& [id, label] : b.labels.values(Vocabulary::DocumentTypes)) documentTypes += (documentTypes.empty() ? "" : "; ") + label;
    line(0, questionnaireText("title", L, {b.supplier.name.empty() ? b.supplier.id : b.supplier.name}), b.f.title, 20);
    line(1, questionnaireText("for", L, {b.supplier.name, b.supplier.id, b.project.assessment.title, generated}), b.f.paragraph, 30);
    line(2, questionnaireText("intro", L), b.f.paragraph, 30);
    line(4, questionnaireText("checklist.head", L, {q::sheetName("checklist", L)}), b.f.title);
    line(5, questionnaireText("checklist.status", L, {semicolonJoined(b.statusWords)}), b.f.paragraph);
    line(6, questionnaireText("checklist.evidence", L), b.f.paragraph);
    line(7, questionnaireText("checklist.documents", L), b.f.paragraph);
    line(8, questionnaireText("checklist.owner", L), b.f.paragraph);
    line(10, questionnaireText("flows.head", L, {q::sheetName("flows", L)}), b.f.title);
    line(11, questionnaireText("flows.tonnes", L), b.f.paragraph);
    line(12, questionnaireText("flows.documented", L), b.f.paragraph);
    line(13, questionnaireText("flows.evidence", L, {semicolonJoined(b.evidenceWords)}), b.f.paragraph);
    line(14, questionnaireText("flows.documents", L, {documentTypes}), b.f.paragraph);
    line(16, questionnaireText("return", L), b.f.paragraph);
    worksheet_set_landscape(sheet.raw());
    worksheet_fit_to_pages(sheet.raw(), 1, 0);
    protect(sheet);
}

std::vector<std::string> writeChecklist(Workbook& wb, const Book& b) {
    const std::string& L = b.lang;
    Sheet sheet = wb.addSheet(q::sheetName("checklist", L));
    const char* keys[q::kItemColumns] = {"col.id", "col.item", "col.status", "col.evidence", "col.documents", "col.owner", "col.due"};
    const double widths[q::kItemColumns] = {8, 50, 16, 45, 30, 18, 13};
    for (int c = 0; c < q::kItemColumns; ++c) {
        sheet.columnWidth(c, c, widths[c]);
        sheet.text(0, c, questionnaireText(keys[c], L), b.f.header);
    }
    const std::vector<model::ChecklistItem> items = q::supplierItems(b.project, b.supplier.id);
    const int last = static_cast<int>(items.size());
    listValidation(sheet, 1, last, q::kItemStatus, b.statusWords, L);
    std::vector<std::string> ids;
    int row = 1;
    const model::ChecklistTemplate* tpl = b.project.checklistTemplateOf(b.supplier.id);
    for (const model::ChecklistItem& it : items) {
        const model::ChecklistItemTemplate* t = tpl ? tpl->item(it.id) : nullptr;
        const std::string text = t ? t->name.in(L) : std::string();
        // Rows are not fitted to wrapped text on opening (LibreOffice): room for the longer of item and evidence.
        const std::size_t lines = std::max({text.size() / 52, it.evidence.size() / 42, semicolonJoined(it.documents).size() / 28}) + 1;
        sheet.rowHeight(row, 15.0 * static_cast<double>(std::min<std::size_t>(lines, 8)));
        sheet.text(row, q::kItemId, it.id, b.f.locked);
        sheet.text(row, q::kItemText, text, b.f.lockedWrap);
        sheet.text(row, q::kItemStatus, q::statusWord(it.status, L), b.f.answer);
        sheet.text(row, q::kItemEvidence, it.evidence, b.f.answerWrap);
        sheet.text(row, q::kItemDocuments, semicolonJoined(it.documents), b.f.answerWrap);
        sheet.text(row, q::kItemOwner, it.owner, b.f.answer);
        if (it.due.empty()) sheet.blank(row, q::kItemDue, b.f.date);
        else writeDate(sheet, row, q::kItemDue, it.due, b.f.date);
        ids.push_back(it.id);
        ++row;
    }
    sheet.freeze(1, 1);
    sheet.printSetup(0, 0, 1);
    protect(sheet);
    return ids;
}

std::vector<std::string> writeFlows(Workbook& wb, const Book& b) {
    const std::string& L = b.lang;
    Sheet sheet = wb.addSheet(q::sheetName("flows", L));
    const char* keys[q::kFlowColumns] = {"col.id", "col.from", "col.to", "col.tonnes", "col.documented_t", "col.evidence", "col.documents"};
    const double widths[q::kFlowColumns] = {10, 14, 14, 12, 16, 24, 45};
    for (int c = 0; c < q::kFlowColumns; ++c) {
        sheet.columnWidth(c, c, widths[c]);
        sheet.text(0, c, questionnaireText(keys[c], L), b.f.header);
    }
    const std::vector<const model::Flow*> flows = q::supplierFlows(b.project, b.supplier.id);
    const int last = static_cast<int>(flows.size());
    numberValidation(sheet, 1, last, q::kFlowTonnes, true, L);
    numberValidation(sheet, 1, last, q::kFlowDocumented, false, L);
    listValidation(sheet, 1, last, q::kFlowEvidence, b.evidenceWords, L);
    std::vector<std::string> ids;
    int row = 1;
    for (const model::Flow* f : flows) {
        sheet.text(row, q::kFlowId, f->id, b.f.locked);
        sheet.text(row, q::kFlowFrom, f->from, b.f.locked);
        sheet.text(row, q::kFlowTo, f->to, b.f.locked);
        if (f->tonnesUnknown) sheet.blank(row, q::kFlowTonnes, b.f.tonnes);
        else sheet.number(row, q::kFlowTonnes, f->tonnes, b.f.tonnes);
        sheet.number(row, q::kFlowDocumented, f->documentedT, b.f.tonnes);
        sheet.text(row, q::kFlowEvidence, b.labels.label(Vocabulary::Evidence, std::string(model::toString(f->evidence))), b.f.answer);
        std::vector<std::string> documents;
        for (const std::string& d : f->documents) documents.push_back(b.labels.label(Vocabulary::DocumentTypes, d));
        if (documents.empty()) sheet.blank(row, q::kFlowDocuments, b.f.answerWrap);
        else sheet.text(row, q::kFlowDocuments, semicolonJoined(documents), b.f.answerWrap);
        ids.push_back(f->id);
        ++row;
    }
    sheet.freeze(1, 1);
    sheet.printSetup(0, 0, 1);
    protect(sheet);
    return ids;
}

void writeIdentity(Workbook& wb, q::Identity id, const std::vector<std::string>& items, const std::vector<std::string>& flows) {
    Sheet sheet = wb.addSheet(q::kIdentitySheet);
    id.items = items.size();
    id.flows = flows.size();
    id.check = q::identityCheck(id, items, flows);
    const std::string values[] = {id.format, "", id.project, id.title, id.supplier, id.generated, id.lang, "", "", id.check};
    const double numbers[] = {0, double(id.version), 0, 0, 0, 0, 0, double(id.items), double(id.flows), 0};
    const auto& keys = q::identityKeys();
    for (std::size_t r = 0; r < keys.size(); ++r) {
        sheet.text(static_cast<int>(r), 0, keys[r]);
        const std::string_view k = keys[r];
        if (k == "version" || k == "items" || k == "flows") sheet.number(static_cast<int>(r), 1, numbers[r]);
        else sheet.text(static_cast<int>(r), 1, values[r]);
    }
    worksheet_hide(sheet.raw());
    protect(sheet);
}

}  // namespace

std::string questionnaireFileName(const std::string& supplier) {
    std::string name = "questionnaire-";
    for (unsigned char c : supplier)
        name += (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c >= 0x80) ? static_cast<char>(c) : '_';
    return name + ".xlsx";
}

void writeQuestionnaire(const std::filesystem::path& out, const model::Project& project, const std::string& supplierId,
                        std::string_view lang, const std::string& generated) {
    const Labels language{std::string(lang)};  // refuses a language other than en/es
    const model::Actor* supplier = project.findActor(supplierId);
    if (!supplier) throw InvalidInput("supplier", "no actor has id \"" + supplierId + "\"");
    if (out.empty()) throw InvalidInput("output", "no output file given");
    const ChainValueLabels labels(lang, project.catalogue);

    AtomicOutput output(out);
    {
        Workbook wb(output.tempPath(), false);  // small, and data validation needs the whole sheet
        const Formats formats = createFormats(wb);
        Book book{project, *supplier, std::string(lang), labels, formats, {}, {}};
        for (model::ItemStatus s : {model::ItemStatus::NotStarted, model::ItemStatus::InProgress, model::ItemStatus::Done,
                                    model::ItemStatus::NotApplicable})
            book.statusWords.push_back(q::statusWord(s, lang));
        for (const auto& [id, label] : labels.values(Vocabulary::Evidence)) book.evidenceWords.push_back(label);
        wb.setProperties(questionnaireText("title", lang, {supplier->name}), "", "", "", "Traza " TRAZA_VERSION);
        writeInstructions(wb, book, generated);
        const std::vector<std::string> items = writeChecklist(wb, book);
        const std::vector<std::string> flows = writeFlows(wb, book);
        q::Identity id;
        id.format = q::kFormat;
        id.version = q::kFormatVersion;
        id.project = q::projectKey(project);
        id.title = project.assessment.title;
        id.supplier = supplier->id;
        id.generated = generated;
        id.lang = std::string(lang);
        writeIdentity(wb, id, items, flows);
        wb.close();
    }
    output.commit();
}

}  // namespace traza::reports
