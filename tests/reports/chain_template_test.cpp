// The chain workbook template as openpyxl sees it: sheets in order, headers
// exactly the labels the importer reads, required columns marked, drop-down
// lists on the hidden Lists sheet, number and date checks, frozen header,
// autofilter, column formats; and the words it writes read back as the values.
#include "chain_workbook.h"

#include "chain_fields.h"
#include "chain_template_texts.h"
#include "chain_value_labels.h"
#include "chain_workbook_fixture.h"
#include "report_fixture.h"

using namespace traza;
using namespace traza::reports;
using namespace traza::reports::test;
using model::SheetKind;
using model::Vocabulary;

namespace {

model::Catalogue catalogue() { return model::Catalogue::loadDirectory(std::filesystem::path(TRAZA_TEST_DATADIR) / "catalogue"); }

Json validationOf(const Json& sheet, const std::string& column) {
    for (const Json& v : sheet["validations"])
        if (v["sqref"] == column + "2:" + column + "1048576") return v;
    return nullptr;
}

std::vector<std::string> texts(const Json& row) {
    std::vector<std::string> out;
    for (const Json& c : row) out.push_back(c.is_null() ? "" : c["v"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("Chain template - every value label reads back as its value, in English and in Spanish") {
    const model::Catalogue cat = catalogue();
    const auto& words = model::SpreadsheetWords::installed();
    for (const char* lang : {"en", "es"}) {
        const ChainValueLabels labels(lang, cat);
        for (Vocabulary v : {Vocabulary::ActorKind, Vocabulary::Formality, Vocabulary::Evidence, Vocabulary::Payment, Vocabulary::Typology,
                             Vocabulary::RiskFactors, Vocabulary::DocumentTypes}) {
            REQUIRE(!labels.values(v).empty());
            for (const auto& [id, label] : labels.values(v)) {
                INFO(lang << ": " << id << " -> " << label);
                CHECK(label != id);  // every value has a label of its own in both languages
                CHECK(words.value(v, label, cat) == id);
            }
        }
        CHECK(words.boolean(labels.label(Vocabulary::None, "true")) == true);
        CHECK(words.boolean(labels.label(Vocabulary::None, "false")) == false);
    }
    const ChainValueLabels es("es", cat);
    CHECK(es.label(Vocabulary::ActorKind, "waste_picker") == "Reciclador de oficio o grupo de recicladores");
    CHECK(es.label(Vocabulary::Formality, "semi_formal") == "Semiformal");
    CHECK(es.label(Vocabulary::Evidence, "self_declared") == "Autodeclarado");
    CHECK(es.label(Vocabulary::None, "true") == "Sí");
    CHECK(es.label(Vocabulary::DocumentTypes, "not-a-document") == "not-a-document");
    CHECK(ChainValueLabels("en", cat).label(Vocabulary::Payment, "unknown") == "Unknown");
}

TEST_CASE("Chain template - every column has its meaning in both languages") {
    for (const char* lang : {"en", "es"}) {
        for (const auto& f : model::actorFields()) CHECK(!columnHelp(SheetKind::Actors, f.key, lang).meaning.empty());
        for (const auto& f : model::flowFields()) CHECK(!columnHelp(SheetKind::Flows, f.key, lang).meaning.empty());
    }
    CHECK(columnHelp(SheetKind::Flows, "tonnes", "es").meaning == "Cantidad entregada en el periodo; mayor que 0.");
}

TEST_CASE("Chain template - Spanish: sheets, headers, required marks, lists, checks and formats as openpyxl reads them") {
    ScratchDir dir;
    const model::Catalogue cat = catalogue();
    const auto file = dir.path() / "plantilla.xlsx";
    writeChainTemplate(file, "es", cat);
    const Json book = readChainBook(file);
    std::vector<std::string> names, states;
    for (const Json& s : book["sheets"]) names.push_back(s["name"]), states.push_back(s["state"]);
    CHECK(names == std::vector<std::string>{"Instrucciones", "Actores", "Flujos", "Listas"});
    CHECK(states == std::vector<std::string>{"visible", "visible", "visible", "hidden"});

    const auto& words = model::SpreadsheetWords::installed();
    const Json& actors = sheetNamed(book, "Actores");
    const Json& flows = sheetNamed(book, "Flujos");
    std::vector<std::string> actorHeaders, flowHeaders;
    for (const auto& f : model::actorFields()) actorHeaders.push_back(words.columnLabel(SheetKind::Actors, f.key, "es"));
    for (const auto& f : model::flowFields()) flowHeaders.push_back(words.columnLabel(SheetKind::Flows, f.key, "es"));
    REQUIRE(actors["rows"].size() == 1);
    REQUIRE(flows["rows"].size() == 1);
    CHECK(texts(actors["rows"][0]) == actorHeaders);
    CHECK(texts(flows["rows"][0]) == flowHeaders);
    CHECK(actorHeaders.front() == "Código");
    for (const Json* s : {&actors, &flows}) {
        CHECK((*s)["freeze"] == "A2");
        CHECK((*s)["formats"]["A1"] == "General");
    }
    CHECK(actors["autofilter"] == "A1:R1");  // 14 columns, the two standard deviations (issue #21), claim yield and profile (#20)
    CHECK(flows["autofilter"] == "A1:P1");   // 14 columns, then sd_t and claimed_t

    // Required columns: a note that starts "Obligatoria."; optional ones a note without it.
    CHECK(actors["comments"]["A1"] == "Obligatoria. Código del actor, único en la cadena; los flujos nombran a los actores por él.");
    CHECK(actors["comments"]["C1"].get<std::string>().rfind("Obligatoria. ", 0) == 0);
    CHECK(actors["comments"]["B1"] == "Nombre de la persona, grupo o empresa.");
    CHECK(flows["comments"]["E1"] == "Obligatoria. Cantidad entregada en el periodo; mayor que 0. (toneladas (un encabezado 'Toneladas (kg)' lee kilogramos))");
    for (const char* c : {"A1", "B1", "C1", "E1"}) CHECK(flows["comments"][c].get<std::string>().rfind("Obligatoria. ", 0) == 0);
    CHECK(flows["comments"]["D1"].get<std::string>().find("Obligatoria") == std::string::npos);

    // Drop-down lists reference the Lists sheet; the typed value only warns.
    auto list = [](const Json& v, const std::string& range) {
        REQUIRE(!v.is_null());
        CHECK(v["type"] == "list");
        CHECK(v["formula1"] == "'Listas'!" + range);
        CHECK(v["errorStyle"] == "warning");
    };
    list(validationOf(actors, "C"), "$A$2:$A$9");    // kind: 8 kinds
    list(validationOf(actors, "G"), "$B$2:$B$4");    // formality
    list(validationOf(actors, "L"), "$F$2:$F$3");    // public-service provider: Sí/No
    list(validationOf(flows, "G"), "$C$2:$C$6");     // evidence
    list(validationOf(flows, "I"), "$D$2:$D$4");     // payment
    list(validationOf(flows, "K"), "$E$2:$E$5");     // typology
    const Json stage = validationOf(actors, "D");
    CHECK(stage["type"] == "whole");
    CHECK(stage["operator"].is_null());  // "between", the default, goes unwritten
    CHECK(stage["formula1"] == "1");
    CHECK(stage["formula2"] == "9");
    const Json headcount = validationOf(actors, "H");
    CHECK(headcount["type"] == "whole");
    CHECK(headcount["operator"] == "greaterThanOrEqual");
    CHECK(headcount["formula1"] == "0");
    CHECK(validationOf(actors, "J").is_null());  // a stock change may be negative
    const Json tonnes = validationOf(flows, "E");
    CHECK(tonnes["type"] == "decimal");
    CHECK(tonnes["operator"] == "greaterThan");
    CHECK(tonnes["formula1"] == "0");
    for (const char* c : {"F", "J", "O", "P"}) {  // documented, price, sd_t, claimed_t
        CHECK(validationOf(flows, c)["type"] == "decimal");
        CHECK(validationOf(flows, c)["operator"] == "greaterThanOrEqual");
    }
    for (const char* c : {"O", "P", "Q"}) {  // the actors' standard deviations and claim yield are never negative
        CHECK(validationOf(actors, c)["type"] == "decimal");
        CHECK(validationOf(actors, c)["operator"] == "greaterThanOrEqual");
    }
    CHECK(tonnes["errorStyle"].is_null());  // "stop", the default: a typed tonnage must be a number
    for (const char* c : {"L", "M"}) {
        CHECK(validationOf(flows, c)["type"] == "date");
        CHECK(validationOf(flows, c)["errorStyle"] == "warning");  // a date typed as text still imports
    }
    // kind stage formality headcount capacity loss public-service stock-change-sd loss-sd claim-yield
    CHECK(actors["validations"].size() == 10);
    CHECK(flows["validations"].size() == 10);  // tonnes documented evidence payment price typology start end sd claimed

    // Column formats for what users type: text stays text, tonnes, whole numbers, dates.
    CHECK(actors["column_formats"]["A"] == "@");
    CHECK(actors["column_formats"]["D"] == "0");
    CHECK(actors["column_formats"]["I"] == "#,##0.0##");
    CHECK(flows["column_formats"]["E"] == "#,##0.0##");
    CHECK(flows["column_formats"]["J"] == "#,##0.00");
    CHECK(flows["column_formats"]["L"] == "yyyy-mm-dd");

    // The lists: a column per vocabulary, headed by the column it serves.
    const Json& lists = sheetNamed(book, "Listas");
    CHECK(texts(lists["rows"][0]) == std::vector<std::string>{"Tipo de actor", "Formalidad", "Nivel de evidencia", "Pago", "Tipología", "Sí/No",
                                                              "Factores de riesgo", "Documentos"});
    REQUIRE(lists["rows"].size() == 1 + cat.riskFactors.size());  // the longest list
    for (std::size_t i = 0; i < cat.actorKinds.size(); ++i) CHECK(lists["rows"][i + 1][0]["v"] == cat.actorKinds[i].name.es);
    for (std::size_t i = 0; i < cat.riskFactors.size(); ++i) CHECK(lists["rows"][i + 1][6]["v"] == cat.riskFactors[i].name.es);
    CHECK(lists["rows"][1][5]["v"] == "Sí");
    CHECK(lists["rows"][2][5]["v"] == "No");
    CHECK(lists["rows"][3][5].is_null());

    // Instructions: title, then one row per column of both sheets.
    const Json& help = sheetNamed(book, "Instrucciones");
    CHECK(help["rows"][0][0]["v"] == "Traza: plantilla de una cadena de valor");
    int described = 0;
    for (const Json& row : help["rows"])
        if (!row[0].is_null() && (row[0]["v"] == "Actores" || row[0]["v"] == "Flujos")) ++described;
    CHECK(described == 34);  // 18 actor and 16 flow columns
    bool tonnesRow = false;
    for (const Json& row : help["rows"])
        if (texts(row)[0] == "Flujos" && texts(row)[1] == "Toneladas") {
            tonnesRow = true;
            CHECK(texts(row)[2] == "sí");
        }
    CHECK(tonnesRow);
    std::string all;
    for (const Json& row : help["rows"])
        for (const std::string& t : texts(row)) all += t + "\n";
    CHECK(all.find("traza-cli import cadena.xlsx -o cadena.traza") != std::string::npos);
    CHECK(all.find("Recibo de caja; ") != std::string::npos);  // documents' allowed values listed
}

TEST_CASE("Chain template - English: sheet names and headers in English") {
    ScratchDir dir;
    const auto file = dir.path() / "template.xlsx";
    writeChainTemplate(file, "en", catalogue());
    const Json book = readChainBook(file);
    std::vector<std::string> names;
    for (const Json& s : book["sheets"]) names.push_back(s["name"]);
    CHECK(names == std::vector<std::string>{"Instructions", "Actors", "Flows", "Lists"});
    CHECK(texts(sheetNamed(book, "Flows")["rows"][0])[4] == "Tonnes");
    CHECK(sheetNamed(book, "Actors")["comments"]["A1"].get<std::string>().rfind("Required. ", 0) == 0);
    CHECK(validationOf(sheetNamed(book, "Actors"), "C")["formula1"] == "'Lists'!$A$2:$A$9");
}
