package pdf_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch/internal/pdftest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.pdf and *.txt from internal/pdftest")

// fileFixtures are committed under testdata so that the command line, the
// fuzz seed corpus and people can use them; internal/pdftest makes them,
// and this test keeps the files equal to what it makes
// (go test ./pdf -run TestTestdata -update rewrites them).
func fileFixtures() []pdftest.Fixture {
	return append(pdftest.All(), pdftest.Encrypted(), pdftest.Scanned())
}

func TestTestdata(t *testing.T) {
	for _, fx := range fileFixtures() {
		files := map[string][]byte{fx.Name + ".pdf": fx.PDF}
		if fx.Source != "" {
			files[fx.Name+".txt"] = []byte(fx.Source + "\n")
		}
		for name, want := range files {
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, want, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pdf -run TestTestdata -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from what internal/pdftest makes: run go test ./pdf -run TestTestdata -update", path)
			}
		}
	}
}
