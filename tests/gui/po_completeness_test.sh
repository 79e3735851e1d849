#!/usr/bin/env bash
# Fails when a message of the GUI sources has no Spanish translation, or a fuzzy
# one, or one whose format directives (%s, %d) differ from the English.
# usage: po_completeness_test.sh <po file> <source file>...
# Extracts the messages like the traza-pot target (xgettext with _, wxPLURAL,
# wxTRANSLATE), merges them into a copy of the po file without fuzzy matching
# (a new message stays untranslated rather than guessed), and lists what is missing.
set -euo pipefail
po=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE \
  --keyword=wxGETTEXT_IN_CONTEXT:1c,2 --add-location=file -o "$tmp/traza.pot" "$@"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/traza.pot"

# --check: format directives, plural forms and the header.
msgfmt --check -o /dev/null "$tmp/merged.po"

total=$(msgattrib --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
missing=$(msgattrib --no-obsolete --untranslated "$tmp/merged.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --no-obsolete --only-fuzzy "$tmp/merged.po" | grep -c '^msgid ' || true)
# Each count includes the header entry (msgid "") when the selection is not empty.
[ "$missing" -gt 0 ] && missing=$((missing - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
echo "$((total - 1)) messages in the sources; $missing untranslated, $fuzzy fuzzy in $(basename "$po")"
if [ "$missing" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
  echo "Translate these in $po (then rebuild; 'cmake --build <dir> --target traza-pot' merges new messages in):"
  # Each entry's source files and msgid (all its lines), the header left out.
  list() { awk 'BEGIN{h=1} /^#: /{h=0; print; next} /^msgid /{on=!h} /^msgstr|^msgid_plural/{on=0} on'; }
  msgattrib --no-obsolete --untranslated "$tmp/merged.po" | list
  msgattrib --no-obsolete --only-fuzzy "$tmp/merged.po" | list
  exit 1
fi
