package clean

import (
	"strings"
	"testing"
)

// wrapAt breaks each paragraph at the last space before width runes, as
// e-mail clients and PDF copies do, and separates paragraphs with a blank
// line.
func wrapAt(width int, paras ...string) string {
	var out []string
	for _, p := range paras {
		var lines []string
		line := ""
		for _, w := range strings.Fields(p) {
			if line != "" && len([]rune(line+" "+w)) > width {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		out = append(out, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(out, "\n\n")
}

func TestUnwrapFixedWidth(t *testing.T) {
	en := []string{
		"The regional labour office said on Thursday that about 1,800 North Korean builders had arrived in the port city since the spring, most of them on student visas.",
		"Officials in Seoul said the figure could not be confirmed independently, and Moscow declined to comment on the numbers published by the office this week.",
		"Local contractors quoted by the newspaper said the men work twelve hours a day on housing estates and are paid through a company registered in Pyongyang.",
	}
	ko := []string{
		"지역 노동청은 올봄부터 항구 도시에 북한 건설 인력 약 1천8백 명이 들어왔다고 목요일 밝혔으며 이들 대부분은 학생 비자를 받은 것으로 알려졌다.",
		"서울의 당국자들은 이 수치를 독자적으로 확인할 수 없다고 말했고 모스크바는 이번 주 노동청이 공개한 숫자에 대해 언급하지 않았다고 전해졌다.",
	}
	oneSentenceLines := strings.Join([]string{
		"시 당국은 올해 새 다리 공사에 약 2천 명의 인력이 필요하다고 밝혔다.",
		"공사는 내년 봄에 시작돼 약 18개월 동안 이어질 예정이라고 전했다.",
		"주민들은 공사 기간 동안 교통 체증이 심해질 것을 걱정하고 있다고 한다.",
		"시의회는 다음 달 회의에서 예산안을 다시 논의할 계획이라고 밝혔다.",
		"당국은 공사 현장 주변에 임시 주차장을 마련하겠다고 덧붙였다고 한다.",
		"지역 상인들은 공사가 끝나면 방문객이 늘어날 것으로 기대하고 있다.",
	}, "\n")
	headlines := strings.Join([]string{
		"Council approves river plan after a long debate on Tuesday",
		"Floods close twelve schools in the north of the province",
		"Mayor opens the new library in the old town hall building",
		"Storm damages forty classrooms across the eastern districts",
		"Bridge repairs to start next year and take eighteen months",
		"Residents ask for more buses on the route to the harbour",
	}, "\n")
	tests := []struct {
		name string
		in   string
		want string // the text once unwrapped
	}{
		{"English wrapped before capitalised words", wrapAt(60, en...), strings.Join(en, "\n\n")},
		{"Korean wrapped at a fixed width", wrapAt(40, ko...), strings.Join(ko, "\n\n")},
		{"one sentence a line stays apart", oneSentenceLines, oneSentenceLines},
		{"a list of headlines stays apart", headlines, headlines},
		{"short text keeps its lines", "A line of text\nAnother line of text", "A line of text\nAnother line of text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unwrap(tt.in); got != tt.want {
				t.Errorf("unwrap:\n%s\n--- got\n%s\n--- want\n%s", tt.in, got, tt.want)
			}
		})
	}
}
