# Windows installer (CPack NSIS), included from installer/CMakeLists.txt under
# if(WIN32). Not built on the Debian machine; see docs/packaging.md.
# Backslashes are written "\\\\": CPack unescapes once more before NSIS reads them.
set(CPACK_GENERATOR NSIS)
set(CPACK_NSIS_PACKAGE_NAME "Traza ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Traza ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/traza.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/traza.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\traza.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Offer to put bin\ on PATH so traza-cli works from a terminal.
set(CPACK_NSIS_MODIFY_PATH ON)
# Start-menu entry and desktop shortcut for the workbench.
set(CPACK_PACKAGE_EXECUTABLES traza "Traza")
set(CPACK_CREATE_DESKTOP_LINKS traza)
# Open .traza files with the workbench; tell Explorer associations changed.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR '.traza' '' 'Traza.Project'
  WriteRegStr HKCR 'Traza.Project' '' 'Traza project'
  WriteRegStr HKCR 'Traza.Project\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\traza.exe,0'
  WriteRegStr HKCR 'Traza.Project\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\traza.exe\\\" \\\"%1\\\"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR '.traza'
  DeleteRegKey HKCR 'Traza.Project'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
")
