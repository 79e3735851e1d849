#include "fuzz_entry_points.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_parts.h"
#include "csv_import.h"
#include "error.h"
#include "framework_file.h"
#include "project_store.h"
#include "spreadsheet/csv_sheet.h"
#include "spreadsheet/locale_number.h"
#include "spreadsheet/excel_date.h"
#include "spreadsheet/ods_reader.h"
#include "spreadsheet/plain_xml_scanner.h"
#include "spreadsheet/xlsx_reader.h"
#include "spreadsheet/xml_sax.h"
#include "records_sheet.h"
#include "workbook_stream_import.h"
#include "utf8.h"
#include "validation.h"

namespace traza::fuzz {
namespace {

namespace fs = std::filesystem;
using model::Project;

void require(bool ok, const char* what) {
    if (!ok) throw InvariantBroken(what);
}

// Accepted input must validate, and chain JSON must carry it without loss:
// export, import again, and the chain and its JSON text are unchanged.
void checkJsonRoundTrip(const Project& p) {
    require(model::validateProject(p).empty(), "an accepted project does not validate");
    const std::string text = model::projectToJson(p);
    Project back;
    try {
        back = model::projectFromJson(text, model::Catalogue::installed());
    } catch (const Error& e) {
        throw InvariantBroken(std::string("exported chain JSON is refused on import: ") + e.what());
    }
    require(back.sameChain(p), "chain JSON round trip changed the chain");
    require(model::projectToJson(back) == text, "chain JSON round trip changed the text");
}

// The server store's reader (one object at a time) against the whole-document
// reader: for a document both can take (members an object or a list of them),
// the one accepts what the other accepts, with the same chain, and refuses
// what it refuses at the same place. Duplicate keys are left out: re-dumping
// the parsed document drops them, so only the whole reader still sees them.
void checkPartsReader(std::string_view text, const Project* whole, const std::string& wholeError) {
    // The nesting limit's message names the limit, which a fragment counts from its own depth.
    if (wholeError.find("duplicate field") != std::string::npos || wholeError.find("nesting deeper") != std::string::npos) return;
    // A fault in the document's bytes (a NUL, bad UTF-8: "byte N: ...") cannot reach the parts,
    // which are re-written from nlohmann's reading of the text (it ignores trailing NULs).
    if (wholeError.rfind("byte ", 0) == 0) return;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return;
    if (!doc.contains("format") || doc["format"] != "traza-chain" || !doc.contains("version") || !doc["version"].is_number_integer() ||
        doc["version"] != 1)
        return;
    std::vector<std::string> store;
    store.reserve(doc.size() + 16);
    model::ChainJsonParts parts;
    const std::pair<const char*, std::vector<std::string_view>*> lists[] = {
        {"actors", &parts.actors}, {"flows", &parts.flows},       {"records", &parts.records}, {"checklists", &parts.checklists},
        {"goals", &parts.goals},   {"supports", &parts.supports}, {"findings", &parts.findings}};
    std::size_t elements = 0;
    for (const auto& [member, list] : lists)
        if (doc.contains(member)) {
            if (!doc[member].is_array()) return;
            elements += doc[member].size();
        }
    store.reserve(elements + 2);
    for (const auto& [key, value] : doc.items()) {
        if (key == "format" || key == "version") continue;
        if (key == "assessment" || key == "catalogue") {
            if (value.is_null()) return;  // an explicit null is not an absent member
            (key == "assessment" ? parts.assessment : parts.catalogue) = store.emplace_back(value.dump());
            continue;
        }
        const std::string& name = key;  // clang 14 lets no lambda capture a structured binding
        const auto list = std::find_if(std::begin(lists), std::end(lists), [&](const auto& l) { return name == l.first; });
        if (list == std::end(lists)) return;  // an unknown member: the whole reader refuses it alone
        for (const auto& v : value) list->second->push_back(store.emplace_back(v.dump()));
    }
    std::optional<Project> fromParts;
    std::string partsError;
    try {
        fromParts = model::projectFromJsonParts(parts, model::Catalogue::installed());
    } catch (const InvalidInput& e) {
        partsError = e.where() + ": " + e.reason();
    }
    if (whole) {
        require(fromParts.has_value(), "the parts reader refuses a document the whole reader accepts");
        require(fromParts->sameChain(*whole), "the parts reader reads another chain");
    } else {
        require(!fromParts.has_value(), "the parts reader accepts a document the whole reader refuses");
        if (partsError != wholeError)  // both messages, so that the log says what to mend
            throw InvariantBroken("the parts reader refuses at another place or for another reason: the whole reader says \"" +
                                  wholeError + "\", the parts reader \"" + partsError + "\"");
    }
}

// A private folder for project files, removed when the process ends normally.
class ScratchDir {
public:
    ScratchDir() {
        std::error_code ec;
        const fs::path shm = "/dev/shm";  // tmpfs: fsync in save() costs nothing there
        const fs::path base = fs::is_directory(shm, ec) && ::access(shm.c_str(), W_OK) == 0 ? shm : fs::temp_directory_path();
        m_path = base / ("traza-fuzz-" + std::to_string(::getpid()));
        fs::remove_all(m_path, ec);
        fs::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> listFolder(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool sameProject(const Project& a, const Project& b) {
    if (!a.sameChain(b) || a.catalogue.texts() != b.catalogue.texts()) return false;
    for (std::size_t i = 0; i < a.actors.size(); ++i)
        if (a.actors[i].hasPosition != b.actors[i].hasPosition || a.actors[i].x != b.actors[i].x ||
            a.actors[i].y != b.actors[i].y)
            return false;
    return true;
}

// The whole input as one CSV sheet (UTF-16 included, which the NUL split below
// cannot carry): a refusal is an InvalidInput; an accepted sheet keeps the
// SheetTable promises, and its numbers read consistently with its decimal mark.
void checkCsvSheet(std::string_view bytes) {
    model::SheetTable t;
    try {
        t = model::csvToSheetTable(bytes, "sheet.csv");
    } catch (const InvalidInput&) {
        return;
    }
    require(t.decimalMark == model::detectDecimalMark(t), "the sheet's decimal mark is not what its cells show");
    for (const auto& row : t.rows) {
        require(!row.empty() && row.size() == t.rows.front().size(), "sheet rows are not padded to one width");
        bool allEmpty = true;
        for (const model::SheetCell& cell : row) {
            allEmpty = allEmpty && cell.kind == model::SheetCell::Kind::Empty;
            require(!model::firstInvalidUtf8(cell.text), "a sheet cell is not UTF-8");
            const auto shown = model::parseLocaleNumber(cell.text, t.decimalMark);
            require(!shown || std::isfinite(*shown), "a cell read as infinity or NaN");
            // Under the mark the sheet shows, whatever reads without it reads the same.
            const auto alone = model::parseLocaleNumber(cell.text, model::DecimalMark::Unknown);
            if (alone && t.decimalMark != model::DecimalMark::Unknown)
                require(shown && *shown == *alone && std::signbit(*shown) == std::signbit(*alone),
                        "a number reads differently under the sheet's decimal mark");
        }
        require(!allEmpty, "a sheet keeps a row of empty cells");
    }
}

// Small enough that the worst accepted input stays well inside libFuzzer's
// -rss_limit_mb under ASan; the default limits are tested in tests/model.
model::SpreadsheetLimits fuzzSpreadsheetLimits() {
    model::SpreadsheetLimits limits;
    limits.maxEntryBytes = 32 << 20;
    limits.maxTotalBytes = 64 << 20;
    limits.ratioCheckFrom = 1 << 20;
    limits.maxSheets = 100;
    limits.maxSharedStrings = 100'000;
    limits.maxSharedStringBytes = 16 << 20;
    limits.maxCells = 200'000;
    return limits;
}

void checkWorkbook(const model::Workbook& w, const std::string& fileName, const model::SpreadsheetLimits& limits) {
    using Kind = model::SheetCell::Kind;
    require(w.file == fileName, "workbook: file name changed");
    std::size_t cells = 0;
    for (const model::SheetTable& t : w.sheets) {
        require(t.file == fileName, "sheet: file name changed");
        std::size_t lastLine = 0;
        for (const auto& row : t.rows) {
            require(!row.empty() && row.size() == t.rows.front().size(), "rows of one sheet differ in width");
            require(row.front().line > lastLine, "rows out of order");
            lastLine = row.front().line;
            bool anything = false;
            cells += row.size();
            for (std::size_t i = 0; i < row.size(); ++i) {
                const model::SheetCell& c = row[i];
                require(c.line == lastLine && c.column == i + 1, "a cell is not where its row says");
                require(c.line >= 1 && c.line <= limits.maxRow && c.column <= limits.maxColumn, "a cell outside the grid");
                require(!model::firstInvalidUtf8(c.text), "a cell text is not valid UTF-8");
                require(std::isfinite(c.number), "a cell number is not finite");
                switch (c.kind) {
                case Kind::Empty: require(c.text.empty(), "an Empty cell holds text"); break;
                case Kind::Text: require(!c.text.empty(), "an empty Text cell"); break;
                case Kind::Number: break;
                case Kind::Boolean:
                    require((c.text == "TRUE" && c.number == 1) || (c.text == "FALSE" && c.number == 0), "a bad boolean");
                    break;
                case Kind::Date: {
                    const auto date = model::parseIsoDate(c.text);
                    require(date && c.text.size() == 10, "a date text is no ISO day");
                    const auto serial = model::dateToExcelSerial(*date);
                    require(serial && *serial == c.number, "a date's serial does not match its text");
                    break;
                }
                }
                anything = anything || c.kind != Kind::Empty;
            }
            require(anything, "a wholly empty row was kept");
        }
    }
    require(cells <= limits.maxCells, "more cells than the budget");
}

// Every event as a line, character data joined (expat splits it where it likes).
class EventRecorder : public model::XmlHandler {
public:
    std::vector<std::string> events;
    void startElement(std::string_view name, const model::XmlAttributes& a) override {
        std::string e = "<" + std::string(name);
        a.forEach([&](std::string_view n, std::string_view v) { e += " " + std::string(n) + "=[" + std::string(v) + "]"; });
        events.push_back(e);
    }
    void endElement(std::string_view name) override { events.push_back("</" + std::string(name)); }
    void characters(std::string_view t) override {
        if (!events.empty() && events.back().rfind("T:", 0) == 0) events.back() += t;
        else events.push_back("T:" + std::string(t));
    }
};

// The plain XML scanner reads only what expat reads, and gives the same events.
void checkPlainXml(std::string_view bytes) {
    EventRecorder scanned, parsed;
    try {
        model::PlainXmlScanner scanner(scanned, "fuzz.xlsx", "sheet.xml");
        scanner.feed(bytes.substr(0, bytes.size() / 2));
        scanner.feed(bytes.substr(bytes.size() / 2));
        scanner.finish();
    } catch (const Error&) {
        return;
    }
    try {
        model::XmlParser parser(parsed, "fuzz.xlsx", "sheet.xml");
        parser.feed(bytes);
        parser.finish();
    } catch (const Error&) {
        require(false, "the plain XML scanner accepted what expat refuses");
    }
    require(scanned.events == parsed.events, "the plain XML scanner and expat give different events");
}

// The streamed import (rows become records as they are parsed) accepts only
// what the import of whole tables accepts, and then gives the same project and summary.
void checkStreamedImport(std::string_view bytes, const std::string& name, const model::SpreadsheetLimits& limits) {
    const model::Catalogue& catalogue = model::Catalogue::installed();
    const std::optional<model::SheetImport> streamed = model::importXlsxStreamed(bytes, name, "", "", catalogue, {}, model::SpreadsheetWords::installed(), limits);
    if (!streamed) return;
    model::SheetImport whole;
    try {
        const model::Workbook book = model::workbookFromXlsx(bytes, name, limits);
        const auto [actors, flows] = model::chainSheets(book);
        whole = model::importSheets(*actors, *flows, catalogue);
    } catch (const Error&) {
        require(false, "the streamed import accepted a workbook that the import of whole tables refuses");
    }
    require(model::projectToJson(streamed->project) == model::projectToJson(whole.project), "streamed and whole-table imports differ");
    require(streamed->summary == whole.summary, "streamed and whole-table import summaries differ");
}

// The Records sheet (issue #19): read into the chain of the workbook's own
// sheets, it gives a valid project or changes nothing.
void checkRecordsSheet(const model::Workbook& book) {
    const model::SheetTable* records = model::recordsSheet(book);
    if (!records) return;
    model::SheetImport in;
    try {
        const auto [actors, flows] = model::chainSheets(book);
        in = model::importSheets(*actors, *flows, model::Catalogue::installed());
    } catch (const Error&) {
        return;
    }
    const std::string before = model::projectToJson(in.project);
    try {
        model::importRecordsSheet(*records, in.project);
    } catch (const Error&) {
        require(model::projectToJson(in.project) == before, "a refused Records sheet changed the project");
        return;
    }
    require(model::validateProject(in.project).empty(), "an accepted Records sheet gave an invalid project");
}

}  // namespace

void xlsxImport(const std::uint8_t* data, std::size_t size) {
    static const model::SpreadsheetLimits limits = fuzzSpreadsheetLimits();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string name = "fuzz.xlsx";
    try {
        const model::Workbook book = model::workbookFromXlsx(bytes, name, limits);
        checkWorkbook(book, name, limits);
        checkRecordsSheet(book);
    } catch (const Error&) {
    }
    checkStreamedImport(bytes, name, limits);
    checkPlainXml(bytes);
    try {
        checkWorkbook(model::workbookFromOds(bytes, name, limits), name, limits);
    } catch (const Error&) {
    }
}

// The same bytes as a framework file (traza-cli catalogue import): an accepted
// one, written out and read again over the installed catalogue, gives the same
// entries, and a second merge of it changes nothing.
void checkFramework(std::string_view text) {
    const model::Catalogue& installed = model::Catalogue::installed();
    model::FrameworkImport first{installed, {}};
    try {
        first = model::importFramework(text, installed);
    } catch (const Error&) {
        return;
    }
    const std::string written = model::frameworkJson(first.catalogue, installed, false);
    model::FrameworkImport again{installed, {}};
    try {
        again = model::importFramework(written, installed);
    } catch (const Error& e) {
        throw InvariantBroken(std::string("an exported framework is refused on import: ") + e.what());
    }
    require(model::frameworkJson(again.catalogue, installed, false) == written, "framework round trip changed the text");
    const model::FrameworkImport twice = model::importFramework(text, first.catalogue);
    for (const model::CatalogueChange& c : twice.changes)
        require(c.kind == model::CatalogueChange::Kind::Unchanged, "merging a framework twice changed an entry");
}

void jsonImport(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkFramework(text);
    Project p;
    try {
        p = model::projectFromJson(text, model::Catalogue::installed());
    } catch (const InvalidInput& e) {
        checkPartsReader(text, nullptr, e.where() + ": " + e.reason());
        return;  // refused cleanly
    } catch (const Error&) {
        return;  // refused cleanly
    }
    checkPartsReader(text, &p, "");
    checkJsonRoundTrip(p);
}

void csvImport(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    checkCsvSheet(all);
    const std::size_t nul = all.find('\0');
    const std::string_view actors = all.substr(0, nul);
    const std::string_view flows = nul == std::string_view::npos ? std::string_view("id,from,to,tonnes\n") : all.substr(nul + 1);
    Project p;
    try {
        p = model::projectFromCsv(actors, flows, model::Catalogue::installed());
    } catch (const Error&) {
        return;
    }
    checkJsonRoundTrip(p);
}

void projectOpen(const std::uint8_t* data, std::size_t size) {
    static const ScratchDir scratch;
    const fs::path input = scratch.path() / "input.traza";
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("fuzz: cannot write the scratch file " + input.string());
    }
    Project p;
    bool accepted = true;
    try {
        p = model::ProjectStore::open(input);
    } catch (const Error&) {
        accepted = false;
    }
    require(readFile(input) == bytes, "open changed the file");
    require(listFolder(scratch.path()) == std::vector<std::string>{"input.traza"}, "open left a file beside the project");
    if (!accepted) return;

    require(model::validateProject(p).empty(), "an opened project does not validate");
    const fs::path resaved = scratch.path() / "resaved.traza";
    try {
        model::ProjectStore::save(p, resaved);
        require(sameProject(model::ProjectStore::open(resaved), p), "save -> open changed the project");
    } catch (const Error& e) {
        throw InvariantBroken(std::string("an opened project cannot be saved and opened again: ") + e.what());
    }
    fs::remove(resaved);
}

}  // namespace traza::fuzz
