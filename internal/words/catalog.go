package words

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// A catalog is one language's own messages as its files write them, each cut at its
// placeholders (compiled.go) the first time it is said. Every process of the command line
// reads one, and go-i18n's way (encoding/json into maps, a map per message, a template per
// form, for every message of English and the language) was most of its start: about a
// fifth of a one-file upload's CPU time (bench/README.md). Here the files are scanned once
// without reflection, the texts stay slices of the file, and only the messages said are cut.
type catalog struct {
	index   map[string]int
	entries []entry
}

// entry is one message: its text, or its plural forms (by pluralForms), and once said,
// its cut forms (uncut when it is go-i18n's to write).
type entry struct {
	text  string
	forms *[6]string
	cut   atomic.Pointer[compiledMessage]
}

// uncut marks an entry that is not plain text with placeholders.
var uncut = &compiledMessage{}

// lookup is the cut message id, or nil when the catalog does not have it or go-i18n must
// write it.
func (c *catalog) lookup(id string) *compiledMessage {
	i, ok := c.index[id]
	if !ok {
		return nil
	}
	e := &c.entries[i]
	m := e.cut.Load()
	if m == nil {
		msg := &i18n.Message{ID: id, Other: e.text}
		if e.forms != nil {
			msg.Zero, msg.One, msg.Two, msg.Few, msg.Many, msg.Other = e.forms[0], e.forms[1], e.forms[2], e.forms[3], e.forms[4], e.forms[5]
		}
		var ok bool
		if m, ok = compile(msg); !ok {
			m = uncut
		}
		e.cut.Store(m) // two goroutines may cut the same message: they store the same
	}
	if m == uncut {
		return nil
	}
	return m
}

// loadCatalog reads code's own message files.
func loadCatalog(code string) *catalog {
	c := &catalog{index: make(map[string]int, 1024)}
	for _, f := range filesOf(code) {
		if f.Lang != code {
			continue
		}
		data := readMessages(f)
		if err := c.scan(data); err != nil {
			// Not the shape scan knows: encoding/json reads it (the tests keep this out).
			if err := c.decode(data); err != nil {
				panic(fmt.Sprintf("words: %s: %v", f.Path, err))
			}
		}
	}
	return c
}

// add records a message: text, or its plural forms when forms is set.
func (c *catalog) add(id, text string, forms *[6]string) {
	if i, ok := c.index[id]; ok {
		c.entries[i] = entry{text: text, forms: forms} // the last one counts, as in encoding/json
		return
	}
	c.index[id] = len(c.entries)
	c.entries = append(c.entries, entry{text: text, forms: forms})
}

// decode reads a message file with encoding/json.
func (c *catalog) decode(data string) error {
	var raw map[string]any
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		return err
	}
	for id, v := range raw {
		switch x := v.(type) {
		case string:
			c.add(id, x, nil)
		case map[string]any:
			if forms, ok := formsOf(x); ok {
				c.add(id, "", forms)
			}
		}
	}
	return nil
}

// formsOf reads a plural message's forms; ok is false for any other key.
func formsOf(x map[string]any) (*[6]string, bool) {
	var forms [6]string
	for k, v := range x {
		text, isText := v.(string)
		i := formIndex(k)
		if !isText || i < 0 {
			return nil, false
		}
		forms[i] = text
	}
	return &forms, true
}

func formIndex(name string) int {
	for i, f := range pluralForms {
		if f == name {
			return i
		}
	}
	return -1
}

// scan reads a message file of the shape the files have: one object whose values are
// texts or objects of plural forms. Anything else is an error (decode then reads it).
func (c *catalog) scan(data string) error {
	if !utf8.ValidString(data) {
		return errShape // encoding/json replaces invalid bytes; let it
	}
	s := scanner{data: data}
	if !s.expect('{') {
		return errShape
	}
	if s.expect('}') {
		return s.end()
	}
	for {
		id, ok := s.str()
		if !ok || !s.expect(':') {
			return errShape
		}
		switch {
		case s.peek('"'):
			text, ok := s.str()
			if !ok {
				return errShape
			}
			c.add(id, text, nil)
		case s.expect('{'):
			var forms [6]string
			for empty := s.expect('}'); !empty; {
				name, ok := s.str()
				if !ok || !s.expect(':') {
					return errShape
				}
				text, ok := s.str()
				if !ok {
					return errShape
				}
				i := formIndex(name)
				if i < 0 {
					return errShape // a description, a nested message…: encoding/json reads it
				}
				forms[i] = text
				if s.expect('}') {
					break
				}
				if !s.expect(',') {
					return errShape
				}
			}
			c.add(id, "", &forms)
		default:
			return errShape
		}
		if s.expect('}') {
			return s.end()
		}
		if !s.expect(',') {
			return errShape
		}
	}
}

var errShape = fmt.Errorf("not a flat object of texts and plural forms")

// scanner walks a JSON text.
type scanner struct {
	data string
	pos  int
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

// peek reports whether the next byte after spaces is b.
func (s *scanner) peek(b byte) bool {
	s.space()
	return s.pos < len(s.data) && s.data[s.pos] == b
}

// expect steps over b if it comes next.
func (s *scanner) expect(b byte) bool {
	if s.peek(b) {
		s.pos++
		return true
	}
	return false
}

func (s *scanner) end() error {
	s.space()
	if s.pos != len(s.data) {
		return errShape
	}
	return nil
}

// str reads a JSON string: a slice of the data when it has no escapes.
func (s *scanner) str() (string, bool) {
	if !s.expect('"') {
		return "", false
	}
	start := s.pos
	for s.pos < len(s.data) {
		switch b := s.data[s.pos]; {
		case b == '"':
			s.pos++
			return s.data[start : s.pos-1], true
		case b == '\\':
			return s.escaped(start)
		case b < 0x20:
			return "", false
		}
		s.pos++
	}
	return "", false
}

// escaped reads the rest of a string that has escapes, from its start.
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
			return "", false
		case c != '\\':
			b.WriteByte(c)
			s.pos++
			continue
		}
		if s.pos+1 >= len(s.data) {
			return "", false
		}
		e := s.data[s.pos+1]
		s.pos += 2
		switch e {
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
			r, ok := s.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// A pair, as encoding/json reads it; a lone half is its to replace.
				if !strings.HasPrefix(s.data[s.pos:], `\u`) {
					return "", false
				}
				s.pos += 2
				r2, ok := s.hex4()
				if r = utf16.DecodeRune(r, r2); !ok || r == utf8.RuneError {
					return "", false
				}
			}
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return "", false
}

func (s *scanner) hex4() (rune, bool) {
	if s.pos+4 > len(s.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(s.data[s.pos:s.pos+4], 16, 32)
	if err != nil {
		return 0, false
	}
	s.pos += 4
	return rune(n), true
}
