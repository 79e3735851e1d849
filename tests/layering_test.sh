#!/usr/bin/env bash
# The layering rule of DESIGN.md: model/, risk/, reports/ and cli/ never include wx.
# Fails listing the offending lines.
set -u
src="${1:?source dir}"
hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"]wx/' "$src/model" "$src/risk" "$src/reports" "$src/cli" 2>/dev/null)
if [ -n "$hits" ]; then
  echo "wx included outside gui/:"; echo "$hits"; exit 1
fi
# And the non-GUI libraries must not link wx either.
if grep -rniE 'wxWidgets' "$src/model/CMakeLists.txt" "$src/risk/CMakeLists.txt" "$src/reports/CMakeLists.txt" "$src/cli/CMakeLists.txt" | grep -v '^[^:]*:[0-9]*:#' ; then
  echo "a non-GUI target mentions wxWidgets"; exit 1
fi
echo "layering ok"
