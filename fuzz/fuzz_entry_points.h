#pragma once
// The entry points the fuzz targets drive, shared with the regression test
// (tests/security/fuzz_regression_test.cpp) so that a saved reproducer runs
// through exactly the code the fuzzer found it with.
//
// Contract of each function: it feeds untrusted bytes to one import path and
// returns normally when the input is accepted or refused with a traza::Error.
// Anything else escapes: another exception type (a bug: only traza::Error may
// reach a front end), a broken invariant (InvariantBroken), or a sanitizer
// report. Accepted inputs are also checked for round trips, so an importer
// that accepts what the exporter cannot write back is found too.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

namespace traza::fuzz {

/// A property that must hold for every accepted input did not.
class InvariantBroken : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

/// Chain JSON import (projectFromJson). Accepted input: the project validates,
/// and export -> import gives the same chain and the same JSON text. The same
/// bytes are also read as a framework file (importFramework), whose export ->
/// import must give the same text and a second merge must change nothing.
void jsonImport(const std::uint8_t* data, std::size_t size);

/// CSV import (projectFromCsv). The bytes before the first NUL are the actors
/// file, those after it the flows file; without a NUL, the whole input is the
/// actors file and the flows file is a bare header. Accepted input: the project
/// validates and survives a chain JSON round trip. First, the whole input is
/// also read as one CSV sheet (csvToSheetTable, any encoding, UTF-16 included):
/// accepted, its rows are padded and non-empty, its cells UTF-8, its decimal
/// mark what its cells show, and every number reads the same under that mark
/// as without it.
void csvImport(const std::uint8_t* data, std::size_t size);

/// Project file open (ProjectStore::open) of the bytes written to a scratch
/// file. Always: the file is unchanged and no other file appears beside it.
/// Accepted input: the project validates, and save -> open gives it back.
void projectOpen(const std::uint8_t* data, std::size_t size);

/// Workbook reading (workbookFromXlsx, then workbookFromOds, of the same
/// bytes), with limits smaller than the defaults so that one input cannot
/// exhaust the fuzzer's memory (kFuzzSpreadsheetLimits in the .cpp). For every
/// accepted workbook: each sheet's rows are equally wide and in increasing row
/// order, no row is wholly empty, every cell sits at its row's line and at its
/// own column within the grid, Empty cells hold no text, texts are valid UTF-8,
/// numbers are finite, booleans read TRUE/FALSE as 1/0, dates are real days
/// whose serial matches their text, and the cells fit the cell budget.
void xlsxImport(const std::uint8_t* data, std::size_t size);

/// A returned supplier questionnaire (readAnswers against the CARE pilot
/// sample, of a workbook read from the bytes with the same small limits as
/// xlsxImport). Accepted answers: applying them (ApplyAnswers) gives a project
/// that validates, and reverting gives the sample back. (Defined in
/// answers_entry_point.cpp.)
void questionnaireAnswers(const std::uint8_t* data, std::size_t size);

/// Analysis of an imported chain JSON (risk::analyze, analysisToJson).
/// Refused imports end there. For every accepted chain: the analysis does not
/// throw, every flow share and traced fraction is a number in [0, 1], traced
/// never decreases as the stage grows or as the evidence level drops, and the
/// JSON output parses with no null where a number belongs. (Defined in
/// analysis_entry_point.cpp, which needs traza_risk.)
void analyzeChain(const std::uint8_t* data, std::size_t size);

}  // namespace traza::fuzz
