package extract_test

import "testing"

// TestDevSetKO and TestDevSetRU score the Korean and Russian dev sets with
// the same scorer as TestDevSet (eval_test.go) and hold the floors of
// issue 10: F1 0.95, place, when and source accuracy 0.85.
func TestDevSetKO(t *testing.T) { devSetFloors(t, "dev-ko", "ko", 0.95, 0.85) }

func TestDevSetRU(t *testing.T) { devSetFloors(t, "dev-ru", "ru", 0.95, 0.85) }
