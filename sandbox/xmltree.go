package sandbox

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"
)

// maxXMLPart bounds the XML documents the sandbox reads (auth, uploadParams, SOAP
// envelopes). They are a few kilobytes in practice; files never go through this path.
const maxXMLPart = 1 << 20

// node is one element of a parsed XML document. The sandbox validates requests against
// its schema tables itself, so it needs the elements in document order with their
// namespaces, which encoding/xml's struct unmarshalling would hide.
type node struct {
	Space, Local string
	Text         string // character data of a leaf element
	Kids         []*node
	hasText      bool // non-blank character data seen (mixed content is refused)
	nilled       bool // xsi:nil="true": none of the IPS elements may be (validate.go)
}

// child returns the first child element with the given local name, or nil.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Local == local {
			return k
		}
	}
	return nil
}

// text returns the character data of the named child ("" when absent).
func (n *node) text(local string) string {
	if c := n.child(local); c != nil {
		return c.Text
	}
	return ""
}

// has reports whether the named child is present.
func (n *node) has(local string) bool { return n.child(local) != nil }

// nsXSI is the XML Schema instance namespace (xsi:nil).
const nsXSI = "http://www.w3.org/2001/XMLSchema-instance"

// errXML marks a document that is not well-formed XML (ipsApiFault 30003).
var errXML = errors.New("invalid request XML")

// readLimited reads at most maxXMLPart bytes and fails when there are more.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxXMLPart+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxXMLPart {
		return nil, fmt.Errorf("%w: document larger than %d bytes", errXML, maxXMLPart)
	}
	return b, nil
}

// parseXML parses one XML document into a tree. contentType is the Content-Type the
// document travelled with (a multipart part's or the request's): when it names a
// charset, the bytes are decoded with it and the XML declaration's encoding is ignored,
// as a Java servlet does when it hands the parser an already decoded String. Without a
// charset the declaration decides (UTF-8 by default).
func parseXML(raw []byte, contentType string) (*node, error) {
	var dec *xml.Decoder
	if cs := charsetOf(contentType); cs != "" {
		decoded, err := decodeCharset(raw, cs)
		if err != nil {
			return nil, err
		}
		dec = xml.NewDecoder(strings.NewReader(neutraliseDeclaration(decoded)))
	} else {
		dec = xml.NewDecoder(bytes.NewReader(raw))
		dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
			b, err := io.ReadAll(in)
			if err != nil {
				return nil, err
			}
			s, err := decodeCharset(b, strings.ToLower(label))
			if err != nil {
				return nil, err
			}
			return strings.NewReader(s), nil
		}
	}
	var root *node
	var stack []*node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errXML, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{Space: t.Name.Space, Local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == nsXSI && a.Name.Local == "nil" {
					v := strings.TrimSpace(a.Value)
					n.nilled = v == "true" || v == "1"
				}
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("%w: more than one root element", errXML)
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.Kids = append(parent.Kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if n.hasText && len(n.Kids) > 0 {
				return nil, fmt.Errorf("%w: element %s mixes text and elements", errXML, n.Local)
			}
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, fmt.Errorf("%w: text outside the root element", errXML)
				}
				continue
			}
			n := stack[len(stack)-1]
			n.Text += string(t)
			if len(bytes.TrimSpace(t)) > 0 {
				n.hasText = true
			}
		case xml.Directive:
			// A DOCTYPE has no place in an API request, and refusing it keeps
			// entity tricks out.
			return nil, fmt.Errorf("%w: DOCTYPE is not allowed", errXML)
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%w: no root element", errXML)
	}
	return root, nil
}

// neutraliseDeclaration rewrites the encoding of an XML declaration to UTF-8, for text
// that has already been decoded.
func neutraliseDeclaration(s string) string {
	trimmed := strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(trimmed, "<?xml") {
		return s
	}
	end := strings.Index(trimmed, "?>")
	if end < 0 {
		return s
	}
	return `<?xml version="1.0" encoding="UTF-8"?>` + trimmed[end+2:]
}

// charsetOf returns the lower-cased charset parameter of a Content-Type, or "".
func charsetOf(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(params["charset"]))
}

// decodeCharset turns bytes in a charset into UTF-8 text the way Java's decoders do:
// bytes that US-ASCII or UTF-8 cannot represent become U+FFFD rather than an error, so a
// client that mislabels its parts sees its text mangled, as on the real service.
func decodeCharset(b []byte, charset string) (string, error) {
	switch charset {
	case "utf-8", "utf8":
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	case "us-ascii", "ascii":
		var sb strings.Builder
		for _, c := range b {
			if c < 0x80 {
				sb.WriteByte(c)
			} else {
				sb.WriteRune(utf8.RuneError)
			}
		}
		return sb.String(), nil
	case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1":
		return latin1(b), nil
	}
	return "", fmt.Errorf("%w: unsupported charset %q", errXML, charset)
}

// latin1 decodes ISO-8859-1 bytes: every byte is one code point.
func latin1(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// writeNode serialises a tree back to XML by local names, for a parent that declares
// the default namespace (getActiveJobs echoes a job's uploadPostJob with it).
func writeNode(sb *strings.Builder, n *node) {
	sb.WriteString("<" + n.Local + ">")
	if len(n.Kids) == 0 {
		xmlText(sb, n.Text)
	}
	for _, k := range n.Kids {
		writeNode(sb, k)
	}
	sb.WriteString("</" + n.Local + ">")
}

// xmlText writes escaped character data.
func xmlText(sb *strings.Builder, s string) {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	sb.Write(b.Bytes())
}

// elem writes <name>escaped text</name>.
func elem(sb *strings.Builder, name, text string) {
	sb.WriteString("<" + name + ">")
	xmlText(sb, text)
	sb.WriteString("</" + name + ">")
}
