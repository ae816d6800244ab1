package words

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// scan reads one message file into c, refusing exactly what go-i18n refuses: what
// encoding/json refuses (scanned here, byte by byte as its scanner does, so the offset is
// its own) and what go-i18n then refuses of the values (a number, a plural form that is
// not a text, message keys mixed with others…). The files' own shape, an object whose
// values are texts or objects of plural forms, is read here without reflection, its texts
// slices of data; a message in any other shape is left to go-i18n (leave), and go-i18n's
// own parser judges the file then, as the bundle will (bundleFor).
func (c *catalog) scan(path, data string) error {
	s := scanner{data: data, valid: utf8.ValidString(data)}
	s.space()
	if s.pos < len(data) && data[s.pos] == '{' {
		s.messages(c)
	} else {
		s.whole = true // go-i18n reads an array as its first format and refuses the rest
		s.value()
	}
	if s.msg == "" {
		if s.space(); s.pos < len(data) {
			s.fail("after top-level value")
		}
	}
	if s.msg != "" {
		return s.fault(path, s.at, s.bad, true, fmt.Errorf("%s", s.msg))
	}
	return s.judge(c, path)
}

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
	// top-level keys go-i18n reads as parts of one message (isReserved); odd the entries
	// left to go-i18n, with where their value starts.
	whole    bool
	reserved map[string]bool
	odd      []oddValue
}

type oddValue struct{ entry, at int }

// maxDepth is encoding/json's limit on nested objects and arrays.
const maxDepth = 10000

// messages reads the top-level object, the file's messages.
func (s *scanner) messages(c *catalog) bool {
	s.pos++
	s.depth = 1
	if s.space(); s.next('}') {
		return true
	}
	for {
		s.space()
		if !s.is('"') {
			return s.fail("looking for beginning of object key string")
		}
		id, ok := s.str()
		if !ok {
			return false
		}
		if s.space(); !s.next(':') {
			return s.fail("after object key")
		}
		s.space()
		start := s.pos
		text := s.is('"')
		switch {
		case text:
			t, ok := s.str()
			if !ok {
				return false
			}
			c.add(id, t, nil)
		case s.is('{'):
			forms, ok := s.forms()
			if !ok {
				return false
			}
			if forms != nil {
				c.add(id, "", forms)
			} else {
				s.leave(c, id, start)
			}
		default:
			if !s.value() {
				return false
			}
			s.leave(c, id, start)
		}
		if reservedName(id) {
			if s.reserved == nil {
				s.reserved = map[string]bool{}
			}
			s.reserved[id] = text || id == "translation"
		}
		if s.space(); s.next(',') {
			continue
		}
		if s.next('}') {
			return true
		}
		return s.fail("after object key:value pair")
	}
}

// forms reads an object of plural forms; forms is nil when it is anything else (after
// the last of duplicate keys, as encoding/json keeps it), which go-i18n then reads.
func (s *scanner) forms() (forms *[6]string, ok bool) {
	if !s.push() {
		return nil, false
	}
	if s.space(); s.next('}') {
		s.depth--
		return nil, true // no message, for go-i18n: nested messages, none of them
	}
	var f [6]string
	var odd []string // keys whose value is not a plural form's text
	for {
		s.space()
		if !s.is('"') {
			return nil, s.fail("looking for beginning of object key string")
		}
		key, ok := s.str()
		if !ok {
			return nil, false
		}
		if s.space(); !s.next(':') {
			return nil, s.fail("after object key")
		}
		s.space()
		if len(odd) > 0 {
			odd = deleteKey(odd, key)
		}
		if i := formIndex(key); i >= 0 && s.is('"') {
			if f[i], ok = s.str(); !ok {
				return nil, false
			}
		} else {
			if !s.value() {
				return nil, false
			}
			odd = append(odd, key)
		}
		if s.space(); s.next(',') {
			continue
		}
		if s.next('}') {
			break
		}
		return nil, s.fail("after object key:value pair")
	}
	s.depth--
	if len(odd) > 0 {
		return nil, true
	}
	return &f, true
}

func deleteKey(keys []string, key string) []string {
	for i, k := range keys {
		if k == key {
			return append(keys[:i], keys[i+1:]...)
		}
	}
	return keys
}

// leave leaves the message id, whose value starts at start, to go-i18n.
func (s *scanner) leave(c *catalog, id string, start int) {
	i := c.leave(id)
	for j, o := range s.odd {
		if o.entry == i {
			s.odd = append(s.odd[:j], s.odd[j+1:]...) // the last one counts
			break
		}
	}
	s.odd = append(s.odd, oddValue{i, start})
}

// judge has go-i18n read the file when a message is in a shape of its own, as the bundle
// will: the file is refused here if go-i18n refuses it there.
func (s *scanner) judge(c *catalog, path string) error {
	at := -1
	for _, o := range s.odd {
		if c.entries[o.entry].cut.Load() == uncut && (at < 0 || o.at < at) {
			at = o.at
		}
	}
	whole := s.whole
	for _, r := range s.reserved {
		whole = whole || r
	}
	if at < 0 && !whole {
		return nil
	}
	if _, err := i18n.ParseMessageFileBytes([]byte(s.data), path, nil); err != nil {
		if at < 0 || whole {
			at = 0
		}
		return s.fault(path, at+1, at, false, err)
	}
	// Every key a reserved one: go-i18n reads the whole file as one message.
	for id, r := range s.reserved {
		if r {
			c.leave(id)
		}
	}
	return nil
}

// reservedName reports a key go-i18n reads as part of a message (its reservedKeys) rather
// than as a message's ID, when its value is a text.
func reservedName(key string) bool {
	// Every reserved key is ASCII letters, and strings.ToLower keeps other ASCII bytes as
	// they are: a key with one (every key of the files has a '.') is not one, without
	// lowering it (which allocates for a key with capitals).
	for i := range len(key) {
		if c := key[i] | 0x20; c < 0x80 && (c < 'a' || c > 'z') {
			return false
		}
	}
	switch strings.ToLower(key) { // as go-i18n does it: "İD" is "id" to it
	case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation":
		return true
	}
	return false
}

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
