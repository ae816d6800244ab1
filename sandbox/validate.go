package sandbox

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// validate reads a request document against its type the way the service's Axis2 ADB
// parser does (docs/protocol.md §Axis2 parsing), then checks the values the parser leaves
// to the service. The first problem found is the answer:
//
//   - structure and types (ipsApiFault 30003, invalid request XML): a sequence is walked in
//     schema order; an element the schema does not expect at that point (unknown, out of
//     order, repeated, or in another namespace) or a missing required one fails the whole
//     document, and the reason names the element in Axis2's words ("Unexpected subelement
//     {namespace}name"); text that is not a valid xsd boolean, int, long or double does too;
//   - values (30001, invalid parameter): string constants and ranges, when checkValues is
//     set. A later POST's uploadParams is parsed but its values are ignored, as the servlet
//     ignores them (docs/protocol.md §uploadPostParam).
//
// The sandbox is stricter than ADB in two places, both schema violations that Axis2 lets
// through: an element repeated in an xsd:all group, and mixed text and elements.
func validate(n *node, t *complexType, checkValues bool) *ipsFault {
	if f := readType(n, t, n.Local); f != nil {
		return f
	}
	if checkValues {
		return valuesOf(n, t, n.Local)
	}
	return nil
}

// qname renders a qualified name as Axis2's QName.toString does.
func qname(space, local string) string {
	if space == "" {
		return local
	}
	return "{" + space + "}" + local
}

func structFault(format string, args ...any) *ipsFault {
	return apiFault(codeInvalidRequestXML, "Invalid request XML: "+format, args...)
}

// readType reads the children of n as the content of complex type t.
func readType(n *node, t *complexType, path string) *ipsFault {
	if n.hasText {
		return structFault("element %s holds text; it may only hold elements", where(path, t))
	}
	if t.all {
		return readAll(n, t, path)
	}
	return readSequence(n, t, path)
}

// readSequence walks the particles of t in order over the children of n: an optional
// particle that does not match the next child is skipped, a required one that does not
// match ends the walk, and children left after the last particle are unexpected.
func readSequence(n *node, t *complexType, path string) *ipsFault {
	next := 0            // index of the next child to read
	var skipped []string // particles passed over since the last match, for the reason
	for _, f := range t.fields {
		count := 0
		for next < len(n.Kids) && matches(n.Kids[next], n.Space, f.name) && (f.max == unbounded || count < f.max) {
			if fl := readElement(n.Kids[next], f, path); fl != nil {
				return fl
			}
			next++
			count++
			skipped = skipped[:0]
		}
		if count >= f.min {
			if count == 0 {
				skipped = append(skipped, f.name)
			}
			continue
		}
		if next == len(n.Kids) {
			return structFault("Missing required subelement %s in %s",
				qname(n.Space, f.name), where(path, t))
		}
		k := n.Kids[next]
		later := false
		for _, kk := range n.Kids[next:] {
			later = later || matches(kk, n.Space, f.name)
		}
		if !later {
			return structFault("Unexpected subelement %s in %s: the required subelement %s is missing%s",
				qname(k.Space, k.Local), where(path, t), qname(n.Space, f.name), namespaceHint(k, n.Space, []string{f.name}))
		}
		expected := append(skipped, f.name+" (required)")
		return structFault("Unexpected subelement %s in %s: expected %s%s",
			qname(k.Space, k.Local), where(path, t), oneOfNames(expected), namespaceHint(k, n.Space, append(skipped, f.name)))
	}
	if next < len(n.Kids) {
		k := n.Kids[next]
		why := "nothing more may follow"
		if next > 0 {
			why = "nothing more may follow " + n.Kids[next-1].Local
		}
		if len(skipped) > 0 {
			why = "expected " + oneOfNames(skipped) + " or the end of " + t.name
		}
		return structFault("Unexpected subelement %s in %s: %s%s",
			qname(k.Space, k.Local), where(path, t), why, namespaceHint(k, n.Space, skipped))
	}
	return nil
}

// readAll reads an xsd:all group: any order, each element at most once, required ones
// present.
func readAll(n *node, t *complexType, path string) *ipsFault {
	seen := map[string]bool{}
	for _, k := range n.Kids {
		var f *field
		for i := range t.fields {
			if matches(k, n.Space, t.fields[i].name) {
				f = &t.fields[i]
			}
		}
		if f == nil {
			return structFault("Unexpected subelement %s in %s: not an element of %s%s",
				qname(k.Space, k.Local), where(path, t), t.name, namespaceHint(k, n.Space, fieldNames(t)))
		}
		if seen[f.name] {
			return structFault("Unexpected subelement %s in %s: it may appear only once",
				qname(k.Space, k.Local), where(path, t))
		}
		seen[f.name] = true
		if fl := readElement(k, *f, path); fl != nil {
			return fl
		}
	}
	for _, f := range t.fields {
		if f.min > 0 && !seen[f.name] {
			return structFault("Missing required subelement %s in %s", qname(n.Space, f.name), where(path, t))
		}
	}
	return nil
}

// readElement reads one matched element: a complex one recursively, a simple one by
// the lexical rules of its xsd type.
func readElement(k *node, f field, parent string) *ipsFault {
	p := parent + "/" + k.Local
	if k.nilled {
		// No element of the IPS schema is nillable: ADB refuses xsi:nil on each.
		return structFault("The element %s cannot be null (xsi:nil); leave it out instead", p)
	}
	if f.kind == xsComplex {
		return readType(k, f.typ, p)
	}
	if len(k.Kids) > 0 {
		c := k.Kids[0]
		return structFault("Unexpected subelement %s in %s: %s holds text only", qname(c.Space, c.Local), p, kindName(f.kind))
	}
	if !lexicalOK(f.kind, k.Text) {
		return structFault("%s: %q is not %s", p, k.Text, kindRule(f.kind))
	}
	return nil
}

// where names a place in a document and, when the path does not say it, its type.
func where(path string, t *complexType) string {
	if path == t.name || strings.HasSuffix(path, "/"+t.name) {
		return path
	}
	return path + " (" + t.name + ")"
}

// matches reports whether an element is the declaration's: elementFormDefault is
// qualified, so a child is in its parent's namespace.
func matches(k *node, space, name string) bool { return k.Space == space && k.Local == name }

// namespaceHint explains an element whose local name is expected but whose namespace is
// not.
func namespaceHint(k *node, space string, expected []string) string {
	if k.Space == space {
		return ""
	}
	for _, e := range expected {
		if e == k.Local {
			return " (the element is in namespace " + strconv.Quote(k.Space) + "; it must be in " + strconv.Quote(space) + ")"
		}
	}
	return ""
}

func oneOfNames(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return "one of " + strings.Join(names, ", ")
}

func fieldNames(t *complexType) []string {
	out := make([]string, len(t.fields))
	for i, f := range t.fields {
		out[i] = f.name
	}
	return out
}

func kindName(k xsdKind) string {
	return [...]string{xsString: "xsd:string", xsBoolean: "xsd:boolean", xsInt: "xsd:int", xsLong: "xsd:long", xsDouble: "xsd:double", xsDateTime: "xsd:dateTime", xsComplex: "complex"}[k]
}

func kindRule(k xsdKind) string {
	switch k {
	case xsBoolean:
		return "an xsd:boolean (true, false, 1 or 0)"
	case xsInt:
		return "an xsd:int (a whole number from -2147483648 to 2147483647)"
	case xsLong:
		return "an xsd:long (a whole number)"
	case xsDouble:
		return "an xsd:double (a number such as 0.5 or 1E3)"
	case xsDateTime:
		return "an xsd:dateTime (such as 2026-11-30T10:00:00.000Z)"
	}
	return kindName(k)
}

// lazyRegexp compiles expr at its first use: the command line links the sandbox for
// `hoist sandbox`, and every other command would otherwise compile these at its start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	lexInteger = lazyRegexp(`^[+-]?[0-9]+$`)
	lexDouble  = lazyRegexp(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|-INF|NaN)$`)
	lexTime    = lazyRegexp(`^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$`)
)

// lexicalOK applies the xsd lexical space of a simple type as the service's parser reads
// it (docs/protocol.md §Axis2 parsing): Axis2's converters parse a boolean, an int or a
// long as sent, so whitespace around one fails the document, where XML Schema would
// collapse it; a double (Java's Double.parseDouble) and a dateTime are trimmed first.
func lexicalOK(k xsdKind, raw string) bool {
	v := raw
	if k == xsDouble || k == xsDateTime {
		v = strings.TrimSpace(raw)
	}
	switch k {
	case xsBoolean:
		return v == "true" || v == "false" || v == "1" || v == "0"
	case xsInt, xsLong:
		if !lexInteger().MatchString(v) {
			return false
		}
		bits := 32
		if k == xsLong {
			bits = 64
		}
		_, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, bits)
		return err == nil
	case xsDouble:
		return lexDouble().MatchString(v)
	case xsDateTime:
		return lexTime().MatchString(v)
	}
	return true
}

// numeric reads a value that passed lexicalOK.
func numeric(k xsdKind, raw string) float64 {
	v := strings.TrimPrefix(strings.TrimSpace(raw), "+")
	switch v {
	case "INF":
		return math.Inf(1)
	case "-INF":
		return math.Inf(-1)
	case "NaN":
		return math.NaN()
	}
	if k == xsDouble {
		d, _ := strconv.ParseFloat(v, 64)
		return d
	}
	i, _ := strconv.ParseInt(v, 10, 64)
	return float64(i)
}

// valuesOf checks string constants and ranges of a document whose structure is valid.
func valuesOf(n *node, t *complexType, path string) *ipsFault {
	for _, k := range n.Kids {
		f := fieldOf(t, k.Local)
		p := path + "/" + k.Local
		if f.kind == xsComplex {
			if fl := valuesOf(k, f.typ, p); fl != nil {
				return fl
			}
			continue
		}
		if fl := checkValue(f, k.Text, p); fl != nil {
			return fl
		}
	}
	return nil
}

func fieldOf(t *complexType, name string) field {
	for _, f := range t.fields {
		if f.name == name {
			return f
		}
	}
	return field{}
}

// checkValue applies the table's constants and ranges to one simple value.
func checkValue(f field, raw, path string) *ipsFault {
	bad := func(why string) *ipsFault {
		return apiFault(codeInvalidParameter, "Invalid parameter %s: %q %s", path, raw, why)
	}
	if len(f.enum) > 0 {
		for _, e := range f.enum {
			if raw == e {
				return nil
			}
		}
		return bad("is not one of " + strings.Join(f.enum, ", ") + " (the values are case-sensitive)")
	}
	if !f.ranged {
		return nil
	}
	num := numeric(f.kind, raw)
	if math.IsNaN(num) || num < f.lo || num > f.hi {
		return bad("is out of range " + strconv.FormatFloat(f.lo, 'g', -1, 64) + "–" + strconv.FormatFloat(f.hi, 'g', -1, 64))
	}
	return nil
}

// xsdTrue reads an xsd:boolean that has passed validation.
func xsdTrue(s string) bool {
	v := strings.TrimSpace(s)
	return v == "true" || v == "1"
}
