# macOS disk image (CPack DragNDrop), included from installer/CMakeLists.txt
# under if(APPLE). Not built on the Debian machine; see docs/packaging.md.
# The workbench must be an app bundle for Finder: the gui target needs
#   set_target_properties(traza PROPERTIES MACOSX_BUNDLE TRUE
#     MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/installer/macos/Info.plist.in)
# and the icon copied to traza.app/Contents/Resources/traza.icns.
set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME "Traza ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/traza.icns")
set(CPACK_PACKAGE_FILE_NAME "Traza-${PROJECT_VERSION}-macOS")
