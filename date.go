package flowwatch

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day with no time zone. Reporting states days, not
// instants; carrying a time.Time would invite off-by-one-day errors when
// a page's zone differs from the reader's.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads YYYY-MM-DD (a longer RFC 3339 string is cut to its day).
func ParseDate(s string) (Date, error) {
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	return DateOf(t), nil
}

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate normalises overflowing parts the way time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func (d Date) IsZero() bool { return d.Year == 0 }

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func (d Date) AddDays(n int) Date { return NewDate(d.Year, d.Month, d.Day+n) }

func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

func (d Date) After(o Date) bool { return d.Time().After(o.Time()) }

// String is YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *Date) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil || *s == "" || *s == "unknown" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(*s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is the time span a figure refers to, both ends inclusive.
type Period struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Overlaps reports whether the two spans share at least one day.
func (p Period) Overlaps(o Period) bool {
	return !p.To.Before(o.From) && !o.To.Before(p.From)
}
