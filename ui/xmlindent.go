package ui

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// indentXML lays out an XML document one element per line, indented by depth, for people
// to read; an element holding only text stays on one line. Names, prefixes, attributes and
// text are written as they are (RawToken: no namespace rewriting), so the preview is the
// document sent, only with line breaks. A document it cannot read is returned unchanged.
func indentXML(doc []byte) string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	var b strings.Builder
	depth := 0
	open := false // a start tag was written and its line is still open: text and the end tag go on it
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	newline := func() {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", depth))
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return string(doc)
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			newline()
			b.WriteString("<?" + t.Target + " " + string(t.Inst) + "?>")
		case xml.StartElement:
			newline()
			b.WriteString("<" + name(t.Name))
			for _, a := range t.Attr {
				b.WriteString(" " + name(a.Name) + `="`)
				_ = xml.EscapeText(&b, []byte(a.Value)) // a strings.Builder does not fail
				b.WriteString(`"`)
			}
			b.WriteString(">")
			depth++
			open = true
		case xml.CharData:
			if s := string(t); strings.TrimSpace(s) != "" {
				_ = xml.EscapeText(&b, t)
			}
		case xml.EndElement:
			depth--
			if !open {
				newline()
			}
			b.WriteString("</" + name(t.Name) + ">")
			open = false
		case xml.Comment:
			newline()
			b.WriteString("<!--" + string(t) + "-->")
		}
	}
	return b.String()
}
