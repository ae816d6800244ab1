package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// table writes the CLI's tables (jobs, a job's log, what became of each file) with their
// columns lined up on a terminal. A Japanese character takes two cells there, and
// text/tabwriter counts characters, so it would push every Japanese header and file name
// out of line; the widths here are the cells a terminal draws.
type table struct {
	indent string
	rows   [][]string
}

// newTable starts a table whose header is header's tab-separated titles.
func newTable(indent, header string) *table {
	return &table{indent: indent, rows: [][]string{strings.Split(header, "\t")}}
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the rows, each column but the last padded to its widest cell plus two
// spaces, as tabwriter did.
func (t *table) write(w io.Writer) {
	var widths []int
	for _, r := range t.rows {
		for i := 0; i < len(r)-1; i++ {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cells(r[i]))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString(t.indent)
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cells(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// cells is how many terminal cells s takes: two for a wide or full-width character (CJK),
// none for a combining mark, one otherwise.
func cells(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
