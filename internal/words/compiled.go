package words

import (
	"strconv"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Every sentence in the message files is plain text with {{.Name}} placeholders. go-i18n
// writes one by executing it as a text/template: reflection, a map of every value built
// and formatted beforehand, and a language match, for each sentence. The CLI writes a
// line with a size and a duration for each file it sends, and that execution was about a
// tenth of an upload's CPU time on loopback (bench/README.md, CPU against curl). So each
// message is cut once at its placeholders, and writing it is a copy of its text and of the
// values it names, each formatted only when named. Anything else in a message (another
// action, other delimiters) leaves the whole message to go-i18n, as does a value the copy
// cannot write exactly as text/template would (say); the tests compare both ways on every
// message of every language.

// pluralForms are go-i18n's plural forms, in the order of a compiledMessage's forms.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

const otherForm = 5

// cutText is one form of a message cut at its placeholders: text[0], then the value
// named names[0], then text[1]…; len(text) == len(names)+1.
type cutText struct {
	text, names []string
}

// compiledMessage is a message's forms, by pluralForms; nil where the message has none.
type compiledMessage [6]*cutText

// compile cuts each form of m, or reports that m is not plain text with placeholders.
func compile(m *i18n.Message) (*compiledMessage, bool) {
	if m.LeftDelim != "" || m.RightDelim != "" {
		return nil, false
	}
	var c compiledMessage
	for i, src := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if src == "" {
			continue
		}
		t, ok := cut(src)
		if !ok {
			return nil, false
		}
		c[i] = t
	}
	return &c, true
}

// cut splits src at its {{.Name}} placeholders; ok is false for any other action.
func cut(src string) (*cutText, bool) {
	t := &cutText{}
	for {
		before, after, found := strings.Cut(src, "{{")
		if !found {
			if strings.Contains(src, "}}") {
				return nil, false // text/template would print it, but nothing here expects it
			}
			t.text = append(t.text, src)
			return t, true
		}
		name, rest, found := strings.Cut(after, "}}")
		name, isField := strings.CutPrefix(name, ".")
		if !found || !isField || !isName(name) || strings.Contains(before, "}}") {
			return nil, false
		}
		t.text, t.names = append(t.text, before), append(t.names, name)
		src = rest
	}
}

// isName reports a field name text/template reads from a map as it is: a Go identifier.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		case i > 0 && '0' <= r && r <= '9':
		default:
			return false
		}
	}
	return true
}

// write fills form with args (and count for {{.Count}} when counted), or reports that a
// value is missing or not one it writes exactly as text/template would.
func (s *speaker) write(t *cutText, count *int, args A) (string, bool) {
	if len(t.names) == 0 {
		return t.text[0], true
	}
	var b strings.Builder
	n := 0
	for _, x := range t.text {
		n += len(x)
	}
	b.Grow(n + 16*len(t.names))
	b.WriteString(t.text[0])
	for i, name := range t.names {
		var v string
		if count != nil && name == "Count" {
			v = s.number().int(int64(*count))
		} else {
			a, found := args[name]
			if !found {
				return "", false // go-i18n writes "<no value>": its own to write
			}
			var ok bool
			if v, ok = s.text(a); !ok {
				return "", false
			}
		}
		b.WriteString(v)
		b.WriteString(t.text[i+1])
	}
	return b.String(), true
}

// text is a value as the sentence shows it (see A and value): ok is false for a type it
// does not know, which go-i18n then writes.
func (s *speaker) text(v any) (string, bool) {
	if w, ok := argValue(v); ok {
		v = w
	}
	switch x := v.(type) {
	case string:
		return x, true
	case int:
		return s.number().int(int64(x)), true
	case int8:
		return s.number().int(int64(x)), true
	case int16:
		return s.number().int(int64(x)), true
	case int32:
		return s.number().int(int64(x)), true
	case int64:
		return s.number().int(x), true
	case uint:
		return s.number().uint(uint64(x)), true
	case uint8:
		return s.number().uint(uint64(x)), true
	case uint16:
		return s.number().uint(uint64(x)), true
	case uint32:
		return s.number().uint(uint64(x)), true
	case uint64:
		return s.number().uint(x), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}
