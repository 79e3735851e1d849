// Fixture of the po completeness test: a message no catalogue translates, so the
// test must fail on it (proves the test can fail).
#include <wx/intl.h>
const wxString kNeverTranslated = _("A message that no translator has seen yet");
