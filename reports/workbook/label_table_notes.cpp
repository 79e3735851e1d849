// The workbook's fixed texts, part: notes, labels of label/value pairs, legend, map, methodology and document texts, value words.
// {1}, {2}: arguments of Labels::format. Keep both languages in step.
#include "label_table.h"

namespace traza::reports {

void noteLabels(std::vector<LabelEntry>& out) {
    const LabelEntry entries[] = {
        {"note.compared_with", "Earlier project: {1}. Actors, flows and red flags are matched by id.",
         "Proyecto anterior: {1}. Actores, flujos y señales de alerta se emparejan por identificador."},
        {"note.compared_periods",
         "Two periods of this project: {1} ({2} records) and {3} ({4} records). Only delivery records carry dates: each "
         "flow counts the records dated in the period; {5} flows without records ({6} t, undated) are left out.",
         "Dos periodos de este proyecto: {1} ({2} registros) y {3} ({4} registros). Solo los registros de entrega tienen "
         "fecha: cada flujo cuenta los registros fechados en el periodo; {5} flujos sin registros ({6} t, sin fecha) "
         "quedan fuera."},
        {"value.typed_in_workbench", "typed in the workbench", "escrito en el banco de trabajo"},
        {"note.findings_overdue", "Overdue: not closed, and due before {1} ({2}).",
         "Vencida: no cerrada y con plazo antes del {1} ({2})."},
        {"label.findings_open", "Open or in progress", "Abiertos o en curso"},
        {"label.findings_closed", "Closed", "Cerrados"},
        {"label.findings_overdue", "Overdue corrective actions", "Acciones correctivas vencidas"},
        {"note.no_overdue", "No corrective action is overdue.", "Ninguna acción correctiva está vencida."},
        {"dd.none", "None known", "Ninguna conocida"},
        {"dd.self_assessed", "Self-assessed", "Autoevaluada"},
        {"dd.third_party_audited", "Audited by a third party", "Auditada por un tercero"},
        {"note.weights_fell_back",
         "The project's catalogue lacks some of these weights: Traza's built-in values were used for them.",
         "Al catálogo del proyecto le faltan algunos de estos pesos: se usaron los valores incorporados de Traza."},
        {"label.assessor_signature", "Assessor (sign, date)", "Evaluador (firma, fecha)"},
        {"label.reviewer", "Reviewer (name, sign, date)", "Revisor (nombre, firma, fecha)"},
        {"label.project_file", "Project file", "Archivo del proyecto"},
        {"label.project_sha256", "Project file SHA-256", "SHA-256 del archivo"},
        {"label.catalogue_version", "Catalogue", "Catálogo"},
        {"label.traza_version", "Traza version", "Versión de Traza"},
        {"note.no_project_file", "(not given: the workbook was written from a project in memory)",
         "(no indicado: el libro se escribió desde un proyecto en memoria)"},
        {"note.catalogue_version", "{1}; fingerprint SHA-256 {2}", "{1}; huella SHA-256 {2}"},
        {"note.claims_physical",
         "A mass-balance claim implies no physical content: it says how many tonnes may carry the claim, not which "
         "tonnes are documented. Tonnes and documented tonnes follow the Flows sheet; eligibility, the yield and the "
         "claimed tonnes are the project's (docs/methodology.md, 5.3).",
         "Una declaración de balance de masa no implica contenido físico: dice cuántas toneladas pueden llevar la "
         "declaración, no cuáles están documentadas. Las toneladas y las toneladas documentadas siguen la hoja Flujos; "
         "la admisibilidad, el rendimiento y las toneladas declaradas son del proyecto (docs/methodology.md, 5.3)."},
        {"note.claims_no_flows", "No flow enters or leaves this actor.", "Ningún flujo entra o sale de este actor."},
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
        {"note.more_high_risk", "{1} actors at these levels in all: see the Actors sheet.",
         "{1} actores en estos niveles en total: ver la hoja Actores."},
        {"note.no_high_risk", "No actor has a high or critical risk level.",
         "Ningún actor tiene un nivel de riesgo alto o crítico."},
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
        {"note.below_documented",
         "documented only as '{1}', below '{2}': no tonne crossing this hop counts at '{2}' or better",
         "documentado solo como '{1}', por debajo de '{2}': ninguna tonelada que cruza este tramo cuenta como '{2}' o mejor"},
        {"common.yes", "Yes", "Sí"},
        {"common.no", "No", "No"},
        {"common.none", "none", "ninguno"},
        {"common.total", "Total", "Total"},
        {"common.total_visible", "Total (visible rows; a tonne counts once per hop it crosses)",
         "Total (filas visibles; una tonelada cuenta una vez por cada tramo que cruza)"},
        {"common.unknown", "unknown", "desconocido"},
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
    out.insert(out.end(), std::begin(entries), std::end(entries));
}

}  // namespace traza::reports
