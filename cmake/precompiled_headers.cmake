# Precompiled headers: every workbench file and every test reads the same
# third-party headers (about 250 wxWidgets headers, Catch2's 17 000 lines), which
# took 3-4 s of parsing per file, more than compiling the file itself. Each
# target now parses them once. CI builds the tree twice from nothing (sanitizers,
# Release), so this is most of what a build costs there.
# With ccache, set CCACHE_SLOPPINESS=pch_defines,time_macros to keep cache hits.

# The wx headers the workbench's files include, directly or through gui/ headers.
set(TRAZA_PCH_WX_HEADERS
  <wx/wx.h> <wx/aui/aui.h> <wx/aui/framemanager.h> <wx/grid.h> <wx/listctrl.h>
  <wx/treectrl.h> <wx/notebook.h> <wx/tglbtn.h> <wx/propgrid/propgrid.h>
  <wx/propgrid/manager.h> <wx/numformatter.h> <wx/graphics.h> <wx/config.h>
  <wx/spinctrl.h> <wx/progdlg.h> <wx/filehistory.h> <wx/stdpaths.h> <wx/clipbrd.h>)
set(TRAZA_PCH_STD_HEADERS <string> <vector> <map> <set> <memory> <optional>
  <functional> <algorithm> <filesystem> <unordered_map>)

# traza_precompile(TARGET [WX] [CATCH]): TARGET's sources get the standard
# headers, plus wx's and Catch2's when asked for.
function(traza_precompile target)
  if(NOT TRAZA_PCH)
    return()
  endif()
  cmake_parse_arguments(PCH "WX;CATCH" "" "" ${ARGN})
  set(headers ${TRAZA_PCH_STD_HEADERS})
  if(PCH_WX)
    list(APPEND headers ${TRAZA_PCH_WX_HEADERS})
  endif()
  if(PCH_CATCH)
    list(APPEND headers <catch2/catch.hpp>)
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
