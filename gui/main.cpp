// traza: the workbench. `traza --version` answers without a display; anything
// else starts wxWidgets (TrazaApp in app.h).
#include <wx/app.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "app.h"
#include "process_memory.h"

wxIMPLEMENT_APP_NO_MAIN(traza::gui::TrazaApp);

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0) {
            std::cout << "traza " << TRAZA_VERSION << "\n";
            return 0;
        }
    // Fresh pages are dear on a virtual machine: keep freed memory for reuse and
    // take the main heap in 2 MB pages (model/process_memory.cpp).
    traza::model::tuneProcessMemory(traza::model::MallocArenas::GlibcDefault);
    // The workbench draws with cairo and never with OpenGL, but GTK 3 on X11
    // loads the GL driver while opening the display, to pick visuals for GL
    // (with Mesa's software driver, all of LLVM): 150-200 ms before the window
    // shows. GDK_GL=disable skips that; a value the user set is kept.
    setenv("GDK_GL", "disable", 0);
    return wxEntry(argc, argv);
}
