package extract_test

import (
	"strings"
	"testing"
)

// Korean sources by kind of sentence, every claim's source in order
// ("-" for none). The sentences are our own.
func TestKindKoreanSourceKinds(t *testing.T) {
	tests := []struct{ name, text, want string }{
		// A bare noun the gazetteer gives a Korean body stands for the
		// foreign body the article named in full before it.
		{"bare ministry after the US one", "미국 국방부는 북한군 1만 명이 쿠르스크로 이동했다고 확인했다.\n국방부 대변인은 북한군 2천 명이 추가로 도착했다고 말했다.", "Pentagon, Pentagon"},
		{"bare ministry after a person of it", "존 스미스 미 국방부 부대변인이 브리핑을 했다.\n국방부는 북한군 4천 명이 다쳤다고 밝혔다.", "Pentagon"},
		{"bare ministry alone is Korean", "국방부는 북한군 3천 명이 추가로 파병됐다고 밝혔다.", "JCS"},
		{"the Korean one named last", "미국 국방부가 북한군 배치를 확인했다.\n한국 국방부는 별도로 평가했다.\n국방부는 북한군 5천 명이 쿠르스크에 있다고 밝혔다.", "JCS"},
		{"bare intelligence after the Ukrainian one", "우크라이나 정보당국이 새 보고서를 냈다.\n정보당국은 북한군 1만2천 명이 집결했다고 밝혔다.", "GUR"},
		// A foreign intelligence service written with a space or short.
		{"Ukrainian intelligence with a space", "우크라이나 정보 당국은 북한군 8천 명이 추가로 배치됐다고 밝혔다.", "GUR"},
		{"Ukrainian intelligence, short, in a headline", "우크라 정보당국 \"북한군 3천명 이달 말 투입될 듯\"", "GUR"},
		// The article's own recap of North Korea's deployment does not go
		// on with the speaker of the sentence before.
		{"recap after a report", "우크라이나 정보 당국은 북한군 2만 명이 추가로 파병될 것이라는 보고서를 냈다.\n앞서 북한은 지난해 10월 1만 명 규모의 병력을 러시아로 파병했다.", "GUR, -"},
		{"recap with the time first", "국정원은 북한군 4천 명이 사상했다고 밝혔다.\n작년 10월 북한은 러시아에 약 1만2천 명의 병력을 보냈다.", "NIS, -"},
		{"what the speaker goes on to say still is his", "국정원은 북한군 4천 명이 사상했다고 밝혔다.\n북한군 1천 명이 추가로 파병됐다.", "NIS, NIS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(sourcesOf("ko", tc.text), ", "); got != tc.want {
				t.Errorf("%s\n got  %s\n want %s", tc.text, got, tc.want)
			}
		})
	}
}
