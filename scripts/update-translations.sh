#!/usr/bin/env bash
# Updates translations/tidemark_*.ts from the tr() strings in ui/ and app/ (new strings come in
# unfinished, strings no longer in the code are dropped). Then translate the unfinished ones
# with Qt Linguist (`/usr/lib/qt6/bin/linguist translations/tidemark_de.ts`) and commit.
# The build compiles the .ts files into .qm and embeds them (qt_add_translations in
# ui/CMakeLists.txt); nothing else needs updating.
#
#   scripts/update-translations.sh            every translations/tidemark_*.ts
#   scripts/update-translations.sh fr         creates or updates translations/tidemark_fr.ts
#                                             (then add it to TS_FILES in ui/CMakeLists.txt)
#
# No source locations are written: line numbers would make every branch's .ts conflict.
# Needs lupdate (Debian: qt6-l10n-tools).
set -euo pipefail

cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
[[ -x $lupdate ]] || lupdate=$(command -v lupdate6 || command -v lupdate)

ts_files=()
if (($#)); then
    for language in "$@"; do
        ts_files+=("translations/tidemark_$language.ts")
    done
else
    ts_files=(translations/tidemark_*.ts)
fi
mkdir -p translations
"$lupdate" -no-obsolete -locations none -extensions cpp,h ui app -ts "${ts_files[@]}"
