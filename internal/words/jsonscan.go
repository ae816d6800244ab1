package words

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The scanner reads JSON as encoding/json's scanner does, byte by byte, so that it refuses
// the same texts at the same offset, and writes strings as encoding/json does.

// scanner walks a JSON text. A syntax error stops it: msg says what, at is encoding/json's
// SyntaxError.Offset (the bytes read when it was found) and bad the index of the byte.
type scanner struct {
	data  string
	pos   int
	valid bool // data is UTF-8: a string without escapes is a slice of it
	depth int
	msg   string
	at    int
	bad   int
	// whole is set when the file is not an object of messages; reserved holds the
	// top-level keys go-i18n reads as parts of one message (reservedName); odd the entries
	// left to go-i18n, with where their value starts.
	whole    bool
	reserved map[string]bool
	odd      []oddValue
}

type oddValue struct{ entry, at int }

// maxDepth is encoding/json's limit on nested objects and arrays.
const maxDepth = 10000

// fail records a syntax error at the byte at pos, or at the end of the data.
func (s *scanner) fail(context string) bool {
	if s.pos >= len(s.data) {
		s.msg, s.at, s.bad = "unexpected end of JSON input", len(s.data), len(s.data)
	} else {
		s.msg, s.at, s.bad = "invalid character "+quoteChar(s.data[s.pos])+" "+context, s.pos+1, s.pos
	}
	return false
}

// quoteChar writes a byte as encoding/json's errors do.
func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	}
	q := fmt.Sprintf("%q", string(c))
	return "'" + q[1:len(q)-1] + "'"
}

func (s *scanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// is reports whether the byte at pos is b.
func (s *scanner) is(b byte) bool { return s.pos < len(s.data) && s.data[s.pos] == b }

// next steps over b if it is at pos.
func (s *scanner) next(b byte) bool {
	if s.is(b) {
		s.pos++
		return true
	}
	return false
}

// push steps into an object or an array.
func (s *scanner) push() bool {
	if s.depth++; s.depth > maxDepth {
		return s.fail("exceeded max depth")
	}
	s.pos++
	return true
}

// value steps over any JSON value, checking it.
func (s *scanner) value() bool {
	if s.pos >= len(s.data) {
		return s.fail("looking for beginning of value")
	}
	switch c := s.data[s.pos]; {
	case c == '"':
		_, ok := s.str()
		return ok
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return s.fail("looking for beginning of value")
}

func (s *scanner) object() bool {
	if !s.push() {
		return false
	}
	if s.space(); s.next('}') {
		s.depth--
		return true
	}
	for {
		s.space()
		if !s.is('"') {
			return s.fail("looking for beginning of object key string")
		}
		if _, ok := s.str(); !ok {
			return false
		}
		if s.space(); !s.next(':') {
			return s.fail("after object key")
		}
		if s.space(); !s.value() {
			return false
		}
		if s.space(); s.next(',') {
			continue
		}
		if s.next('}') {
			s.depth--
			return true
		}
		return s.fail("after object key:value pair")
	}
}

func (s *scanner) array() bool {
	if !s.push() {
		return false
	}
	if s.space(); s.next(']') {
		s.depth--
		return true
	}
	for {
		if s.space(); !s.value() {
			return false
		}
		if s.space(); s.next(',') {
			continue
		}
		if s.next(']') {
			s.depth--
			return true
		}
		return s.fail("after array element")
	}
}

func (s *scanner) number() bool {
	s.next('-')
	switch {
	case s.next('0'):
	case s.digit():
		for s.digit() {
		}
	default:
		return s.fail("in numeric literal")
	}
	if s.next('.') {
		if !s.digit() {
			return s.fail("after decimal point in numeric literal")
		}
		for s.digit() {
		}
	}
	if s.next('e') || s.next('E') {
		if !s.next('+') {
			s.next('-')
		}
		if !s.digit() {
			return s.fail("in exponent of numeric literal")
		}
		for s.digit() {
		}
	}
	return true
}

// digit steps over a decimal digit.
func (s *scanner) digit() bool {
	if s.pos < len(s.data) && '0' <= s.data[s.pos] && s.data[s.pos] <= '9' {
		s.pos++
		return true
	}
	return false
}

func (s *scanner) literal(word string) bool {
	for i := range len(word) {
		if !s.next(word[i]) {
			return s.fail("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
		}
	}
	return true
}

// str reads the JSON string at pos: a slice of the data when it has no escapes (and the
// data is UTF-8).
func (s *scanner) str() (string, bool) {
	s.pos++
	start := s.pos
	plain := &plainUTF8
	if !s.valid {
		plain = &plainASCII
	}
	for s.pos < len(s.data) && plain[s.data[s.pos]] {
		s.pos++
	}
	switch {
	case s.pos >= len(s.data):
	case s.data[s.pos] == '"':
		s.pos++
		return s.data[start : s.pos-1], true
	case s.data[s.pos] >= 0x20:
		return s.escaped(start) // a backslash, or a byte that may not be UTF-8
	}
	return "", s.fail("in string literal")
}

// plainUTF8 and plainASCII are the bytes a string is a slice of the data up to: any
// byte but a quote, a backslash and a control character, in UTF-8 data; and no byte
// above ASCII either in data that is not all UTF-8, where encoding/json writes U+FFFD for
// each byte that is not.
var plainUTF8, plainASCII = plainBytes(0x100), plainBytes(0x80)

func plainBytes(end int) (plain [256]bool) {
	for b := 0x20; b < end; b++ {
		plain[b] = b != '"' && b != '\\'
	}
	return plain
}

// escaped reads the rest of a string from its start, writing it as encoding/json does:
// escapes decoded, each byte that is not UTF-8 and each lone surrogate as U+FFFD.
func (s *scanner) escaped(start int) (string, bool) {
	var b strings.Builder
	b.WriteString(s.data[start:s.pos])
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return b.String(), true
		case c < 0x20:
			return "", s.fail("in string literal")
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s.data[s.pos:])
			b.WriteRune(r)
			s.pos += n
			continue
		case c != '\\':
			b.WriteByte(c)
			s.pos++
			continue
		}
		if s.pos++; s.pos >= len(s.data) {
			return "", s.fail("in string escape code")
		}
		switch e := s.data[s.pos]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			s.pos++
			r, ok := s.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				if pair := utf16.DecodeRune(r, u4(s.data[s.pos:])); pair != unicode.ReplacementChar {
					r = pair
					s.pos += 6
				} else {
					r = unicode.ReplacementChar // the next escape, if any, is read on its own
				}
			}
			b.WriteRune(r)
			continue
		default:
			return "", s.fail("in string escape code")
		}
		s.pos++
	}
	return "", s.fail("in string literal")
}

// hex4 reads the four hexadecimal digits of a \u escape.
func (s *scanner) hex4() (rune, bool) {
	var r rune
	for range 4 {
		d := hexDigit(s.data, s.pos)
		if d < 0 {
			return 0, s.fail(`in \u hexadecimal character escape`)
		}
		r = r*16 + d
		s.pos++
	}
	return r, true
}

// u4 is the rune of the \uXXXX escape at the start of t, or -1.
func u4(t string) rune {
	if len(t) < 6 || t[0] != '\\' || t[1] != 'u' {
		return -1
	}
	var r rune
	for i := 2; i < 6; i++ {
		d := hexDigit(t, i)
		if d < 0 {
			return -1
		}
		r = r*16 + d
	}
	return r
}

// hexDigit is the value of the hexadecimal digit t[i], or -1.
func hexDigit(t string, i int) rune {
	if i >= len(t) {
		return -1
	}
	switch c := rune(t[i]); {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}
