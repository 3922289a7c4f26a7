package extract

// Number forms that are never counts, shared by the Korean and Russian
// engines: a date or a time written with digits and separators
// ("2025-09-15", "2025.3.4", "15.09.2025", "16:15"). Such a run is read
// whole and skipped, so that none of its parts becomes a figure.

// mlDateTimeEnd returns the end of a date or clock time written at byte
// i of s, or -1 when none starts there. A run starts at a digit that no
// digit precedes:
//   - a year and a month, with or without a day: 2025-09-15, 2024-10, 2025.3.4, 2025/01/13;
//   - a day, a month and a year: 15.09.2025, 13/01/25;
//   - a time: 16:15, 9:05:30.
func mlDateTimeEnd(s string, i int) int {
	if i >= len(s) || !isDigitByte(s[i]) || (i > 0 && isDigitByte(s[i-1])) {
		return -1
	}
	var groups [3]int // digit counts of the first three groups
	var seps [2]byte
	n, j := 0, i
	for n < 3 {
		k := j
		for k < len(s) && isDigitByte(s[k]) {
			k++
		}
		if k == j {
			break
		}
		groups[n] = k - j
		n++
		j = k
		if n == 3 || j+1 >= len(s) || !isDigitByte(s[j+1]) {
			break
		}
		c := s[j]
		if c != '-' && c != '.' && c != '/' && c != ':' {
			break
		}
		if n == 2 && c != seps[0] {
			break
		}
		seps[n-1] = c
		j++
	}
	if n < 2 {
		return -1
	}
	if seps[0] == ':' {
		if groups[0] <= 2 && groups[1] == 2 {
			return j
		}
		return -1
	}
	if groups[0] == 4 && groups[1] <= 2 {
		y := yearAt(s, i)
		if y >= 1900 && y <= 2100 {
			return j // 2025-09-15, 2024-10, 2025.3.4
		}
		return -1
	}
	if n == 3 && groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4) && seps[0] != '-' {
		return j // 15.09.2025, 13/01/25
	}
	return -1
}

func yearAt(s string, i int) int {
	y := 0
	for k := i; k < i+4; k++ {
		y = y*10 + int(s[k]-'0')
	}
	return y
}
