#pragma once
// The series in `traza-cli analyze --json` (issue #19): keys written only when
// the project has records, so older outputs stay byte-identical.
#include "json_stream_writer.h"
#include "series.h"

namespace traza::risk {

/// Inside "traceability": "series_period", "undated_t" and "by_period".
void writeTraceabilitySeries(model::JsonStreamWriter&, const Series&);

/// The top-level "goals" array, each goal with its "by_period".
void writeGoalSeries(model::JsonStreamWriter&, const Series&);

}  // namespace traza::risk
