# Build step: writes OUTPUT, a C++ source defining
#   const char* const traza::reports::<NAME>
# with the text of INPUT (an empty string when INPUT does not exist, so the
# report falls back to its built-in text). Only rewrites OUTPUT when it changes.
if(EXISTS "${INPUT}")
  file(READ "${INPUT}" text)
else()
  set(text "")
endif()
set(delim "TRAZA_TEXT")
string(FIND "${text}" ")${delim}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delim}\"")
endif()
file(WRITE "${OUTPUT}.new"
  "// Generated from ${INPUT} by embed_text.cmake; do not edit.\n"
  "namespace traza::reports {\n"
  "extern const char* const ${NAME};\n"
  "const char* const ${NAME} = R\"${delim}(${text})${delim}\";\n"
  "}  // namespace traza::reports\n")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
