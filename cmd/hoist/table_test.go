package main

import (
	"bytes"
	"strings"
	"testing"
)

// Japanese headers and names take two cells per character on a terminal: the columns
// after them still start at the same place on every line.
func TestTableLinesUpWideCharacters(t *testing.T) {
	tb := newTable("  ", "ファイル\tアセット ID\t結果")
	tb.add("写真/春.jpg", "春", "✓ 準備完了")
	tb.add("a.jpg", "a", "✗ Scene7 で失敗")
	tb.add("café.png", "café", "! 警告あり")
	var out bytes.Buffer
	tb.write(&out)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	var col2, col3 []int
	for _, l := range lines {
		fields := strings.SplitN(strings.TrimPrefix(l, "  "), "  ", 2)
		rest := strings.TrimLeft(fields[1], " ")
		col2 = append(col2, 2+cells(l[2:len(l)-len(rest)]))
		second := strings.SplitN(rest, "  ", 2)
		third := strings.TrimLeft(second[1], " ")
		col3 = append(col3, cells(l[:len(l)-len(third)]))
	}
	for i := range lines {
		if col2[i] != col2[0] || col3[i] != col3[0] {
			t.Errorf("columns start at cells %v and %v, not the same on every line:\n%s", col2, col3, out.String())
			break
		}
	}
	if cells("ファイル") != 8 || cells("café") != 4 || cells("e\u0301") != 1 {
		t.Errorf("cells: %d %d %d", cells("ファイル"), cells("café"), cells("e\u0301"))
	}
}
