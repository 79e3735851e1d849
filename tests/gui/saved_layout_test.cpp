// The pane layout kept from an earlier run (issue #17: "changing the language
// keeps a correct layout"). A layout saved by a run in another language brings
// its own captions and the palette's old width; the next frame must keep the
// arrangement (here: the Outline closed) but show this run's captions and
// every palette tool, Layout and Fit included. The stale layout is made by
// editing a real saved one, so the case runs the same in English and Spanish.
#include <catch2/catch.hpp>
#include <wx/aui/auibar.h>
#include <wx/aui/framemanager.h>
#include <wx/config.h>

#include <algorithm>
#include <regex>
#include <string>

#include "command_ids.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "test_frame.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

constexpr const char* kPerspectiveKey = "/Window/Perspective3";  // main_frame.cpp

// Removes the saved layout at the end of the case, so the other window cases
// sharing this HOME start from the default one.
struct ForgetLayout {
    ~ForgetLayout() {
        wxConfigBase::Get()->DeleteEntry(kPerspectiveKey);
        wxConfigBase::Get()->Flush();
    }
};

}  // namespace

TEST_CASE("Layout - a layout saved in another language keeps its arrangement, with this language's captions and every palette tool", "[gui]") {
    ForgetLayout forget;
    wxString stale;
    {
        TestFrame first(wxSize(1600, 1000));
        wxAuiManager& aui = first.f->panes();
        aui.GetPane("outline").Hide();
        aui.Update();
        stale = aui.SavePerspective();
    }
    // As another language would have left it: other captions, a palette 200 px wide.
    std::string text = stale.utf8_string();
    const std::size_t paneCount = static_cast<std::size_t>(std::count(text.begin(), text.end(), '|'));
    text = std::regex_replace(text, std::regex("caption=[^;|]*"), "caption=Stale caption");
    for (const char* field : {"bestw=", "minw="}) {
        std::smatch m;
        REQUIRE(std::regex_search(text, m, std::regex(std::string("name=palette;[^|]*") + field + "(-?[0-9]+)")));
        text.replace(static_cast<std::size_t>(m.position(1)), static_cast<std::size_t>(m.length(1)), "200");
    }
    REQUIRE(paneCount >= 5);
    REQUIRE(text.find("bestw=200") != std::string::npos);
    stale = wxString::FromUTF8(text);
    wxConfigBase::Get()->Write(kPerspectiveKey, stale);

    TestFrame next(wxSize(1600, 1000));
    wxAuiManager& aui = next.f->panes();
    CHECK_FALSE(aui.GetPane("outline").IsShown());  // the user's arrangement is kept
    CHECK(aui.GetPane("outline").caption == _("Outline"));
    CHECK(aui.GetPane("properties").caption == _("Properties"));
    CHECK(aui.GetPane("analysis").caption == _("Analysis"));
    CHECK(aui.GetPane("due-diligence").caption == _("Due diligence"));
    CHECK(aui.GetPane("tables").caption == _("Tables"));
    const wxAuiPaneInfoArray& panes = aui.GetAllPanes();
    for (std::size_t i = 0; i < panes.GetCount(); ++i) CHECK(panes[i].caption != "Stale caption");

    auto* bar = dynamic_cast<wxAuiToolBar*>(aui.GetPane("palette").window);
    REQUIRE(bar);
    pump(200);
    CHECK(bar->GetSize().x >= bar->GetBestSize().x);
    CHECK(bar->GetToolFits(ids::LayoutChain));
    CHECK(bar->GetToolFits(ids::FitWindow));
    CHECK(bar->GetToolFits(ids::AddActorFirst));
    CHECK(next.errors.empty());
}
