package words

import (
	"fmt"
	"strings"
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
