#pragma once
// GTK's warnings and criticals seen since the test program started
// (window_test_main.cpp counts them through GLib's log handler).
namespace traza::gui::test {

int gtkWarnings();

}  // namespace traza::gui::test
