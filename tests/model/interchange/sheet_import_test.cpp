#include <catch2/catch.hpp>

#include "cell_value.h"
#include "column_mapping.h"
#include "sheet_columns.h"
#include "sheet_import.h"
#include "word_match.h"

using namespace traza::model;
using Kind = SheetCell::Kind;

namespace {

// A sheet as an xlsx reader would give it: text cells unless a cell is given typed.
struct Cell {
    Cell(const char* t) : kind(*t ? Kind::Text : Kind::Empty), text(t) {}
    Cell(double n) : kind(Kind::Number), text(numberAsText(n)), number(n) {}
    static Cell date(const char* iso, double serial) {
        Cell c("");
        c.kind = Kind::Date;
        c.text = iso;
        c.number = serial;
        return c;
    }
    static Cell boolean(bool b) {
        Cell c(b ? 1.0 : 0.0);
        c.kind = Kind::Boolean;
        c.text = b ? "TRUE" : "FALSE";
        return c;
    }
    Kind kind;
    std::string text;
    double number = 0;
};

SheetTable sheet(const std::string& file, const std::string& name, std::vector<std::vector<Cell>> rows,
                 DecimalMark mark = DecimalMark::Unknown) {
    SheetTable t;
    t.file = file;
    t.sheet = name;
    t.decimalMark = mark;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<SheetCell> row;
        for (std::size_t c = 0; c < rows[r].size(); ++c) row.push_back({rows[r][c].kind, rows[r][c].text, rows[r][c].number, static_cast<std::uint32_t>(r + 1), static_cast<std::uint32_t>(c + 1)});
        t.rows.push_back(std::move(row));
    }
    return t;
}

SheetImportError errorOf(const SheetTable& actors, const SheetTable& flows, const ColumnMapping& rules = {}) {
    try {
        importSheets(actors, flows, Catalogue::installed(), rules);
    } catch (const SheetImportError& e) {
        return e;
    }
    FAIL("expected SheetImportError");
    throw;
}

SheetTable spanishActors() {
    return sheet("cadena.xlsx", "Actores",
                 {{"Código", "Nombre", "Tipo de actor", "Formalidad", "Número de personas", "Prestador del servicio público", "Factores de riesgo"},
                  {"org1", "Asociación Ñandú", "Organización de recicladores", "Semiformal", 45.0, "Sí", "Pagos en efectivo; no_invoice"},
                  {101.0, "Exportadora", "Exportador", "formal", "", Cell::boolean(false), ""},
                  {"ref", "Refinería", "Refinador o refundidor", "", "", "no", ""}});
}

SheetTable spanishFlows() {
    return sheet("cadena.xlsx", "Flujos",
                 {{"Código", "Origen", "Destino", "Toneladas", "Toneladas documentadas", "Nivel de evidencia", "Documentos", "Pago",
                   "Inicio del periodo", "Fin del periodo"},
                  {"f1", "org1", 101.0, 173.8, 100.0, "Autodeclarada", "Recibo de caja", "Efectivo", Cell::date("2025-01-01", 45658), "31/12/2025"},
                  {"f2", 101.0, "ref", "173,8", "", "Documentada", "Factura electrónica de venta, customs_export_declaration", "Crédito", "", ""}},
                 DecimalMark::Comma);
}

}  // namespace

TEST_CASE("Spreadsheet words - headers match in English and Spanish, whatever the case, accents and unit") {
    const SpreadsheetWords& w = SpreadsheetWords::installed();
    CHECK(w.columnField(SheetKind::Flows, "Toneladas") == "tonnes");
    CHECK(w.columnField(SheetKind::Flows, "TONELADAS (kg)") == "tonnes");
    CHECK(w.columnField(SheetKind::Flows, "origen") == "from");
    CHECK(w.columnField(SheetKind::Flows, "Destino") == "to");
    CHECK(w.columnField(SheetKind::Actors, "tipo de actor") == "kind");
    CHECK(w.columnField(SheetKind::Actors, "Tipo_de_Actor") == "kind");
    CHECK(w.columnField(SheetKind::Actors, "Pais") == "country");
    CHECK(w.columnField(SheetKind::Actors, "capacity_t") == "capacity_t");
    CHECK(w.columnField(SheetKind::Flows, "Price per tonne [COP]") == "price_per_t");
    CHECK_FALSE(w.columnField(SheetKind::Flows, "Kg entregados"));
    CHECK_FALSE(w.columnField(SheetKind::Actors, "Toneladas"));
}

TEST_CASE("Spreadsheet words - values match catalogue names and synonyms in both languages") {
    const SpreadsheetWords& w = SpreadsheetWords::installed();
    const Catalogue& c = Catalogue::installed();
    CHECK(w.value(Vocabulary::ActorKind, "Organización de recicladores", c) == "picker_organisation");
    CHECK(w.value(Vocabulary::ActorKind, "ORGANIZACION DE RECICLADORES (ECA)", c) == "picker_organisation");
    CHECK(w.value(Vocabulary::Evidence, "Autodeclarada", c) == "self_declared");
    CHECK(w.value(Vocabulary::Evidence, "self-declared", c) == "self_declared");
    CHECK(w.value(Vocabulary::Payment, "Efectivo", c) == "cash");
    CHECK(w.value(Vocabulary::DocumentTypes, "Factura electrónica de venta", c) == "electronic_invoice");
    CHECK(w.value(Vocabulary::Typology, "rrrm-4", c) == "rrrm-4");
    CHECK_FALSE(w.value(Vocabulary::Payment, "trueque", c));
    CHECK(w.boolean("Sí") == true);
    CHECK(w.boolean("SI") == true);
    CHECK(w.boolean("no") == false);
    CHECK_FALSE(w.boolean("quizás"));
    CHECK(w.valueLabel(Vocabulary::Payment, "cash", "es", c) == "Efectivo");
    CHECK(w.valueLabel(Vocabulary::Evidence, "self_declared", "es", c) == "Autodeclarado");
    CHECK(w.valueLabel(Vocabulary::None, "true", "es", c) == "Sí");
}

TEST_CASE("Word matching - normalisation and closest words") {
    CHECK(normaliseWord("  Organización_de-recicladores (ECA) ") == "organizacion de recicladores");
    CHECK(normaliseWord("ÁÉÍÓÚÑÜ") == "aeiounu");
    CHECK(bracketUnit("Cantidad (Kg)") == "kg");
    CHECK(bracketUnit("Cantidad") == "");
    CHECK(editDistance("toneladas", "tonelada") == 1);
    CHECK(closestWords("Tonelajes", {"Toneladas", "Origen", "Tonnes"}).front() == "Toneladas");
}

TEST_CASE("Sheet import - a Spanish workbook gives the chain its cells mean") {
    const SheetImport in = importSheets(spanishActors(), spanishFlows(), Catalogue::installed());
    const Project& p = in.project;
    REQUIRE(p.actors.size() == 3);
    CHECK(p.actors[0].id == "org1");
    CHECK(p.actors[0].name == "Asociación Ñandú");
    CHECK(p.actors[0].kind == ActorKind::PickerOrganisation);
    CHECK(p.actors[0].stage == 2);
    CHECK(p.actors[0].formality == Formality::SemiFormal);
    CHECK(p.actors[0].headcount == 45);
    CHECK(p.actors[0].publicServiceProvider);
    CHECK(p.actors[0].riskFactors == std::vector<std::string>{"cash_payments", "no_invoice"});
    CHECK(p.actors[1].id == "101");  // a number typed in an id cell is the id as shown
    CHECK(p.actors[1].stage == 4);
    CHECK_FALSE(p.actors[1].publicServiceProvider);
    REQUIRE(p.flows.size() == 2);
    CHECK(p.flows[0].to == "101");
    CHECK(p.flows[0].tonnes == 173.8);
    CHECK(p.flows[0].documentedT == 100);
    CHECK(p.flows[0].evidence == Evidence::SelfDeclared);
    CHECK(p.flows[0].documents == std::vector<std::string>{"cash_receipt"});
    CHECK(p.flows[0].payment == Payment::Cash);
    CHECK(p.flows[0].periodStart == "2025-01-01");
    CHECK(p.flows[0].periodEnd == "2025-12-31");
    CHECK(p.flows[1].tonnes == 173.8);  // "173,8" in a file of decimal commas
    CHECK(p.flows[1].documents == std::vector<std::string>{"electronic_invoice", "customs_export_declaration"});
    CHECK(p.flows[1].payment == Payment::Credit);
    REQUIRE(in.summary.size() >= 2);
    CHECK_THAT(in.summary[0], Catch::Contains("sheet \"Actores\": 3 rows"));
    CHECK_THAT(in.summary[1], Catch::Contains("\"Toneladas\" → tonnes"));
}

TEST_CASE("Sheet import - a kg unit in brackets and a user's rule scale the tonnes") {
    SheetTable flows = sheet("cadena.xlsx", "Flujos", {{"Id", "Origen", "Destino", "Cantidad (kg)"}, {"f1", "org1", 101.0, 173800.0}});
    CHECK(importSheets(spanishActors(), flows, Catalogue::installed()).project.flows[0].tonnes == Approx(173.8).epsilon(1e-15));

    flows = sheet("cadena.xlsx", "Flujos", {{"Id", "Origen", "Destino", "Kg entregados", "Observ."}, {"f1", "org1", 101.0, 2500.0, "x"}});
    const SheetImportError e = errorOf(spanishActors(), flows);
    CHECK(e.where() == "cadena.xlsx: Flujos!D1");
    CHECK_THAT(e.reason(), Catch::Contains("column \"Kg entregados\" is not one Traza knows for flows"));
    CHECK(e.total() == 3);  // D1, E1 and the missing tonnes column
    CHECK_THAT(e.what(), Catch::Contains("cadena.xlsx: Flujos!E1: column \"Observ.\""));
    CHECK_THAT(e.what(), Catch::Contains("no column means \"tonnes\" (required)"));

    ColumnMapping rules = ColumnMapping::parse("# CEMPRE columns\nKg entregados = tonnes/1000\nObserv.=ignore\n", "rules.txt");
    const SheetImport in = importSheets(spanishActors(), flows, Catalogue::installed(), rules);
    CHECK(in.project.flows[0].tonnes == 2.5);
    CHECK(in.rulesUsed.rules().size() == 2);
    CHECK_THAT(in.summary[1], Catch::Contains("\"Kg entregados\" → tonnes × 0.001 (your rule)"));
}

TEST_CASE("Sheet import - every bad cell is named, and nothing is imported") {
    SheetTable flows = sheet("cadena.xlsx", "Flujos",
                             {{"Id", "Origen", "Destino", "Toneladas", "Pago", "Inicio del periodo"},
                              {"f1", "org1", 101.0, "173,8 t", "Trueque", "2025-02-30"},
                              {"f2", "org1", "nadie", 5.0, "", "03/04/2025"}},
                             DecimalMark::Comma);
    const SheetImportError e = errorOf(spanishActors(), flows);
    REQUIRE(e.problems().size() == 4);
    CHECK(e.problems()[0].where == "cadena.xlsx: Flujos!D2");
    CHECK_THAT(e.problems()[0].reason, Catch::StartsWith("Toneladas: not a number (\"173,8 t\")"));
    CHECK(e.problems()[1].where == "cadena.xlsx: Flujos!E2");
    CHECK_THAT(e.problems()[1].reason, Catch::Contains("unknown value \"Trueque\""));
    CHECK(e.problems()[2].where == "cadena.xlsx: Flujos!F2");
    CHECK(e.problems()[3].where == "cadena.xlsx: Flujos!F3");
    CHECK_THAT(e.problems()[3].reason, Catch::Contains("ambiguous"));

    // Once the cells read, the chain's own rules still name their cell: an unknown actor.
    flows = sheet("cadena.xlsx", "Flujos", {{"Id", "Origen", "Destino", "Toneladas"}, {"f1", "org1", 101.0, 1.0}, {"f2", "org1", "nadie", 5.0}});
    const SheetImportError dangling = errorOf(spanishActors(), flows);
    CHECK(dangling.where() == "cadena.xlsx: Flujos!C3");
    CHECK_THAT(dangling.reason(), Catch::Contains("nadie"));
}

TEST_CASE("Sheet import - a header given twice, a value without header, an actor of kind other without stage") {
    SheetTable actors = sheet("a.xlsx", "Actors", {{"Id", "Kind", "Tipo de actor", ""}, {"a", "exporter", "exporter", "x"}});
    SheetImportError e = errorOf(actors, spanishFlows());
    CHECK(e.problems()[0].where == "a.xlsx: Actors!C1");
    CHECK_THAT(e.problems()[0].reason, Catch::Contains("as column B (\"Kind\") does"));
    CHECK(e.problems()[1].where == "a.xlsx: Actors!D2");
    CHECK_THAT(e.problems()[1].reason, Catch::Contains("a value in column D, which has no header"));

    actors = sheet("a.xlsx", "Actors", {{"Id", "Kind"}, {"org1", "Otro"}, {"101", "exporter"}, {"ref", "refiner"}});
    e = errorOf(actors, spanishFlows());
    CHECK(e.where() == "a.xlsx: Actors!B2");
    CHECK_THAT(e.reason(), Catch::Contains("needs a stage"));
}

TEST_CASE("Sheet import - freeing rows as they are read finds the same problems in the same cells") {
    // Validation's problems come after the rows are freed: duplicate and unknown
    // ids, a flow to itself, a kind "other" without stage. A CSV field spanning
    // lines puts a later cell of its row on another line.
    SheetTable actors = sheet("a.csv", "", {{"id", "kind"}, {"a", "exporter"}, {"a", "refiner"}, {"o", "other"}});
    actors.rows[2][0].line = 7;
    SheetTable flows = sheet("f.csv", "", {{"id", "from", "to", "tonnes"}, {"f1", "a", "a", "1"}, {"f1", "a", "nadie", "2"}});
    flows.rows[2][2].line = 9;
    const SheetImportError kept = errorOf(actors, flows);
    std::vector<ImportProblem> freed;
    try {
        SheetTable a = actors, f = flows;
        importSheets(std::move(a), std::move(f), Catalogue::installed());
        FAIL("expected SheetImportError");
    } catch (const SheetImportError& e) {
        freed = e.problems();
    }
    REQUIRE(kept.problems().size() == 1);  // the stage problem stops the import before validation
    CHECK(kept.problems()[0].where == "a.csv:4:2");
    REQUIRE(freed.size() == 1);
    CHECK(freed[0].where == kept.problems()[0].where);

    actors.rows.pop_back();  // without the actor of kind other, validation runs
    const SheetImportError keptAll = errorOf(actors, flows);
    try {
        SheetTable a = actors, f = flows;
        importSheets(std::move(a), std::move(f), Catalogue::installed());
        FAIL("expected SheetImportError");
    } catch (const SheetImportError& e) {
        freed = e.problems();
    }
    REQUIRE(keptAll.problems().size() == 4);
    CHECK(keptAll.problems()[0].where == "a.csv:7:1");  // the duplicate actor id, on the line its field starts
    CHECK(keptAll.problems()[1].where == "f.csv:2:3");  // a flow to itself
    CHECK(keptAll.problems()[2].where == "f.csv:3:1");  // the duplicate flow id
    CHECK(keptAll.problems()[3].where == "f.csv:9:3");  // the unknown actor, on the line its field starts
    REQUIRE(freed.size() == keptAll.problems().size());
    for (std::size_t i = 0; i < freed.size(); ++i) {
        CHECK(freed[i].where == keptAll.problems()[i].where);
        CHECK(freed[i].reason == keptAll.problems()[i].reason);
    }
}

TEST_CASE("Column mapping - rules read back as written, and bad rules are refused with their place") {
    const ColumnRule r = ColumnMapping::parseRule("Kg entregados=tonnes/1000", "--map");
    CHECK(r.header == "Kg entregados");
    CHECK(r.field == "tonnes");
    CHECK(r.factor == 0.001);
    CHECK(ruleText(r) == "Kg entregados=tonnes/1000");
    CHECK(ruleText(ColumnMapping::parseRule("Peso=tonnes*2.5", "x")) == "Peso=tonnes*2.5");
    CHECK(ColumnMapping::parseRule("Observaciones = ignorar", "x").field.empty());
    ColumnMapping m = ColumnMapping::parse("a=notes\nb=ignore\n", "m.txt");
    CHECK(ColumnMapping::parse(m.toText(), "again") == m);
    CHECK_THROWS_WITH(ColumnMapping::parse("a=notes\n\nb tonnes\n", "m.txt"), Catch::StartsWith("m.txt:3: a column rule is HEADER=FIELD"));
    CHECK_THROWS_WITH(ColumnMapping::parseRule("x=tonnes/0", "--map"), Catch::Contains("positive number"));
    CHECK_THROWS_WITH(ColumnMapping::parseRule("x=tonnes/1,5", "--map"), Catch::Contains("positive number"));
}

TEST_CASE("Cell values - Excel serial days become calendar dates, the phantom 1900-02-29 is refused") {
    CHECK(serialToIsoDate(1) == "1900-01-01");
    CHECK(serialToIsoDate(59) == "1900-02-28");
    CHECK(serialToIsoDate(60) == "");
    CHECK(serialToIsoDate(61) == "1900-03-01");
    CHECK(serialToIsoDate(45658) == "2025-01-01");
    CHECK(serialToIsoDate(45717.75) == "2025-03-01");
    CHECK(serialToIsoDate(2958465) == "9999-12-31");
    CHECK(serialToIsoDate(0) == "");
    CHECK(numberAsText(101) == "101");
    CHECK(numberAsText(173.8) == "173.8");
}

TEST_CASE("Sheet import - uncertainty columns in English and Spanish, kg units scaling them too") {
    SheetTable actors = sheet("cadena.xlsx", "Actores",
                              {{"Código", "Tipo de actor", "Pérdidas", "Pérdidas ± de", "Cambio de inventario ± de"},
                               {"org1", "Organización de recicladores", 2.0, 0.5, 1.25},
                               {101.0, "Exportador", "", "", ""},
                               {"ref", "Refinador o refundidor", "", "", ""}});
    SheetTable flows = sheet("cadena.xlsx", "Flujos",
                             {{"Código", "Origen", "Destino", "Toneladas", "Desviación estándar (kg)"},
                              {"f1", "org1", 101.0, 173.8, 12000.0},
                              {"f2", 101.0, "ref", 170.0, ""}});
    const Project p = importSheets(actors, flows, Catalogue::installed()).project;
    CHECK(p.actors[0].lossSdT == 0.5);
    CHECK(p.actors[0].stockChangeSdT == 1.25);
    CHECK(p.actors[1].lossSdT == 0);
    CHECK(p.flows[0].sdT == Approx(12.0).epsilon(1e-15));
    CHECK(p.flows[1].sdT == 0);

    flows = sheet("chain.xlsx", "Flows", {{"Id", "From", "To", "Tonnes", "Tonnes ± sd"}, {"f1", "org1", 101.0, 10.0, -1.0}});
    const SheetImportError e = errorOf(actors, flows);
    CHECK_THAT(e.what(), Catch::Contains("Flows!E2"));
    CHECK_THAT(e.what(), Catch::Contains("at least 0"));
}
