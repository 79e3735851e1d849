#include "chain_template_texts.h"

#include <string>
#include <vector>

#include "error.h"

namespace traza::reports {
namespace {

struct Help {
    model::SheetKind sheet;
    std::string_view field;
    std::string_view meaningEn, meaningEs, unitEn, unitEs;
};

using model::SheetKind;

// Keep both languages in step; the units match what the importer understands
// (a "kg" in a header's brackets divides by 1000, see spreadsheet_words.json).
const std::vector<Help>& helps() {
    static const std::vector<Help> table{
        {SheetKind::Actors, "id", "Code of the actor, unique in the chain; the flows name actors by it.",
         "Código del actor, único en la cadena; los flujos nombran a los actores por él.", "", ""},
        {SheetKind::Actors, "name", "Name of the person, group or company.", "Nombre de la persona, grupo o empresa.", "", ""},
        {SheetKind::Actors, "kind", "Role of the actor in the chain.", "Papel del actor en la cadena.", "", ""},
        {SheetKind::Actors, "stage", "Place in the chain, 1 (collection) to 9; empty: the kind's usual stage.",
         "Lugar en la cadena, de 1 (recolección) a 9; vacío: el eslabón habitual del tipo.", "whole number 1-9",
         "número entero 1-9"},
        {SheetKind::Actors, "country", "Country, as an ISO code (CO, PE, ...).", "País, como código ISO (CO, PE, ...).", "", ""},
        {SheetKind::Actors, "region", "Region, department or city.", "Región, departamento o ciudad.", "", ""},
        {SheetKind::Actors, "formality", "Degree of formality of the actor.", "Grado de formalidad del actor.", "", ""},
        {SheetKind::Actors, "headcount", "People behind a picker group; 0 or empty: unknown.",
         "Personas detrás de un grupo de recicladores; 0 o vacío: desconocido.", "people", "personas"},
        {SheetKind::Actors, "capacity_t", "Tonnes the actor can handle in the period; 0 or empty: unknown.",
         "Toneladas que el actor puede manejar en el periodo; 0 o vacío: desconocido.", "tonnes", "toneladas"},
        {SheetKind::Actors, "stock_change_t", "Stock at the end minus stock at the start of the period (may be negative).",
         "Inventario al final menos inventario al inicio del periodo (puede ser negativo).", "tonnes", "toneladas"},
        {SheetKind::Actors, "loss_t", "Losses declared in the period.", "Pérdidas declaradas en el periodo.", "tonnes", "toneladas"},
        {SheetKind::Actors, "public_service_provider", "Whether the actor provides the public waste-collection service.",
         "Si el actor presta el servicio público de aseo.", "", ""},
        {SheetKind::Actors, "risk_factors", "Risk factors that apply, separated by ';'.",
         "Factores de riesgo que aplican, separados por ';'.", "", ""},
        {SheetKind::Actors, "notes", "Free text.", "Texto libre.", "", ""},
        {SheetKind::Actors, "stock_change_sd_t", "Uncertainty of the stock change, as a standard deviation; 0 or empty: exact.",
         "Incertidumbre del cambio de inventario, como desviación estándar; 0 o vacío: exacto.", "tonnes", "toneladas"},
        {SheetKind::Actors, "claim_yield",
         "Chain-of-custody claims: tonnes of output per tonne of eligible input (more than 0, at most 1); 0 or empty: 1.",
         "Declaraciones de cadena de custodia: toneladas de salida por tonelada de entrada admisible (más de 0, como "
         "máximo 1); 0 o vacío: 1.",
         "", ""},
        {SheetKind::Actors, "claim_profile",
         "Claim profile of an actor that makes claims: asi (12-month periods), iscc (3 months) or the project's own; "
         "empty: asi.",
         "Perfil de declaración de un actor que hace declaraciones: asi (períodos de 12 meses), iscc (3 meses) o uno "
         "propio del proyecto; vacío: asi.",
         "", ""},
        {SheetKind::Actors, "loss_sd_t", "Uncertainty of the losses, as a standard deviation; 0 or empty: exact.",
         "Incertidumbre de las pérdidas, como desviación estándar; 0 o vacío: exactas.", "tonnes", "toneladas"},
        {SheetKind::Flows, "id", "Code of the flow, unique in the chain.", "Código del flujo, único en la cadena.", "", ""},
        {SheetKind::Flows, "from", "Code of the actor that delivers the material (Actors sheet).",
         "Código del actor que entrega el material (hoja Actores).", "", ""},
        {SheetKind::Flows, "to", "Code of the actor that receives it.", "Código del actor que lo recibe.", "", ""},
        {SheetKind::Flows, "material", "Material delivered (e.g. tin scrap).", "Material entregado (p. ej. chatarra de estaño).", "", ""},
        {SheetKind::Flows, "tonnes", "Quantity delivered in the period; more than 0.", "Cantidad entregada en el periodo; mayor que 0.",
         "tonnes (a header 'Tonnes (kg)' reads kilograms)", "toneladas (un encabezado 'Toneladas (kg)' lee kilogramos)"},
        {SheetKind::Flows, "documented_t", "Part of the tonnes covered by documents; at most the tonnes.",
         "Parte de las toneladas cubierta por documentos; como mucho las toneladas.", "tonnes", "toneladas"},
        {SheetKind::Flows, "evidence", "Best evidence of where the material comes from.", "Mejor evidencia del origen del material.", "", ""},
        {SheetKind::Flows, "documents", "Documents that accompany the flow, separated by ';'.",
         "Documentos que acompañan el flujo, separados por ';'.", "", ""},
        {SheetKind::Flows, "payment", "How the material is paid.", "Cómo se paga el material.", "", ""},
        {SheetKind::Flows, "price_per_t", "Price paid per tonne; 0 or empty: unknown.", "Precio pagado por tonelada; 0 o vacío: desconocido.",
         "currency per tonne", "moneda por tonelada"},
        {SheetKind::Flows, "typology", "OECD typology of the recycled material (RRRM-1 to 4); empty: not classified.",
         "Tipología OCDE del material reciclado (RRRM-1 a 4); vacío: sin clasificar.", "", ""},
        {SheetKind::Flows, "period_start", "First day of the flow's period; empty: the assessment period.",
         "Primer día del periodo del flujo; vacío: el periodo de la evaluación.", "date", "fecha"},
        {SheetKind::Flows, "period_end", "Last day of the flow's period.", "Último día del periodo del flujo.", "date", "fecha"},
        {SheetKind::Flows, "notes", "Free text.", "Texto libre.", "", ""},
        {SheetKind::Flows, "sd_t",
         "Uncertainty of the tonnes, as a standard deviation (an estimate of 100 t give or take 10 t: 10); 0 or empty: exact. "
         "Reconciliation uses it to find the figures that cannot be true.",
         "Incertidumbre de las toneladas, como desviación estándar (una estimación de 100 t, más o menos 10 t: 10); 0 o vacío: "
         "exacta. La conciliación la usa para hallar las cifras que no pueden ser ciertas.",
         "tonnes", "toneladas"},
        {SheetKind::Flows, "claimed_t",
         "Tonnes of this flow its sender sells with a chain-of-custody claim; 0 or empty: none. The sender must make "
         "claims (refiners do); the claim account refuses claims above the credits available.",
         "Toneladas de este flujo que el remitente vende con una declaración de cadena de custodia; 0 o vacío: ninguna. "
         "El remitente debe hacer declaraciones (las refinadoras las hacen); la cuenta rechaza declaraciones por encima "
         "de los créditos disponibles.",
         "tonnes", "toneladas"},
    };
    return table;
}

struct Text {
    std::string_view key, en, es;
};

const std::vector<Text>& texts() {
    static const std::vector<Text> table{
        {"title", "Traza: template of a value chain", "Traza: plantilla de una cadena de valor"},
        {"intro",
         "Fill in one row per actor on the sheet Actors and one row per flow of material on the sheet Flows. Keep the "
         "first row (the column names) as it is; the columns may be in any order and empty optional columns may be "
         "deleted. Columns with an orange name are required.",
         "Llene una fila por actor en la hoja Actores y una fila por flujo de material en la hoja Flujos. Deje la "
         "primera fila (los nombres de las columnas) como está; las columnas pueden ir en cualquier orden y las "
         "columnas opcionales vacías pueden borrarse. Las columnas con el nombre en naranja son obligatorias."},
        {"lists",
         "Values with a drop-down list must be one of its values. Risk factors and documents take several values "
         "separated by ';', written as listed below or on the hidden sheet Lists (Format > Sheet > Unhide).",
         "Los valores con lista desplegable deben ser uno de sus valores. Factores de riesgo y documentos admiten "
         "varios valores separados por ';', escritos como en la lista de abajo o en la hoja oculta Listas (Formato > "
         "Hoja > Mostrar)."},
        {"import",
         "To import: on the command line, traza-cli import chain.xlsx -o chain.traza; in the workbench, File > Import "
         "spreadsheet... Nothing is imported while any cell is wrong; every problem is named by its sheet and cell.",
         "Para importar: en la línea de comandos, traza-cli import cadena.xlsx -o cadena.traza; en el banco de "
         "trabajo, Archivo > Importar hoja de cálculo... No se importa nada mientras una celda esté mal; cada "
         "problema se nombra por su hoja y celda."},
        {"columns", "Columns", "Columnas"},
        {"head.sheet", "Sheet", "Hoja"},
        {"head.column", "Column", "Columna"},
        {"head.required", "Required", "Obligatoria"},
        {"head.meaning", "Meaning", "Significado"},
        {"head.unit", "Unit", "Unidad"},
        {"head.values", "Allowed values", "Valores permitidos"},
        {"yes", "yes", "sí"},
        {"no", "no", "no"},
        {"required", "Required", "Obligatoria"},
        {"date_format", "a date (YYYY-MM-DD)", "una fecha (AAAA-MM-DD)"},
        {"yes_no", "Yes/No", "Sí/No"},
        {"list.title", "Choose from the list", "Elija de la lista"},
        {"list.message", "This value is not in the list; Traza may not recognise it.",
         "Este valor no está en la lista; Traza puede no reconocerlo."},
        {"number.title", "Not a valid number", "Número no válido"},
        {"number.nonnegative", "Enter a number, 0 or more.", "Escriba un número, 0 o más."},
        {"number.positive", "Enter a number greater than 0.", "Escriba un número mayor que 0."},
        {"number.stage", "Enter a whole number from 1 to 9.", "Escriba un número entero de 1 a 9."},
        {"number.headcount", "Enter a whole number, 0 or more.", "Escriba un número entero, 0 o más."},
        {"date.title", "Not a date", "No es una fecha"},
        {"date.message", "Enter a date (YYYY-MM-DD).", "Escriba una fecha (AAAA-MM-DD)."},
    };
    return table;
}

}  // namespace

ColumnHelp columnHelp(model::SheetKind sheet, std::string_view field, std::string_view lang) {
    for (const Help& h : helps())
        if (h.sheet == sheet && h.field == field) return lang == "es" ? ColumnHelp{h.meaningEs, h.unitEs} : ColumnHelp{h.meaningEn, h.unitEn};
    return {};
}

std::string_view templateText(std::string_view key, std::string_view lang) {
    for (const Text& t : texts())
        if (t.key == key) return lang == "es" ? t.es : t.en;
    throw Error("chain template: no text \"" + std::string(key) + "\"");
}

}  // namespace traza::reports
