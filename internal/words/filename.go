package words

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FileName writes a file or folder name for people to read, in a sentence or on a
// terminal line: as it is, accents, spaces, quotes and all, unless it holds a character a
// terminal or a log would act on instead of showing (a control character such as a line
// break or the escape that starts a colour code, a bidirectional control that reorders
// what follows, a byte that is not UTF-8). Such a name is written between double quotes
// with those characters escaped the way Go and C write them ("nl\nline.jpg",
// "esc\x1b[31mred.jpg"), its backslashes and double quotes escaped too, so the line stays
// one line, shows where the character is, and cannot be mistaken for a name that has a
// backslash. The window and the command line show names through it alike.
func FileName(name string) string {
	if !needsEscape(name) {
		return name
	}
	return `"` + escapeName(name, true) + `"`
}

// ServerText writes words a server sent about a job or a file (a log line's message or
// type, a job's state or progress) for one terminal line. They are not one name, so they
// get no quotes; but they often hold one (Scene7's messages name the file's path), and a
// server's text reaches the terminal as surely as a name: a character FileName escapes is
// escaped here the same way, so a name reads alike in the message and in its own column.
func ServerText(s string) string {
	if !needsEscape(s) {
		return s
	}
	return escapeName(s, false)
}

// ServerLines writes a server's whole answer (or a request Hoist sent it), shown with
// --details, for a terminal: line by line as ServerText writes one line, so an escape
// code or a carriage return in it shows instead of acting, while its own line breaks
// and tabs stay, as they only lay the text out (a CRLF is written as LF, the terminal's).
func ServerLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(strings.TrimSuffix(l, "\r"), "\t")
		for j, p := range parts {
			parts[j] = ServerText(p)
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}

// visible writes a name that has a character to escape inside a sentence that quotes it
// already ("The name \"{{.Name}}\" contains…"): escaped as FileName does, without quotes
// of its own.
func visible(name string) string { return escapeName(name, false) }

// needsEscape reports whether name holds a character FileName escapes.
func needsEscape(name string) bool {
	for i, r := range name {
		if escaped(r) || (r == utf8.RuneError && isBadByte(name[i:])) {
			return true
		}
	}
	return false
}

// escaped reports the characters a terminal acts on rather than shows: C0 and C1 controls
// and DEL, the line and paragraph separators, and the bidirectional controls (which
// reorder the rest of the line).
func escaped(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)
}

// isBadByte reports whether s starts with a byte that is not UTF-8 (rather than a real
// U+FFFD, which shows as itself).
func isBadByte(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size == 1
}

// escapeName writes name with its characters to escape (and its backslashes, and with
// quoted its double quotes) in Go's escapes.
func escapeName(name string, quoted bool) string {
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, name[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"' && quoted:
			b.WriteString(`\"`)
		case escaped(r):
			q := strconv.QuoteRuneToASCII(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}
