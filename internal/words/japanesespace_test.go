package words

import (
	"fmt"
	"regexp"
	"testing"
)

// Japanese puts no space between a figure with its unit and the particle after it
// ("2バイトを", "3.2秒で"): a space there reads as a break in the phrase. A Latin word
// keeps its space ("Scene7 の", "{{.Host}} の", "--proxy に"), as the message files write
// it everywhere, and so does a bare number ("0 は", "1〜{{.Max}} の範囲").

// jaFigures are the values filled in as a number with its unit: sizes, speeds and
// durations as words writes them (Size, Speed, Duration, ETA).
var jaFigures = map[string]bool{
	"Size": true, "Sent": true, "Done": true, "Total": true, "Speed": true,
	"Took": true, "Wait": true, "Duration": true, "For": true, "Limit": true, "ETA": true,
}

// jaSpacedParticle is a value, or a number with a Japanese unit, then a space (plain,
// no-break or ideographic) and a particle that starts the next phrase.
var jaSpacedParticle = regexp.MustCompile(`(\{\{\s*\.(\w+)\s*\}\}|[0-9](?:バイト|秒|分|時間|件|個|回|つ|日|%))[ \x{00A0}\x{202F}\x{3000}]+[をがはにでのとも]`)

// japaneseParticleSpacing lists where s, Japanese, has a space between a figure and the
// particle after it.
func japaneseParticleSpacing(s string) []string {
	var out []string
	for _, m := range jaSpacedParticle.FindAllStringSubmatch(s, -1) {
		if name := m[2]; name != "" && !jaFigures[name] {
			continue // a Latin word: a name, a path, a host, a flag
		}
		out = append(out, fmt.Sprintf("a space before the particle in %q", m[0]))
	}
	return out
}

func TestJapaneseParticleSpacingCheck(t *testing.T) {
	for s, bad := range map[string]bool{
		"{{.Size}}を{{.Took}}で送信しました。":       false,
		"{{.Size}} を {{.Took}}で送信しました。":     true,
		"{{.Size}}\u00a0を送信":                true,
		"{{.Wait}} の間、何も返ってきません":            true,
		"2バイト を送信しました":                      true,
		"5秒 で応答しました":                        true,
		"{{.Host}} のサーバーが応答しません":            false,
		"Scene7 の会社ハンドル":                    false,
		"0 はまったく同じ色だけ":                      false,
		"1〜{{.Max}} の範囲で指定してください":           false,
		"{{.Name}} を {{.Path}} に保存しました":     false,
		"{{.Sent}} / {{.Size}}（{{.Speed}}）": false,
		"ジョブ {{.Job}} はサーバーで有効ではなくなりました":    false,
	} {
		if got := japaneseParticleSpacing(s); (len(got) > 0) != bad {
			t.Errorf("japaneseParticleSpacing(%q) = %q, want a problem: %v", s, got, bad)
		}
	}
}

// No Japanese sentence puts a space between a size, a duration or a count with its unit
// and the particle after it.
func TestJapaneseFiguresTouchTheirParticle(t *testing.T) {
	eachValue(t, "ja", func(where, s string) {
		for _, p := range japaneseParticleSpacing(s) {
			t.Errorf("%s: %s", where, p)
		}
	})
}
