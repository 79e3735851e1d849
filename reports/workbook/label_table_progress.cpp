// The workbook's fixed texts, part: the Progress sheet (issue #19, "Time").
// {1}, {2}: arguments of Labels::format. Keep both languages in step.
#include "label_table.h"

namespace traza::reports {

void progressLabels(std::vector<LabelEntry>& out) {
    const LabelEntry entries[] = {
        {"sheet.progress", "Progress", "Avance"},
        {"title.progress", "Progress over time, {1}, from the delivery records",
         "Avance en el tiempo, {1}, según los registros de entrega"},
        {"value.series_monthly", "month by month", "mes a mes"},
        {"value.series_weekly", "week by week (ISO weeks)", "semana a semana (semanas ISO)"},
        {"section.progress_tonnes", "Tonnes delivered per organisation against its goal",
         "Toneladas entregadas por organización frente a su meta"},
        {"section.progress_evidence", "Documented and traced share of the records, per period",
         "Proporción documentada y trazada de los registros, por periodo"},
        {"col.period", "Period", "Periodo"},
        {"col.delivered_of", "{1}: delivered (t)", "{1}: entregado (t)"},
        {"col.cumulative_of", "{1}: cumulative (t)", "{1}: acumulado (t)"},
        {"col.goal_of", "{1}: goal (t)", "{1}: meta (t)"},
        {"col.supports_delivered", "Supports delivered", "Apoyos entregados"},
        {"col.records_t", "Records (t)", "Registros (t)"},
        {"col.documented_t_at", "Documented at {1} or better (t)", "Documentado a {1} o mejor (t)"},
        {"col.documented_share_at", "Documented share at {1}", "Proporción documentada a {1}"},
        {"col.traced_at_stage", "Traced to stage {2} at {1}", "Trazado a la etapa {2} a {1}"},
        {"label.threshold_reached_in", "threshold {1} ({2} t) reached in {3}", "umbral {1} ({2} t) alcanzado en {3}"},
        {"label.threshold_not_reached", "threshold {1} ({2} t) not reached", "umbral {1} ({2} t) no alcanzado"},
        {"chart.cumulative_vs_goal", "Cumulative tonnes delivered against each goal (dashed)",
         "Toneladas acumuladas entregadas frente a cada meta (discontinua)"},
        {"chart.documented_share_over_time", "Documented share of the records at each evidence level",
         "Proporción documentada de los registros en cada nivel de evidencia"},
        {"chart.documented_share", "Documented share", "Proporción documentada"},
        {"note.progress_records_only",
         "Only delivery records carry a date: every figure here is computed over the records dated in each period. "
         "Flows without records ({1} t) have no date and are left out of every period.",
         "Solo los registros de entrega tienen fecha: cada cifra se calcula sobre los registros fechados en cada "
         "periodo. Los flujos sin registros ({1} t) no tienen fecha y quedan fuera de todos los periodos."},
        {"note.progress_chart_goals", "The chart shows the {1} largest goals; the table has them all.",
         "El gráfico muestra las {1} metas más grandes; la tabla las tiene todas."},
        {"note.progress_supports",
         "Supports have no date: each is counted in the period in which its linked threshold was reached by the "
         "records; supports linked to no threshold, or to one not reached, are in no period.",
         "Los apoyos no tienen fecha: cada uno se cuenta en el periodo en que los registros alcanzaron su umbral; "
         "los apoyos sin umbral, o con uno no alcanzado, no están en ningún periodo."},
        {"note.progress_traced",
         "Traced shares are computed over each period's chain of records only (docs/methodology.md): where the "
         "records stop before the refiner, the period's destinations are the last actors the records reach, and "
         "stages with no records (e.g. the first mile) are not traced.",
         "Las proporciones trazadas se calculan solo sobre la cadena de registros de cada periodo "
         "(docs/methodology.md): si los registros se detienen antes de la refinería, los destinos del periodo son "
         "los últimos actores que alcanzan, y las etapas sin registros (p. ej. la primera milla) no se trazan."},
    };
    out.insert(out.end(), std::begin(entries), std::end(entries));
}

}  // namespace traza::reports
