#!/bin/sh
# Makes report.pdf from report.html with Chromium's print to PDF: a PDF
# as real producers write them (glyph-by-glyph placement, a flipped page
# matrix, subset TrueType fonts with ToUnicode CMaps, CSS columns, a
# superscript footnote marker, a soft hyphen, a table). The text is the
# project's own. Run from this directory: sh make.sh
set -e
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf=report.pdf report.html
