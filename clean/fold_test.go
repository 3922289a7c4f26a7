package clean

import "testing"

func TestIndexFold(t *testing.T) {
	tests := []struct {
		s, sub string
		want   int
	}{
		{"Text ends. Copyright 2025 River Gazette. ALL RIGHTS RESERVED. More", "all rights reserved", 41},
		{"Text ends. All Rights Reserved", "all rights reserved", 11},
		{"no notice here", "all rights reserved", -1},
		{"기사 끝. 무단전재 및 재배포 금지", "무단전재", 12},
		{"İstanbul all rights reserved", "all rights reserved", 10},
	}
	for _, tt := range tests {
		if got := indexFold(tt.s, tt.sub); got != tt.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tt.s, tt.sub, got, tt.want)
		}
	}
}
