#include "questionnaire_texts.h"

#include "error.h"

namespace traza::reports {
namespace {

struct QuestionnaireText {
    std::string_view key, en, es;
};

// Keep both languages in step.
constexpr QuestionnaireText kTexts[] = {
    {"title", "Supplier questionnaire: {1}", "Cuestionario para el proveedor: {1}"},
    {"for", "For {1} ({2}), from the due-diligence assessment \"{3}\". Made on {4}.",
     "Para {1} ({2}), de la evaluación de debida diligencia \"{3}\". Preparado el {4}."},
    {"intro", "Please answer in the white cells and send this file back. Grey cells are locked: do not change them, and do not add, remove or move rows.",
     "Responda en las celdas blancas y devuelva este archivo. Las celdas grises están bloqueadas: no las cambie, ni agregue, borre o mueva filas."},
    {"checklist.head", "Sheet \"{1}\": the due-diligence items we ask you about", "Hoja \"{1}\": los ítems de debida diligencia sobre los que le preguntamos"},
    {"checklist.status", "Status: choose from the list ({1}).", "Estado: elija de la lista ({1})."},
    {"checklist.evidence", "Evidence: what shows the item is done (a short text).", "Evidencia: qué muestra que el ítem está cumplido (un texto corto)."},
    {"checklist.documents", "Documents: references of the documents (file names, numbers), separated by \";\".",
     "Documentos: referencias de los documentos (nombres de archivo, números), separadas por \";\"."},
    {"checklist.owner", "Owner: who is responsible; due date: when it will be done (YYYY-MM-DD).",
     "Responsable: quién se encarga; fecha límite: cuándo estará cumplido (AAAA-MM-DD)."},
    {"flows.head", "Sheet \"{1}\": the material you sent or received, to confirm or correct",
     "Hoja \"{1}\": el material que usted envió o recibió, para confirmar o corregir"},
    {"flows.tonnes", "Tonnes: the tonnes of the flow in the period (more than 0).", "Toneladas: las toneladas del flujo en el periodo (más de 0)."},
    {"flows.documented", "Documented tonnes: how many of them documents back (0 up to the tonnes).",
     "Toneladas documentadas: cuántas de ellas respaldan los documentos (de 0 hasta las toneladas)."},
    {"flows.evidence", "Evidence: the best level of evidence of those documents ({1}).", "Evidencia: el mejor nivel de evidencia de esos documentos ({1})."},
    {"flows.documents", "Documents: the kinds of document, separated by \";\" ({1}).", "Documentos: los tipos de documento, separados por \";\" ({1})."},
    {"return", "Traza checks the returned file: answers outside these rules are refused with the cell named.",
     "Traza revisa el archivo devuelto: las respuestas fuera de estas reglas se rechazan indicando la celda."},
    {"col.id", "ID", "ID"},
    {"col.item", "Item", "Ítem"},
    {"col.status", "Status", "Estado"},
    {"col.evidence", "Evidence", "Evidencia"},
    {"col.documents", "Documents", "Documentos"},
    {"col.owner", "Owner", "Responsable"},
    {"col.due", "Due date", "Fecha límite"},
    {"col.from", "From", "Origen"},
    {"col.to", "To", "Destino"},
    {"col.tonnes", "Tonnes", "Toneladas"},
    {"col.documented_t", "Documented (t)", "Documentadas (t)"},
    {"list.title", "Choose from the list", "Elija de la lista"},
    {"list.message", "Please choose one of the values of the list.", "Elija uno de los valores de la lista."},
    {"number.title", "A number", "Un número"},
    {"number.positive", "Tonnes: a number more than 0.", "Toneladas: un número mayor que 0."},
    {"number.nonnegative", "A number, 0 or more.", "Un número, 0 o más."},
    {"date.title", "A date", "Una fecha"},
    {"date.message", "A date, YYYY-MM-DD.", "Una fecha, AAAA-MM-DD."},
    // The answers diff (traza-cli answers).
    {"diff.head", "{1}: answers of {2} ({3}), questionnaire of {4}", "{1}: respuestas de {2} ({3}), cuestionario del {4}"},
    {"diff.item", "Checklist item {1}:", "Ítem {1} de la lista:"},
    {"diff.flow", "Flow {1} ({2} -> {3}):", "Flujo {1} ({2} -> {3}):"},
    {"diff.status", "status", "estado"},
    {"diff.evidence", "evidence", "evidencia"},
    {"diff.documents", "documents", "documentos"},
    {"diff.owner", "owner", "responsable"},
    {"diff.due", "due date", "fecha límite"},
    {"diff.tonnes", "tonnes", "toneladas"},
    {"diff.documented_t", "documented tonnes", "toneladas documentadas"},
    {"diff.evidence_level", "evidence level", "nivel de evidencia"},
    {"diff.unknown", "unknown", "desconocidas"},
    {"diff.none", "No changes: the answers are what the project already says.", "Sin cambios: las respuestas coinciden con el proyecto."},
    {"diff.count", "{1} checklist item(s) and {2} flow(s) change.", "Cambian {1} ítem(s) de la lista y {2} flujo(s)."},
    {"diff.dry_run", "Dry run: nothing was changed.", "Simulación: no se cambió nada."},
    {"diff.saved", "Applied as one change (\"{1}\") and saved to {2}.", "Aplicado como un solo cambio (\"{1}\") y guardado en {2}."},
};

}  // namespace

std::string questionnaireText(std::string_view key, std::string_view lang, std::initializer_list<std::string> args) {
    for (const QuestionnaireText& t : kTexts) {
        if (t.key != key) continue;
        std::string s(lang == "es" ? t.es : t.en);
        int n = 1;
        for (const std::string& a : args) {
            const std::string mark = "{" + std::to_string(n++) + "}";
            for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at + a.size())) s.replace(at, mark.size(), a);
        }
        return s;
    }
    throw Error("no questionnaire text \"" + std::string(key) + "\"");
}

std::vector<std::string_view> questionnaireTextKeys() {
    std::vector<std::string_view> keys;
    for (const QuestionnaireText& t : kTexts) keys.push_back(t.key);
    return keys;
}

}  // namespace traza::reports
