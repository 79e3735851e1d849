#include "labels.h"

#include <algorithm>
#include <unordered_map>

#include "error.h"

namespace traza::reports {

namespace {

struct Entry {
    std::string_view key;
    std::string en;
    std::string es;
};

// {1}, {2}: arguments of Labels::format. Keep both languages in step.
const std::vector<Entry>& table() {
    static const std::vector<Entry> entries = {
        // Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules).
        {"sheet.summary", "Summary", "Resumen"},
        {"sheet.actors", "Actors", "Actores"},
        {"sheet.flows", "Flows", "Flujos"},
        {"sheet.choke_points", "Choke points", "Puntos de control"},
        {"sheet.traceability", "Traceability", "Trazabilidad"},
        {"sheet.mass_balance", "Mass balance", "Balance de masas"},
        {"sheet.red_flags", "Red flags", "Señales de alerta"},
        {"sheet.checklist", "Checklist", "Lista de verificación"},
        {"sheet.goals", "Goals and supports", "Metas y apoyos"},
        {"sheet.methodology", "Methodology", "Metodología"},
        {"sheet.plan", "Plan", "Plan"},
        {"sheet.legend", "Legend", "Leyenda"},
        {"sheet.weights", "Weights", "Pesos"},
        // Issue 19: the comparison with an earlier project (report --compare-with).
        {"sheet.comparison", "Comparison", "Comparación"},
        {"title.comparison", "What changed since the earlier project", "Qué cambió desde el proyecto anterior"},
        {"note.compared_with", "Earlier project: {1}. Actors, flows and red flags are matched by id.",
         "Proyecto anterior: {1}. Actores, flujos y señales de alerta se emparejan por identificador."},
        {"col.measure", "Measure", "Medida"},
        {"col.before", "Before", "Antes"},
        {"col.after", "After", "Después"},
        {"col.change", "Change", "Cambio"},
        {"cmp.total_t", "Tonnes reaching the destinations", "Toneladas que llegan a los destinos"},
        {"cmp.flow_tonnes", "Tonnes in all flows", "Toneladas en todos los flujos"},
        {"cmp.actors", "Actors", "Actores"},
        {"cmp.flows", "Flows", "Flujos"},
        {"cmp.added_removed", "Actors: {1} added, {2} removed. Flows: {3} added, {4} removed.",
         "Actores: {1} añadidos, {2} retirados. Flujos: {3} añadidos, {4} retirados."},
        {"cmp.section.documented", "Documented share of the flows' tonnes at each evidence level",
         "Parte documentada de las toneladas de los flujos en cada nivel de evidencia"},
        {"cmp.first_mile", "{1}, first mile (flows from stage 1)", "{1}, primera milla (flujos desde el eslabón 1)"},
        {"cmp.section.traced", "Destination input traced back to stage k, and the horizon",
         "Entrada a los destinos trazada hasta el eslabón k, y el horizonte"},
        {"cmp.traced_to", "{1}, traced back to stage {2}", "{1}, trazada hasta el eslabón {2}"},
        {"cmp.horizon", "{1}, horizon (stage)", "{1}, horizonte (eslabón)"},
        {"cmp.section.choke_points", "Choke points: rank before and after (-: not one)",
         "Puntos de control: puesto antes y después (-: no lo es)"},
        {"cmp.section.flags", "Red flags: {1} new (+), {2} no longer raised (−)",
         "Señales de alerta: {1} nuevas (+), {2} que ya no aparecen (−)"},
        {"cmp.section.sales", "Actors whose sales changed, largest change first (tonnes sold)",
         "Actores cuyas ventas cambiaron, el mayor cambio primero (toneladas vendidas)"},
        {"cmp.added", "(new)", "(nuevo)"},
        {"cmp.removed", "(gone)", "(ya no está)"},
        {"cmp.none", "None.", "Ninguno."},
        {"cmp.more_actors", "… and {1} more actors (traza-cli compare --json lists all).",
         "… y {1} actores más (traza-cli compare --json los lista todos)."},
        // Issue 16: the findings register and the actors' own due diligence.
        {"sheet.findings", "Findings", "Hallazgos"},
        {"title.findings", "Findings and corrective actions (OECD steps 3 and 4)",
         "Hallazgos y acciones correctivas (pasos 3 y 4 de la OCDE)"},
        {"col.finding", "Finding", "Hallazgo"},
        {"col.source", "Source", "Origen"},
        {"value.typed_in_workbench", "typed in the workbench", "escrito en el banco de trabajo"},
        {"col.origin", "Red-flag rule or checklist item", "Regla de alerta o ítem de la lista"},
        {"col.subject", "Actor or flow", "Actor o flujo"},
        {"col.subject_name", "About", "Sobre"},
        {"col.response", "Response", "Respuesta"},
        {"col.action", "Corrective action", "Acción correctiva"},
        {"col.overdue", "Overdue", "Vencida"},
        {"col.closing_evidence", "Evidence that closed it", "Evidencia del cierre"},
        {"col.closed_on", "Closed on", "Cerrado el"},
        {"col.flag_now", "Red flag in this analysis", "Señal de alerta en este análisis"},
        {"finding.source.red_flag", "Red flag", "Señal de alerta"},
        {"finding.source.checklist_item", "Checklist item", "Ítem de la lista de verificación"},
        {"finding.source.user", "Assessor", "Evaluador"},
        {"finding.response.mitigate_while_trading", "Mitigate while trading", "Mitigar sin suspender el comercio"},
        {"finding.response.suspend", "Suspend trade", "Suspender el comercio"},
        {"finding.response.disengage", "Disengage", "Desvincularse"},
        {"finding.status.open", "Open", "Abierto"},
        {"finding.status.in_progress", "In progress", "En curso"},
        {"finding.status.closed", "Closed", "Cerrado"},
        {"finding.flag.raised", "Raised", "Activada"},
        {"finding.flag.not_raised", "Not raised", "No activada"},
        {"finding.whole_assessment", "The assessment as a whole", "La evaluación en su conjunto"},
        {"finding.ref.assessed", "the assessment date", "la fecha de la evaluación"},
        {"finding.ref.today", "the day this workbook was written: the assessment has no date",
         "el día en que se escribió este libro: la evaluación no tiene fecha"},
        {"note.findings_overdue", "Overdue: not closed, and due before {1} ({2}).",
         "Vencida: no cerrada y con plazo antes del {1} ({2})."},
        {"section.findings", "Findings and corrective actions", "Hallazgos y acciones correctivas"},
        {"label.findings_open", "Open or in progress", "Abiertos o en curso"},
        {"label.findings_closed", "Closed", "Cerrados"},
        {"label.findings_overdue", "Overdue corrective actions", "Acciones correctivas vencidas"},
        {"note.no_overdue", "No corrective action is overdue.", "Ninguna acción correctiva está vencida."},
        {"section.own_due_diligence", "Own due diligence and chain-of-custody certification (refiners first)",
         "Debida diligencia propia y certificación de cadena de custodia (refinerías primero)"},
        {"col.dd_status", "Own due diligence", "Debida diligencia propia"},
        {"col.coc_certification", "Chain-of-custody certification", "Certificación de cadena de custodia"},
        {"dd.none", "None known", "Ninguna conocida"},
        {"dd.self_assessed", "Self-assessed", "Autoevaluada"},
        {"dd.third_party_audited", "Audited by a third party", "Auditada por un tercero"},
        {"title.weights", "Risk weights in use (the project's catalogue): every score can be redone by hand",
         "Pesos de riesgo en uso (catálogo del proyecto): cada puntaje puede rehacerse a mano"},
        {"col.weight", "Value", "Valor"},
        {"section.kind_risk", "Inherent risk by actor kind", "Riesgo inherente por tipo de actor"},
        {"section.typology_risk", "Baseline risk by typology of recycled input",
         "Riesgo base por tipología de insumo reciclado"},
        {"section.factor_weights", "Weight of each risk factor", "Peso de cada factor de riesgo"},
        {"note.weights_fell_back",
         "The project's catalogue lacks some of these weights: Traza's built-in values were used for them.",
         "Al catálogo del proyecto le faltan algunos de estos pesos: se usaron los valores incorporados de Traza."},
        {"weight.typology_weight", "Share of the base risk from the typology of the material handled",
         "Parte del riesgo base que viene de la tipología del material"},
        {"weight.kind_weight", "Share of the base risk from the actor kind", "Parte del riesgo base que viene del tipo de actor"},
        {"weight.formality_weight", "Share of the base risk from formality", "Parte del riesgo base que viene de la formalidad"},
        {"weight.formality_informal", "Risk of an informal actor", "Riesgo de un actor informal"},
        {"weight.formality_semi_formal", "Risk of a semi-formal actor", "Riesgo de un actor semiformal"},
        {"weight.formality_formal", "Risk of a formal actor", "Riesgo de un actor formal"},
        {"weight.unknown_typology_risk", "Typology risk of material with no typology",
         "Riesgo de tipología del material sin tipología"},
        {"weight.mitigation_weight", "Largest share of the risk that a complete checklist removes",
         "Mayor parte del riesgo que una lista completa elimina"},
        {"weight.level_medium", "Residual risk from which the level is medium", "Riesgo residual desde el cual el nivel es medio"},
        {"weight.level_high", "Residual risk from which the level is high", "Riesgo residual desde el cual el nivel es alto"},
        {"weight.level_critical", "Residual risk from which the level is critical",
         "Riesgo residual desde el cual el nivel es crítico"},
        {"weight.choke_share_weight", "Choke score: weight of the flow share", "Puntaje de control: peso de la participación"},
        {"weight.choke_aggregation_weight", "Choke score: weight of the upstream sources and pickers aggregated",
         "Puntaje de control: peso de las fuentes y recicladores agrupados"},
        {"weight.choke_documentation_weight", "Choke score: weight of the documented sales share",
         "Puntaje de control: peso de la parte documentada de las ventas"},
        {"weight.choke_dominance_weight", "Choke score: weight of the destinations dominated",
         "Puntaje de control: peso de los destinos dominados"},
        {"section.sign_off", "Sign-off", "Firma"},
        {"label.assessor_signature", "Assessor (sign, date)", "Evaluador (firma, fecha)"},
        {"label.reviewer", "Reviewer (name, sign, date)", "Revisor (nombre, firma, fecha)"},
        {"label.project_file", "Project file", "Archivo del proyecto"},
        {"label.project_sha256", "Project file SHA-256", "SHA-256 del archivo"},
        {"label.catalogue_version", "Catalogue", "Catálogo"},
        {"label.traza_version", "Traza version", "Versión de Traza"},
        {"note.no_project_file", "(not given: the workbook was written from a project in memory)",
         "(no indicado: el libro se escribió desde un proyecto en memoria)"},
        {"note.catalogue_version", "{1}; fingerprint SHA-256 {2}", "{1}; huella SHA-256 {2}"},
        {"sheet.reconciliation", "Reconciliation", "Conciliación"},
        {"sheet.claims", "Claims", "Declaraciones"},
        {"title.claims", "Claim accounts (mass balance, credit method): input and output per claiming actor and period",
         "Cuentas de declaración (balance de masa, método de créditos): entradas y salidas por actor y período"},
        {"note.claims_physical",
         "A mass-balance claim implies no physical content: it says how many tonnes may carry the claim, not which "
         "tonnes are documented. Tonnes and documented tonnes follow the Flows sheet; eligibility, the yield and the "
         "claimed tonnes are the project's (docs/methodology.md, 5.3).",
         "Una declaración de balance de masa no implica contenido físico: dice cuántas toneladas pueden llevar la "
         "declaración, no cuáles están documentadas. Las toneladas y las toneladas documentadas siguen la hoja Flujos; "
         "la admisibilidad, el rendimiento y las toneladas declaradas son del proyecto (docs/methodology.md, 5.3)."},
        {"section.claims_account", "{1}: profile {2}, periods of {3} months, credits usable {4} periods later",
         "{1}: perfil {2}, períodos de {3} meses, créditos utilizables {4} períodos después"},
        {"section.claims_period", "Period {1} to {2}", "Período {1} a {2}"},
        {"note.claims_no_flows", "No flow enters or leaves this actor.", "Ningún flujo entra o sale de este actor."},
        {"col.eligible_t", "Eligible (t)", "Admisible (t)"},
        {"col.not_eligible_t", "Not eligible (t)", "No admisible (t)"},
        {"col.eligibility", "Why (each condition of the eligibility rule)", "Por qué (cada condición de la regla de admisibilidad)"},
        {"col.claimed_t", "Claimed (t)", "Declarada (t)"},
        {"col.not_claimed_t", "Not claimed (t)", "No declarada (t)"},
        {"label.claims_yield", "Yield (output per tonne of eligible input)", "Rendimiento (salida por tonelada de entrada admisible)"},
        {"label.claims_eligible_in", "Eligible input (t)", "Entrada admisible (t)"},
        {"label.claims_not_eligible_in", "Input not eligible (t)", "Entrada no admisible (t)"},
        {"label.claims_input_share", "Input %: eligible / all input", "% de entrada: admisible / toda la entrada"},
        {"label.claims_credits", "Credits (t): eligible input × yield", "Créditos (t): entrada admisible × rendimiento"},
        {"label.claims_carried_in", "Carried in from the last period (t)", "Trasladado del período anterior (t)"},
        {"label.claims_claimable", "Claimable output (t): carried in + credits", "Salida declarable (t): trasladado + créditos"},
        {"label.claims_output", "Output (t)", "Salida (t)"},
        {"label.claims_claimed", "Output claimed (t)", "Salida declarada (t)"},
        {"label.claims_not_claimed", "Output not claimed (t)", "Salida no declarada (t)"},
        {"label.claims_output_share", "Output %: claimed / all output", "% de salida: declarada / toda la salida"},
        {"label.claims_expired", "Expired credits (t)", "Créditos vencidos (t)"},
        {"label.claims_balance", "Balance carried over (t): claimable − claimed − expired",
         "Saldo trasladado (t): declarable − declarada − vencidos"},
        {"label.claims_check", "Claimed within the claimable output", "Declarada dentro de la salida declarable"},
        {"common.ok", "OK", "Correcto"},
        {"note.claims_over_allocated", "Over-allocated", "Sobreasignada"},

        {"title.summary", "Due-diligence report: {1}", "Informe de debida diligencia: {1}"},
        {"title.actors", "Actors of the chain, with the analysis of each",
         "Actores de la cadena, con el análisis de cada uno"},
        {"title.flows", "Flows of material and their documentation", "Flujos de material y su documentación"},
        {"title.choke_points", "Choke points, ranked (where due diligence reaches most material)",
         "Puntos de control, en orden (donde la debida diligencia alcanza más material)"},
        {"title.traceability", "Share of destination input traced back to each stage, by evidence level",
         "Proporción de lo recibido en destino trazada hasta cada eslabón, por nivel de evidencia"},
        {"title.mass_balance", "Mass balance per actor: in - out - stock change - losses",
         "Balance de masas por actor: entradas - salidas - cambio de inventario - pérdidas"},
        {"title.red_flags", "Red flags raised by the rules", "Señales de alerta activadas por las reglas"},
        {"title.reconciliation", "Reconciliation of uncertain figures: the figures ranked by how unlikely their correction is (|z|)",
         "Conciliación de las cifras inciertas: las cifras ordenadas según lo improbable de su corrección (|z|)"},
        {"recon.figure", "Figure", "Cifra"},
        {"recon.flow", "Flow tonnes", "Toneladas del flujo"},
        {"recon.entered_t", "Entered (t)", "Registrado (t)"},
        {"recon.entered_sd_t", "Entered ± sd (t)", "Registrado ± de (t)"},
        {"recon.reconciled_t", "Reconciled (t)", "Conciliado (t)"},
        {"recon.reconciled_sd_t", "Reconciled ± sd (t)", "Conciliado ± de (t)"},
        {"recon.adjustment_t", "Adjustment (t)", "Ajuste (t)"},
        {"recon.z", "z", "z"},
        {"recon.redundancy", "Checked share of its variance", "Parte verificada de su varianza"},
        {"recon.implausible", "Implausible", "Inverosímil"},
        {"recon.adjusted", "adjusted and tested", "ajustada y probada"},
        {"recon.not_redundant", "checked by no balance: an error would go undetected",
         "ningún balance la verifica: un error pasaría inadvertido"},
        {"recon.computed", "unknown, computed from the balances", "desconocida, calculada con los balances"},
        {"recon.not_determined", "unknown, not determined by the balances", "desconocida, los balances no la determinan"},
        {"recon.verdict", "Global test (χ²)", "Prueba global (χ²)"},
        {"recon.chi2", "χ²", "χ²"},
        {"recon.dof", "Degrees of freedom", "Grados de libertad"},
        {"recon.p_value", "p-value", "Valor p"},
        {"recon.chi2_critical", "Critical χ² at 5%", "χ² crítico al 5 %"},
        {"recon.flow_z_critical", "Critical |z| per figure (5%, Šidák)", "|z| crítico por cifra (5 %, Šidák)"},
        {"recon.nodal_z_critical", "Critical |nodal z| per actor (5%, Šidák)", "|z nodal| crítico por actor (5 %, Šidák)"},
        {"recon.verdict_passes", "The figures agree with each other within their stated uncertainties.",
         "Las cifras concuerdan entre sí dentro de las incertidumbres declaradas."},
        {"recon.verdict_fails",
         "The figures contradict each other more than their stated uncertainties allow: at least one cannot be true. "
         "The figure at the top of the table (largest |z|) is the most likely to be wrong.",
         "Las cifras se contradicen más de lo que permiten sus incertidumbres declaradas: al menos una no puede ser "
         "cierta. La cifra al principio de la tabla (mayor |z|) es la que con más probabilidad está errada."},
        {"recon.verdict_inconsistent",
         "Some balances are off and none of their figures may change (see 'Cannot close' below): correct the data or "
         "give a figure its uncertainty.",
         "Algunos balances no cierran y ninguna de sus cifras puede cambiar (ver 'No puede cerrar' abajo): corrija los "
         "datos o dé a una cifra su incertidumbre."},
        {"recon.verdict_not_redundant", "No balance checks any uncertain figure: nothing can be tested.",
         "Ningún balance verifica una cifra incierta: no hay nada que probar."},
        {"recon.used", "The other sheets use the reconciled figures.", "Las demás hojas usan las cifras conciliadas."},
        {"recon.not_used", "The other sheets use the figures as entered.", "Las demás hojas usan las cifras registradas."},
        {"recon.nodal", "Balance of each actor (nodal test)", "Balance de cada actor (prueba nodal)"},
        {"recon.imbalance_t", "Imbalance as entered (t)", "Desbalance registrado (t)"},
        {"recon.nodal_z", "Nodal z", "z nodal"},
        {"recon.group", "Actors balanced together", "Actores balanceados juntos"},
        {"recon.cannot_close", "Cannot close", "No puede cerrar"},
        {"title.checklist", "OECD due-diligence checklist", "Lista de verificación de debida diligencia OCDE"},
        {"title.goals", "Delivery goals, compliance and supports", "Metas de entrega, cumplimiento y apoyos"},
        {"title.plan", "What to document next", "Qué documentar ahora"},
        {"section.plan", "Plan: flows to document, in order, at {1} back to stage {2} to reach {3}",
         "Plan: flujos a documentar, en orden, en nivel {1} hasta el eslabón {2} para alcanzar {3}"},
        {"section.next_flows", "Flows worth most on their own, by evidence level (back to stage {1})",
         "Flujos que más aportan por sí solos, por nivel de evidencia (hasta el eslabón {1})"},
        {"note.plan_start", "Traced today: {1}. {2}", "Trazado hoy: {1}. {2}"},
        {"note.plan_reached", "The plan reaches the target.", "El plan alcanza la meta."},
        {"note.plan_not_reached", "The target cannot be reached by documenting flows at this level.",
         "La meta no se alcanza documentando flujos en este nivel."},
        {"note.no_plan", "No plan was asked for (traza-cli report --plan-level L).",
         "No se pidió un plan (traza-cli report --plan-level L)."},
        {"note.plan_method",
         "Gain: the exact increase of the traced share (proportional method) if that flow alone became documented "
         "at the level for all its tonnes. The plan takes, step by step, the flow with the largest gain and "
         "recomputes every gain; it is short but not guaranteed to be the shortest (docs/methodology.md).",
         "Ganancia: el aumento exacto de la proporción trazada (método proporcional) si solo ese flujo quedara "
         "documentado en el nivel por todas sus toneladas. El plan toma, paso a paso, el flujo de mayor ganancia y "
         "vuelve a calcular todas; es corto pero no se garantiza que sea el más corto (docs/methodology.md)."},
        {"title.methodology", "Methodology: the definitions behind every number",
         "Metodología: las definiciones detrás de cada cifra"},

        {"section.assessment", "Assessment", "Evaluación"},
        {"section.tonnage", "Material reaching the destinations", "Material que llega a los destinos"},
        {"section.statement", "Traceability limits", "Límites de la trazabilidad"},
        {"section.top_choke_points", "Top choke points", "Principales puntos de control"},
        {"section.evidence_levels", "Evidence levels", "Niveles de evidencia"},
        {"section.risk_levels", "Risk levels (actors) and severities (red flags)",
         "Niveles de riesgo (actores) y gravedades (señales de alerta)"},
        {"section.highest_risk", "Highest-risk actors (actor risk level, not red-flag severity)",
         "Actores de mayor riesgo (nivel de riesgo del actor, no gravedad de señal de alerta)"},
        {"section.red_flag_severity", "Red flags by severity (of the flag, not the actor's risk level)",
         "Señales de alerta por gravedad (de la señal, no el nivel de riesgo del actor)"},
        {"note.more_high_risk", "{1} actors at these levels in all: see the Actors sheet.",
         "{1} actores en estos niveles en total: ver la hoja Actores."},
        {"note.no_high_risk", "No actor has a high or critical risk level.",
         "Ningún actor tiene un nivel de riesgo alto o crítico."},
        {"section.warnings", "Analysis warnings", "Advertencias del análisis"},
        {"section.chain_map", "Chain map", "Mapa de la cadena"},
        {"section.layout", "Layout of this workbook", "Formato de este libro"},
        {"title.legend", "Codes used in this workbook (national layout) and what they stand for",
         "Códigos usados en este libro (formato nacional) y lo que significan"},
        {"col.code", "Code", "Código"},
        {"col.code_group", "Kind of code", "Tipo de código"},
        {"col.stands_for", "Stands for", "Significa"},
        {"col.uses", "Cells using it", "Celdas que lo usan"},
        {"legend.kind", "Actor kind", "Tipo de actor"},
        {"legend.risk_factors", "Risk factors of an actor", "Factores de riesgo de un actor"},
        {"legend.risk_reasons", "Risk reasons of an actor", "Razones del riesgo de un actor"},
        {"legend.document", "Document type", "Tipo de documento"},
        {"legend.typology", "Typology", "Tipología"},
        {"legend.break_reason", "Trace-break reason", "Motivo de la ruptura"},
        {"legend.rule_group", "Red-flag rule", "Regla de señal de alerta"},
        {"legend.rule", "{1} (category: {2})", "{1} (categoría: {2})"},
        {"note.national_layout",
         "This chain has more than {1} flows, so the workbook uses the national layout. Text that thousands of "
         "rows share is written once, on the {2} sheet, and the tables give its code: actor kinds, document types, "
         "typologies and red-flag rules by their catalogue id; each actor's set of risk factors (F1, F2, ...) and "
         "of risk reasons (R1, R2, ...) and each trace-break reason (B1, B2, ...) by a numbered code. Party names "
         "are on the Actors sheet only: the Flows, Traceability and Red flags sheets name actors by their id. "
         "Long texts stay on one line (no wrapping). Every actor, flow, figure and formula of the full layout is "
         "kept.",
         "Esta cadena tiene más de {1} flujos, por lo que el libro usa el formato nacional. El texto que comparten "
         "miles de filas se escribe una sola vez, en la hoja {2}, y las tablas dan su código: tipos de actor, tipos "
         "de documento, tipologías y reglas de señales de alerta por su identificador en el catálogo; el conjunto "
         "de factores de riesgo de cada actor (F1, F2, ...), el de sus razones de riesgo (R1, R2, ...) y cada motivo "
         "de ruptura de la trazabilidad (B1, B2, ...) por un código numerado. Los nombres de las partes están solo "
         "en la hoja Actores: las hojas Flujos, Trazabilidad y Señales de alerta identifican a los actores por su "
         "id. Los textos largos ocupan una sola línea (sin ajuste). Se conservan todos los actores, flujos, cifras "
         "y fórmulas del formato completo."},
        {"note.legend_read",
         "Look a code up by filtering column A. A code is unique within its kind (column B); "
         "the last column counts the cells of the other sheets that carry it.",
         "Busque un código filtrando la columna A. Un código es único dentro de su tipo (columna B); "
         "la última columna cuenta las celdas de las demás hojas que lo llevan."},
        {"section.breaks", "Breaks: flows where documentation stops", "Rupturas: flujos donde se pierde la documentación"},
        {"section.completion",
         "Completion by step: items done / items that apply (an item in progress counts 0 here; the risk "
         "mitigation's \"checklist progress\" counts it half)",
         "Cumplimiento por paso: ítems cumplidos / ítems que aplican (un ítem en curso cuenta 0 aquí; el "
         "\"avance de la lista\" de la mitigación del riesgo lo cuenta como la mitad)"},
        {"section.items", "Items", "Ítems"},
        {"section.supports_by_type", "Supports by type and region", "Apoyos por tipo y región"},
        {"section.supports_list", "Supports delivered", "Apoyos entregados"},
        {"section.reading", "Reading this workbook", "Cómo leer este libro"},

        {"label.title", "Title", "Título"},
        {"label.assessor", "Assessor", "Evaluador"},
        {"label.organisation", "Organisation", "Organización"},
        {"label.purpose", "Purpose", "Propósito"},
        {"label.material", "Material", "Material"},
        {"label.country", "Country", "País"},
        {"label.period", "Period", "Periodo"},
        {"label.currency", "Currency", "Moneda"},
        {"label.notes", "Notes", "Notas"},
        {"label.total_destinations", "Total received by the destinations", "Total recibido por los destinos"},
        {"label.actor_count", "Actors", "Actores"},
        {"label.flow_count", "Flows", "Flujos"},
        {"label.goals_delivered", "Delivered against goals (t)", "Entregado frente a metas (t)"},
        {"label.goals_compliance", "Goal compliance", "Cumplimiento de metas"},
        {"col.not_live", "(computed by Traza, not live)", "(calculado por Traza, no se recalcula)"},
        {"note.live_figures",
         "Tonnes, totals, gaps and compliance are formulas over the Flows sheet: edit a flow and they follow. "
         "Figures headed \"computed by Traza, not live\" (flow shares, exposure, traceability, choke scores, "
         "risk) and the sentences below were computed when the workbook was written and do not change.",
         "Las toneladas, totales, brechas y cumplimientos son fórmulas sobre la hoja Flujos: si se edita un flujo, "
         "cambian. Las cifras marcadas \"calculado por Traza, no se recalcula\" (participaciones, exposición, "
         "trazabilidad, puntajes de control, riesgo) y las frases de abajo se calcularon al escribir el libro y "
         "no cambian."},
        {"note.national_not_live",
         "National layout: tonnes per actor are values computed by Traza, not live formulas (a formula per actor "
         "over this many flows would make the workbook too slow to recalculate).",
         "Formato nacional: las toneladas por actor son valores calculados por Traza, no fórmulas (una fórmula por "
         "actor sobre tantos flujos haría el libro demasiado lento de recalcular)."},
        {"note.statement_not_live", "Computed by Traza when the workbook was written; not live.",
         "Calculado por Traza al escribir el libro; no se recalcula."},
        {"note.traceability_not_live",
         "The shares in this table are computed by Traza (the spec's traced share, which no spreadsheet formula "
         "gives) and are not live: they do not follow edits of the Flows sheet.",
         "Las proporciones de esta tabla las calcula Traza (la proporción trazada de la especificación, que ninguna "
         "fórmula de hoja de cálculo da) y no se recalculan al editar la hoja Flujos."},
        {"label.cost_per_tonne", "Cost per tonne delivered ({1}, supports with a recorded cost)",
         "Costo por tonelada entregada ({1}, apoyos con costo registrado)"},

        {"col.id", "ID", "ID"},
        {"col.name", "Name", "Nombre"},
        {"col.kind", "Kind", "Tipo"},
        {"col.stage", "Stage", "Eslabón"},
        {"col.stage_n", "Stage {1}", "Eslabón {1}"},
        {"col.credit_stage_n", "Credit method: stage {1}", "Método de créditos: eslabón {1}"},
        {"col.to_document_t", "To document (t)", "Por documentar (t)"},
        {"col.cumulative_t", "Cumulative (t)", "Acumulado (t)"},
        {"col.gain", "Gain", "Ganancia"},
        {"col.traced_after", "Traced after", "Trazado después"},
        {"col.evidence_level", "Evidence level", "Nivel de evidencia"},
        {"col.country", "Country", "País"},
        {"col.region", "Region / city", "Región / ciudad"},
        {"col.formality", "Formality", "Formalidad"},
        {"col.headcount", "Headcount", "Personas"},
        {"col.capacity_t", "Capacity (t)", "Capacidad (t)"},
        {"col.stock_change_t", "Stock change (t)", "Cambio de inventario (t)"},
        {"col.loss_t", "Losses (t)", "Pérdidas (t)"},
        {"col.public_service", "Public-service provider", "Prestador del servicio público"},
        {"col.risk_factors", "Risk factors", "Factores de riesgo"},
        {"col.in_t", "In (t)", "Entradas (t)"},
        {"col.out_t", "Out (t)", "Salidas (t)"},
        {"col.flow_share", "Flow share", "Participación en el flujo"},
        {"col.upstream_sources", "Upstream sources", "Fuentes aguas arriba"},
        {"col.upstream_headcount", "Upstream headcount", "Personas aguas arriba"},
        {"col.choke_point", "Choke point", "Punto de control"},
        {"col.choke_rank", "Choke rank", "Orden"},
        {"col.choke_score", "Score", "Puntaje"},
        {"col.mass_balance_gap_t", "Mass-balance gap (t)", "Diferencia del balance (t)"},
        {"col.mass_balance_flag", "Gap flag", "Alerta de diferencia"},
        {"col.inherent_risk", "Inherent risk", "Riesgo inherente"},
        {"col.mitigation", "Mitigation", "Mitigación"},
        {"col.residual_risk", "Residual risk", "Riesgo residual"},
        {"col.risk_level", "Risk level", "Nivel de riesgo"},
        {"col.risk_reasons", "Why this risk level", "Por qué este nivel de riesgo"},
        {"col.notes", "Notes", "Notas"},
        {"col.from", "From", "Origen"},
        {"col.from_name", "From (name)", "Origen (nombre)"},
        {"col.to", "To", "Destino"},
        {"col.to_name", "To (name)", "Destino (nombre)"},
        {"col.material", "Material", "Material"},
        {"col.tonnes", "Tonnes", "Toneladas"},
        {"col.documented_t", "Documented (t)", "Documentadas (t)"},
        {"col.documented_share", "Documented share", "Proporción documentada"},
        {"col.evidence", "Evidence", "Evidencia"},
        {"col.documents", "Documents", "Documentos"},
        {"col.payment", "Payment", "Pago"},
        {"col.price_per_t", "Price per tonne", "Precio por tonelada"},
        {"col.typology", "Typology", "Tipología"},
        {"col.period_start", "Period start", "Inicio del periodo"},
        {"col.period_end", "Period end", "Fin del periodo"},
        {"col.undocumented", "Undocumented", "Sin documentar"},
        {"col.rank", "Rank", "Orden"},
        {"col.dominates", "Dominates (every path to it passes here)",
         "Domina (todo camino hacia él pasa por aquí)"},
        {"col.reasons", "Reasons", "Razones"},
        {"col.level_or_better", "Evidence level (or better)", "Nivel de evidencia (o mejor)"},
        {"col.horizon", "Horizon", "Horizonte"},
        {"col.flow", "Flow", "Flujo"},
        {"col.undocumented_t", "Undocumented (t)", "Sin documentar (t)"},
        {"col.reason", "Reason", "Razón"},
        {"col.documented_below_t", "Documented, below the level (t)", "Documentadas, bajo el nivel (t)"},
        {"section.below_documented", "Hops documented below '{1}' (why '{1}' or better reads 0% past them)",
         "Tramos documentados por debajo de '{1}' (por qué '{1}' o mejor da 0 % más allá de ellos)"},
        {"note.below_documented",
         "documented only as '{1}', below '{2}': no tonne crossing this hop counts at '{2}' or better",
         "documentado solo como '{1}', por debajo de '{2}': ninguna tonelada que cruza este tramo cuenta como '{2}' o mejor"},
        {"col.gap_t", "Gap (t)", "Diferencia (t)"},
        {"col.tolerance_t", "Tolerance (t)", "Tolerancia (t)"},
        {"col.severity", "Severity", "Gravedad"},
        {"col.rule", "Rule", "Regla"},
        {"col.rule_id", "Rule ID", "ID de la regla"},
        {"col.category", "Category", "Categoría"},
        {"col.actor", "Actor", "Actor"},
        {"col.actor_name", "Actor (name)", "Actor (nombre)"},
        {"col.why", "Why", "Por qué"},
        {"col.scope", "Scope", "Alcance"},
        {"col.step", "Step", "Paso"},
        {"col.item_id", "Item", "Ítem"},
        {"col.item", "What to do", "Qué hacer"},
        {"col.on_the_ground", "On the ground", "En terreno"},
        {"col.template", "Template", "Plantilla"},
        {"col.reference", "Reference", "Referencia"},
        {"col.status", "Status", "Estado"},
        {"col.owner", "Owner", "Responsable"},
        {"col.due", "Due", "Fecha límite"},
        {"col.all_steps", "All steps", "Todos los pasos"},
        {"col.organisation", "Organisation", "Organización"},
        {"col.city", "City", "Ciudad"},
        {"col.buyer", "Buyer", "Comprador"},
        {"col.threshold_n", "Threshold {1} (t)", "Umbral {1} (t)"},
        {"col.goal_t", "Goal (t) = last threshold", "Meta (t) = último umbral"},
        {"col.delivered_t", "Delivered (t)", "Entregado (t)"},
        {"col.compliance", "Compliance", "Cumplimiento"},
        {"col.thresholds_reached", "Thresholds reached", "Umbrales alcanzados"},
        {"col.support_type", "Support", "Apoyo"},
        {"col.thresholds", "Threshold", "Umbral"},
        {"col.threshold", "Threshold", "Umbral"},
        {"col.count", "Count", "Cantidad"},
        {"col.beneficiaries", "Unique beneficiaries", "Beneficiarios únicos"},
        {"col.cost", "Cost", "Costo"},
        {"col.destination", "Destination", "Destino"},
        {"col.input_t", "Input (t)", "Recibido (t)"},
        {"col.share_of_total", "Share of total", "Proporción del total"},
        {"col.exposure", "Risk exposure (0-1)", "Exposición al riesgo (0-1)"},
        {"col.level", "Level", "Nivel"},
        {"col.meaning", "What qualifies", "Qué cuenta como tal"},
        {"col.section", "Section", "Sección"},
        {"col.text", "Text", "Texto"},

        {"common.yes", "Yes", "Sí"},
        {"common.no", "No", "No"},
        {"common.none", "none", "ninguno"},
        {"common.total", "Total", "Total"},
        {"common.total_visible", "Total (visible rows; a tonne counts once per hop it crosses)",
         "Total (filas visibles; una tonelada cuenta una vez por cada tramo que cruza)"},
        {"common.unknown", "unknown", "desconocido"},
        {"col.threshold_check", "Threshold reached by the organisation?", "¿Umbral alcanzado por la organización?"},
        {"common.threshold_not_reached", "No: {1} of {2} reached", "No: {1} de {2} alcanzados"},
        {"note.supports_unknown",
         "Beneficiaries and costs left at 0 in the project are unknown, not zero; totals add the known ones only.",
         "Los beneficiarios y costos en 0 en el proyecto son desconocidos, no cero; los totales suman solo los conocidos."},
        {"common.flagged", "Gap", "Diferencia"},
        {"common.not_applicable", "n/a", "n/a"},
        {"common.assessment", "Assessment (assessing company)", "Evaluación (empresa que evalúa)"},
        {"common.any_buyer", "any buyer", "cualquier comprador"},
        {"common.no_region", "(no region)", "(sin región)"},

        {"level.low", "Low", "Bajo"},
        {"level.medium", "Medium", "Medio"},
        {"level.high", "High", "Alto"},
        {"level.critical", "Critical", "Crítico"},
        {"status.not_started", "Not started", "Sin iniciar"},
        {"status.in_progress", "In progress", "En curso"},
        {"status.done", "Done", "Cumplido"},
        {"status.not_applicable", "Not applicable", "No aplica"},
        {"formality.informal", "Informal", "Informal"},
        {"formality.semi_formal", "Semi-formal", "Semiformal"},
        {"formality.formal", "Formal", "Formal"},
        {"payment.unknown", "Unknown", "Desconocido"},
        {"payment.cash", "Cash", "Efectivo"},
        {"payment.credit", "Credit", "Crédito"},
        {"support.equipment", "Equipment", "Dotación"},
        {"support.family_welfare_voucher", "Family welfare voucher", "Bono de bienestar familiar"},
        {"support.experiential_outing", "Experiential outing", "Salida experiencial"},

        {"chart.traced_by_stage", "Traced share of destination input, by stage",
         "Proporción trazada de lo recibido en destino, por eslabón"},
        {"chart.traced_share", "Traced share", "Proporción trazada"},
        {"chart.delivered_vs_goal", "Delivered against goal", "Entregado frente a la meta"},
        {"chart.tonnes", "Tonnes", "Toneladas"},

        {"map.legend",
         "Colour: risk level (green low, yellow medium, orange high, red critical). Line width: tonnes. "
         "Line: evidence of most of its tonnes: verified bold blue, documented solid dark grey, reported dashed "
         "orange, self-declared dashed red, none dotted grey.",
         "Color: nivel de riesgo (verde bajo, amarillo medio, naranja alto, rojo crítico). Grosor: toneladas. "
         "Línea: evidencia de la mayor parte de sus toneladas: verificado gruesa azul, documentado continua gris "
         "oscuro, reportado discontinua naranja, autodeclarado discontinua roja, sin evidencia punteada gris."},
        {"map.grouped", "Actors are grouped by stage and kind.", "Los actores se agrupan por eslabón y tipo."},
        {"map.group_count", "{1} actors", "{1} actores"},
        {"map.choke", "choke point #{1}", "punto de control n.º {1}"},
        {"map.caption", "Stages run left to right; each box is an actor, each arrow a flow with its tonnes.",
         "Los eslabones van de izquierda a derecha; cada recuadro es un actor y cada flecha un flujo con sus toneladas."},
        {"map.alt", "Map of the value chain", "Mapa de la cadena de valor"},
        {"map.empty", "the chain has no actors", "la cadena no tiene actores"},
        {"map.off", "not requested", "no solicitado"},

        {"note.generated", "Written by Traza {1} on {2}. Formulas keep their computed values.",
         "Generado por Traza {1} el {2}. Las fórmulas conservan sus valores calculados."},
        {"note.no_statement", "The analysis produced no traceability statement.",
         "El análisis no produjo una declaración de trazabilidad."},
        {"note.no_choke_points", "No actor qualifies as a choke point.", "Ningún actor califica como punto de control."},
        {"note.more_choke_points", "{1} choke points in all: see the Choke points sheet.",
         "{1} puntos de control en total: ver la hoja Puntos de control."},
        {"note.no_red_flags", "No red flag was raised.", "No se activó ninguna señal de alerta."},
        {"note.no_mass_balance", "No actor sits between a source and a destination.",
         "Ningún actor está entre una fuente y un destino."},
        {"note.no_traceability", "No destination input to trace.", "No hay material en destino que trazar."},
        {"note.no_supports", "No supports recorded.", "No hay apoyos registrados."},
        {"note.no_costs", "No support cost is recorded, so no cost per tonne is computed.",
         "No hay costos de apoyos registrados, así que no se calcula un costo por tonelada."},
        {"note.cost_per_tonne",
         "A cost-intensity proxy: recorded support costs divided by all tonnes delivered, not an operating cost.",
         "Un indicador de intensidad de costo: costos de apoyos registrados divididos por todas las toneladas "
         "entregadas; no es un costo de operación."},
        {"note.delivered_from_flows",
         "Delivered tonnes are summed from the Flows sheet (flows from the organisation to the buyer); "
         "compliance = delivered / goal.",
         "Las toneladas entregadas se suman desde la hoja Flujos (flujos de la organización al comprador); "
         "cumplimiento = entregado / meta."},
        {"note.risk_levels", "The same four words and colours grade an actor's risk level and a red flag's severity; "
         "the headings say which is meant.",
         "Las mismas cuatro palabras y colores califican el nivel de riesgo de un actor y la gravedad de una señal "
         "de alerta; los títulos dicen cuál es."},
        {"note.no_map", "Chain map not included: {1}.", "Mapa de la cadena no incluido: {1}."},
        {"note.horizon",
         "Horizon: the lowest stage whose traced share reaches {1} at that evidence level (highlighted).",
         "Horizonte: el eslabón más bajo cuya proporción trazada alcanza {1} en ese nivel de evidencia (resaltado)."},
        {"note.credit_method",
         "Credit method (mass balance): the most destination input that can be claimed as documented back to the "
         "stage when the documented tonnes are allocated along the chain in the best possible way (a maximum flow). "
         "A mass-balance claim implies no physical content: it does not say which tonnes are documented.",
         "Método de créditos (balance de masa): lo máximo de lo recibido en destino que puede declararse documentado "
         "hasta el eslabón si las toneladas documentadas se asignan a lo largo de la cadena de la mejor manera "
         "(un flujo máximo). Una declaración de balance de masa no implica contenido físico: no dice qué toneladas "
         "están documentadas."},
        {"note.traceability_read",
         "Read a row as: this share of what the destinations received is documented at this level or better on "
         "every hop back to an actor of that stage. Lower stages are further upstream.",
         "Lea cada fila así: esta proporción de lo recibido en destino está documentada en este nivel o mejor en "
         "cada tramo hasta un actor de ese eslabón. Los eslabones bajos están más aguas arriba."},
        {"note.methodology_source", "The rows below are docs/methodology.md, as built into this version of Traza.",
         "Las filas siguientes reproducen docs/methodology.md (en inglés), tal como viene en esta versión de Traza."},
        {"note.methodology_builtin",
         "Traza was built without docs/methodology.md; the definitions below are the built-in summary.",
         "Traza se compiló sin docs/methodology.md; las definiciones siguientes son el resumen incorporado (en inglés)."},

        {"method.formulas",
         "Totals, shares, gaps, compliance and completion are Excel formulas over the cells they come from; "
         "each formula also stores its computed value, so readers that do not recalculate show the same numbers.",
         "Totales, proporciones, diferencias, cumplimiento y avance son fórmulas de Excel sobre las celdas de origen; "
         "cada fórmula guarda además su valor calculado, así que los lectores que no recalculan muestran las mismas cifras."},
        {"method.units", "Tonnes are shown with one decimal (stored at full precision); shares as percentages.",
         "Las toneladas se muestran con un decimal (se guardan con precisión completa); las proporciones en porcentaje."},
        {"method.flow_share",
         "Flow share: the part of the material received by the destinations that passed through the actor.",
         "Participación en el flujo: la parte del material recibido por los destinos que pasó por el actor."},
        {"method.traceability",
         "Traced share: the part of destination input documented at the evidence level or better on every hop back "
         "to the stage; the horizon is the lowest stage reaching the threshold.",
         "Proporción trazada: la parte de lo recibido en destino documentada en ese nivel de evidencia o mejor en cada "
         "tramo hasta el eslabón; el horizonte es el eslabón más bajo que alcanza el umbral."},
        {"method.mass_balance",
         "Mass-balance gap = in - out - stock change - losses; flagged when larger than 1% of the input or 0.1 t.",
         "Diferencia del balance = entradas - salidas - cambio de inventario - pérdidas; se alerta si supera el 1 % "
         "de las entradas o 0,1 t."},
        {"method.compliance",
         "Compliance = tonnes delivered to the buyer / goal (the last threshold); delivered tonnes come from the flows.",
         "Cumplimiento = toneladas entregadas al comprador / meta (el último umbral); lo entregado sale de los flujos."},
        {"method.checklist", "Checklist completion = items done / items that apply (not-applicable items left out).",
         "Avance de la lista = ítems cumplidos / ítems que aplican (sin contar los que no aplican)."},
        {"method.map",
         "Chain map: colour is the risk level; an arrow's line and colour give the evidence level of most of its "
         "tonnes (the legend under the map).",
         "Mapa: el color es el nivel de riesgo; la línea y el color de una flecha dan el nivel de evidencia de la "
         "mayor parte de sus toneladas (la leyenda bajo el mapa)."},
        {"method.honesty",
         "Traceability is stated with its evidence level and tonnage share; what was only reported or self-declared "
         "is not presented as verified.",
         "La trazabilidad se declara con su nivel de evidencia y su proporción de toneladas; lo que solo fue reportado "
         "o autodeclarado no se presenta como verificado."},

        {"doc.title", "Traza due-diligence report", "Informe de debida diligencia de Traza"},
        {"doc.subject", "Due diligence of a recycled-metal value chain",
         "Debida diligencia de una cadena de valor de metal reciclado"},
        {"doc.comments", "Written by Traza {1}", "Generado por Traza {1}"},
    };
    return entries;
}

const std::unordered_map<std::string_view, const Entry*>& index() {
    static const auto map = [] {
        std::unordered_map<std::string_view, const Entry*> m;
        for (const Entry& e : table()) m.emplace(e.key, &e);
        return m;
    }();
    return map;
}

}  // namespace

Labels::Labels(std::string language) : m_language(std::move(language)) {
    const auto langs = languages();
    if (std::find(langs.begin(), langs.end(), m_language) == langs.end())
        throw InvalidInput("language", "unknown report language \"" + m_language + "\" (one of: en, es)");
}

const std::string* Labels::find(std::string_view key) const {
    auto it = index().find(key);
    if (it == index().end()) return nullptr;
    return m_language == "es" && !it->second->es.empty() ? &it->second->es : &it->second->en;
}

const std::string& Labels::operator()(std::string_view key) const {
    if (const std::string* s = find(key)) return *s;
    throw Error("report: no label \"" + std::string(key) + "\"");
}

std::string Labels::format(std::string_view key, std::initializer_list<std::string> args) const {
    std::string s = (*this)(key);
    int n = 1;
    for (const std::string& a : args) {
        const std::string mark = "{" + std::to_string(n++) + "}";
        for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at + a.size()))
            s.replace(at, mark.size(), a);
    }
    return s;
}

std::string Labels::level(const std::string& level) const {
    const std::string* s = find("level." + level);
    return s ? *s : level;
}

std::string Labels::status(std::string_view status) const { return (*this)("status." + std::string(status)); }

bool Labels::translated(std::string_view key, const std::string& language) {
    auto it = index().find(key);
    if (it == index().end()) return false;
    return language == "es" ? !it->second->es.empty() : language == "en" && !it->second->en.empty();
}

std::vector<std::string_view> Labels::keys() {
    std::vector<std::string_view> k;
    for (const Entry& e : table()) k.push_back(e.key);
    return k;
}

}  // namespace traza::reports
