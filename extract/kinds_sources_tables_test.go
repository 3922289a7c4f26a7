package extract_test

import "testing"

// A table's caption that credits its source in brackets gives it to the
// table's rows; a table after prose takes nothing from the prose.
func TestKindSourcesTableCaption(t *testing.T) {
	checkSources(t, []sourceCase{
		{"caption credit", "en", "Arrivals keep climbing.\n\nNorth Korean entries to Russia by quarter, 2024 (FSB Border Service)\n| Quarter | Entries |\n| Q1 | 1,100 |\n| Q2 | 2,300 |\n", "FSB"},
		{"credit after the header row", "en", "Arrivals keep climbing.\n\nNorth Korean troops in Kursk by month (NIS)\n| Month | Troops |\n| --- | --- |\n| January | 11,000 |\n| March | 9,500 |\n", "NIS"},
		{"a sentence's bracketed aside is no caption", "en", "Arrivals keep climbing, the agency (NIS) says.\n\n| Month | North Korean troops |\n| January | 11,000 |\n", "-"},
	})
}
