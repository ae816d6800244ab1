// Package sheet writes CSV files for spreadsheets: the outcomes of a job (uploader) and
// the job log (app/session), which people open with a double-click in Excel.
//
// Such a file starts with the UTF-8 byte-order mark (BOM, the bytes EF BB BF). Excel
// takes a CSV opened by double-click to be in the computer's legacy code page unless it
// starts with one (Shift_JIS on a Japanese PC, Windows-1252 on a French one), and shows
// Japanese names and accents garbled; with it, it reads UTF-8. Programs that read the
// file by its columns must skip it: Python's "utf-8-sig" encoding does, Go's
// encoding/csv does not (NewReader here does).
//
// Excel opening a CSV by double-click also splits its rows at the computer's list
// separator: a comma in English and Japanese, a semicolon wherever a comma is the decimal
// sign, as in every French-speaking region. A file with commas opened on a French PC
// has each row in its first column. ListSeparator gives the one of this computer: its
// regional settings' where the system says it, else the language's.
package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
	"unicode/utf8"
)

// BOM is the UTF-8 byte-order mark every file starts with.
const BOM = "\uFEFF"

// NewWriter writes the byte-order mark to w and returns a CSV writer for the rest, with
// comma between the cells (',' for programs, ListSeparator's for people).
func NewWriter(w io.Writer, comma rune) (*csv.Writer, error) {
	if _, err := io.WriteString(w, BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma
	return cw, nil
}

// languageSeparator is the list separator Excel uses on a computer set up in lang (a BCP 47
// code such as "fr" or "ja-JP"): ';' for French, whose decimal sign is the comma, ','
// for the other languages Hoist speaks.
func languageSeparator(lang string) rune {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if base == "fr" {
		return ';'
	}
	return ','
}

// ListSeparator is the separator for a spreadsheet opened on this computer: the list
// separator of the user's regional settings where the system says it (Windows), which is
// the one Excel splits at whatever language Hoist speaks (Hoist in English on a PC set up
// for France), else languageSeparator(lang).
func ListSeparator(lang string) rune {
	if r, ok := usableSeparator(regionSeparator()); ok {
		return r
	}
	return languageSeparator(lang)
}

// usableSeparator reads a list separator from the system's settings: one character that
// encoding/csv can separate with (not a quote, a line break or NUL). People can type
// anything there; anything else is not used.
func usableSeparator(s string) (rune, bool) {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || size != len(s) || r == utf8.RuneError || r == 0 || r == '"' || r == '\r' || r == '\n' {
		return 0, false
	}
	return r, true
}

// NewReader reads a CSV file with or without the byte-order mark, so that the first
// column's name reads as it is written.
func NewReader(r io.Reader) *csv.Reader {
	br := bufio.NewReader(r)
	if head, err := br.Peek(len(BOM)); err == nil && string(head) == BOM {
		_, _ = br.Discard(len(BOM))
	}
	return csv.NewReader(br)
}

// Cell keeps a spreadsheet from reading a cell such as a file named "=SUM(A1)" as a
// formula: one that starts with a character a spreadsheet reads as the start of a
// formula (= + - @, a tab or a carriage return) starts with an apostrophe, so that it
// is read as text.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
