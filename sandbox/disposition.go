package sandbox

import (
	"errors"
	"io"
	"net/textproto"
	"strings"
)

// drainLimit bounds how much of an unwanted request body the sandbox reads before it
// answers, so that a client still sending gets the answer instead of a reset (servlet
// containers swallow a similar amount). Beyond it the connection is closed.
const drainLimit = 64 << 20

// drain discards what is left of a body, up to drainLimit.
func drain(r io.Reader) {
	_, _ = io.CopyN(io.Discard, r, drainLimit)
}

// sceneFileName decodes a filename the way the Scene7 servlet's container does: as
// ISO-8859-1, so the UTF-8 bytes of a non-ASCII name arrive mangled ("é" becomes "Ã©").
// This is deliberate: Java servlet containers are known to do it, and it forces clients
// to send such names in uploadPostParam/fileName (XML, unambiguous UTF-8). For the same
// reason RFC 2231 filename* is not honoured.
func sceneFileName(raw string) string { return latin1([]byte(raw)) }

var errDisposition = errors.New("invalid Content-Disposition")

// formPart is what a multipart part's Content-Disposition says.
type formPart struct {
	name     string
	filename string // the raw bytes of the filename parameter; the caller decodes them
	isFile   bool   // a filename parameter was present, even empty
}

// parseFormPart reads a part's Content-Disposition the way a Java servlet container
// does, not the way Go's mime package does:
//   - the filename parameter is taken whole, path included (Adobe's example sends
//     "Company/folder//name.jpg"; Go's Part.FileName would keep only the base name);
//   - RFC 2231 "filename*" is ignored (see sceneFileName);
//   - backslash escapes in quoted strings are not undone (a backslash then makes the
//     asset path invalid, as a Windows path should).
func parseFormPart(h textproto.MIMEHeader) (formPart, error) {
	v := h.Get("Content-Disposition")
	typ, rest, _ := strings.Cut(v, ";")
	if !strings.EqualFold(strings.TrimSpace(typ), "form-data") {
		return formPart{}, errDisposition
	}
	params := map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			break
		}
		key, after, ok := strings.Cut(rest, "=")
		if !ok {
			return formPart{}, errDisposition
		}
		key = strings.ToLower(strings.TrimSpace(key))
		rest = strings.TrimLeft(after, " \t")
		var val string
		if strings.HasPrefix(rest, `"`) {
			end, escaped := -1, false
			for i := 1; i < len(rest); i++ {
				switch {
				case escaped:
					escaped = false
				case rest[i] == '\\':
					escaped = true
				case rest[i] == '"':
					end = i
				}
				if end >= 0 {
					break
				}
			}
			if end < 0 {
				return formPart{}, errDisposition
			}
			val, rest = rest[1:end], strings.TrimLeft(rest[end+1:], " \t")
			if rest != "" && rest[0] != ';' {
				return formPart{}, errDisposition
			}
			rest = strings.TrimPrefix(rest, ";")
		} else {
			val, rest, _ = strings.Cut(rest, ";")
			val = strings.TrimSpace(val)
		}
		if _, dup := params[key]; dup {
			return formPart{}, errDisposition
		}
		params[key] = val
	}
	name, ok := params["name"]
	if !ok {
		return formPart{}, errDisposition
	}
	fn, isFile := params["filename"]
	return formPart{name: name, filename: fn, isFile: isFile}, nil
}
