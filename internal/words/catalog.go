package words

import (
	"fmt"
	"sync/atomic"

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

// loadCatalog reads code's own message files. They are embedded and checked by the tests,
// so one that go-i18n would refuse is a build defect: it panics here, naming the file and
// the place, rather than at the first sentence left to go-i18n (bundleFor).
func loadCatalog(code string) *catalog {
	c := &catalog{index: make(map[string]int, 1024)}
	for _, f := range filesOf(code) {
		if f.Lang != code {
			continue
		}
		if err := c.scan(f.Path, readMessages(f)); err != nil {
			panic(fmt.Sprintf("words: %v", err))
		}
	}
	return c
}

// add records a message, text or its plural forms when forms is set, and returns its index.
func (c *catalog) add(id, text string, forms *[6]string) int {
	if i, ok := c.index[id]; ok {
		c.entries[i] = entry{text: text, forms: forms} // the last one counts, as in encoding/json
		return i
	}
	c.index[id] = len(c.entries)
	c.entries = append(c.entries, entry{text: text, forms: forms})
	return len(c.entries) - 1
}

// leave records that the message id is in a shape of go-i18n's own (a description, nested
// messages…): go-i18n writes it.
func (c *catalog) leave(id string) int {
	i := c.add(id, "", nil)
	c.entries[i].cut.Store(uncut)
	return i
}

func formIndex(name string) int {
	for i, f := range pluralForms {
		if f == name {
			return i
		}
	}
	return -1
}
