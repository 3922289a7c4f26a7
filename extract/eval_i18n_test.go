package extract_test

import "testing"

// TestDevSetKO and TestDevSetRU score the Korean and Russian dev sets with
// the same scorer port as TestDevSet (eval_test.go) and hold the floors of
// issue 6: F1 0.80, place, when and source accuracy 0.70.
func TestDevSetKO(t *testing.T) { devSetFloors(t, "dev-ko", "ko", 0.80, 0.70) }

func TestDevSetRU(t *testing.T) { devSetFloors(t, "dev-ru", "ru", 0.80, 0.70) }
