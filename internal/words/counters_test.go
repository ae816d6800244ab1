package words

import (
	"maps"
	"regexp"
	"slices"
	"testing"
)

// spacedCounter finds a number followed by a space and a Japanese counter or unit ("{{.Count}} 件",
// "1 回", "`N` 回"). Japanese writes the counter right after the number ("10件"), and Fyne
// wraps only at spaces (a no-break space does not stop it), so a space there lets a
// wrapped line split "10" from "件". The number is a template value, a flag's value name
// in the CLI's help, or digits that are not the end of a Latin word ("Scene7 日本語").
var spacedCounter = regexp.MustCompile(`(?:^|[^A-Za-z0-9_.\-])([0-9][0-9,.]*)[\s\x{00a0}\x{202f}\x{3000}]+(件|回|個|分|秒|時間|日|週|か月|年|枚|つ|行|文字|通り|バイト|人|台|倍|ページ)` +
	"|({{\\s*\\.\\w+\\s*}}|`[^`]+`)[\\s\\x{00a0}\\x{202f}\\x{3000}]+(件|回|個|分|秒|時間|日|週|か月|年|枚|つ|行|文字|通り|バイト|人|台|倍|ページ)")

func TestSpacedCounterPattern(t *testing.T) {
	for _, s := range []string{"{{.Count}} 件", "{{ .N }} 回に", "`N` 回に", "{{.N}}\u00a0回", "{{.N}}\u202f個", "（2 行目、30 文字目）", "1,024 バイト", "5 秒後", "1 つ"} {
		if !spacedCounter.MatchString(s) {
			t.Errorf("%q: not found", s)
		}
	}
	for _, s := range []string{"{{.Count}}件", "`N`回に 1回", "終了コード: 0 一覧", "Scene7 日本語", "HTTP 500 を", "{{.Name}} を", "1.0 KB", "{{.Min}}分{{.S}}秒"} {
		if spacedCounter.MatchString(s) {
			t.Errorf("%q: found a spaced counter", s)
		}
	}
}

// No Japanese message writes a space between a number and its counter.
func TestJapaneseCountersFollowTheirNumber(t *testing.T) {
	areas := messageAreas(t)
	checked := 0
	for _, area := range slices.Sorted(maps.Keys(areas)) {
		m := areas[area]["ja"]
		for _, id := range slices.Sorted(maps.Keys(m)) {
			var texts []string
			switch v := m[id].(type) {
			case string:
				texts = []string{v}
			case map[string]any:
				for _, f := range slices.Sorted(maps.Keys(v)) {
					s, _ := v[f].(string)
					texts = append(texts, s)
				}
			}
			for _, s := range texts {
				checked++
				for _, hit := range spacedCounter.FindAllString(s, -1) {
					t.Errorf("%s.ja.json %q writes %q: put the counter right after the number, without a space (10件, {{.Count}}件), or a wrapped line may split them", area, id, hit)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no Japanese messages")
	}
}
