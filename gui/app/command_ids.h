#pragma once
// Menu and toolbar command ids of the main frame (standard ids where wx has one).
#include <wx/defs.h>

namespace traza::gui::ids {

enum : int {
    ImportJson = wxID_HIGHEST + 100,
    ImportCsv,
    ImportSpreadsheet,
    SaveTemplate,
    ExportJson,
    ExportReport,
    ExportChain,
    ShareAnonymised,
    SetOutgoingTypology,
    LayoutChain,
    FitWindow,
    ZoomIn,
    ZoomOut,
    DeleteSelection,
    SelectAll,
    EditCatalogues,
    ShowOutline,
    ShowProperties,
    ShowAnalysis,
    ShowDueDiligence,
    ResetPanes,
    UserGuide,
    Methodology,
    ImportAnswers,
    WriteQuestionnaires,
    ShowTables,
    ShowRecords,
    Focus,
    OpenLocation,
    SaveToServer,
    ShowHistory,
    ShowWholeChain,
    Find,
    FindNext,
    FindPrevious,
    ShowProgress,
    AddActorFirst = wxID_HIGHEST + 200,  ///< + ActorKind: the palette's "add actor" tools
    AddActorLast = AddActorFirst + 7,
};

}  // namespace traza::gui::ids
