package uploader

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespace is the IPS API version Hoist speaks (docs/protocol.md §uploadPostParam): UploadFile parts and SOAP bodies.
const Namespace = "http://www.scene7.com/IpsApi/xsd/2014-04-03"

// FaultNamespace holds the faults and the SOAP authHeader, whatever the API version.
const FaultNamespace = "http://www.scene7.com/IpsApi/xsd"

// Version is Hoist's version, sent as the authHeader's appVersion.
const Version = "0.1.0"

// Credentials are a user name and password. They print as "user:*" whatever the verb, so
// that a password can never reach a log through fmt, and JSON leaves the password out, so
// that it never reaches a file (the saved queue keeps a Conn).
type Credentials struct {
	User     string `json:"user,omitempty"`
	Password string `json:"-"`
}

func (c Credentials) String() string { return c.User + ":*" }
func (c Credentials) GoString() string {
	return fmt.Sprintf("uploader.Credentials{User:%q, Password:\"*\"}", c.User)
}

// Format makes every fmt verb, %+v and %#v included, print the masked form.
func (c Credentials) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('#') {
		io.WriteString(f, c.GoString())
		return
	}
	io.WriteString(f, c.String())
}

// AuthHeader is the `auth` part of every UploadFile POST.
type AuthHeader struct {
	XMLName             xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 authHeader"`
	User                string   `xml:"user"`
	Password            string   `xml:"password"`
	Locale              string   `xml:"locale,omitempty"`
	AppName             string   `xml:"appName"`    // required by the schema
	AppVersion          string   `xml:"appVersion"` // required by the schema
	FaultHTTPStatusCode int      `xml:"faultHttpStatusCode,omitempty"`
}

// NewAuthHeader fills in Hoist's defaults. Faults are asked for with HTTP 200 so that the
// body, not a proxy's error page, tells what went wrong.
func NewAuthHeader(c Credentials) AuthHeader {
	return AuthHeader{User: c.User, Password: c.Password, Locale: "en-US", AppName: "Hoist", AppVersion: Version, FaultHTTPStatusCode: 200}
}

// Document is the header as a whole UTF-8 XML document.
func (h AuthHeader) Document() ([]byte, error) { return document(h) }

// Redacted is the header with the password replaced by "*", for previews and logs.
func (h AuthHeader) Redacted() AuthHeader {
	h.Password = "*"
	return h
}

// UploadPostParam is the `uploadParams` part of every UploadFile POST.
type UploadPostParam struct {
	XMLName       xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 uploadPostParam"`
	CompanyHandle string   `xml:"companyHandle"`
	JobName       string   `xml:"jobName,omitempty"`
	JobHandle     string   `xml:"jobHandle,omitempty"`
	Locale        string   `xml:"locale,omitempty"`
	Description   string   `xml:"description,omitempty"`
	DestFolder    string   `xml:"destFolder,omitempty"`
	FileName      string   `xml:"fileName,omitempty"`
	EndJob        bool     `xml:"endJob,omitempty"`
	UploadParams  *Options `xml:"uploadParams,omitempty"`
}

// Document is the parameters as a whole UTF-8 XML document.
func (p UploadPostParam) Document() ([]byte, error) {
	if p.CompanyHandle == "" {
		return nil, errors.New("uploadPostParam: the company handle is empty")
	}
	if (p.JobName == "") == (p.JobHandle == "") {
		return nil, errors.New("uploadPostParam: give exactly one of jobName and jobHandle")
	}
	p.DestFolder = folderPrefix(p.DestFolder)
	return document(p)
}

// folderPrefix writes a destination folder the way IPS writes folder paths, ending in "/":
// the servlet prefixes destFolder to the file name, and whether it puts a "/" between the
// two is not documented (docs/protocol.md §uploadPostParam). Ending it in "/" is right
// both ways: a "//" is read as one "/", as Adobe's own example path shows.
func folderPrefix(folder string) string {
	if folder == "" || strings.HasSuffix(folder, "/") {
		return folder
	}
	return folder + "/"
}

const xmlDeclaration = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func document(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xmlDeclaration)
	if err := xml.NewEncoder(&b).Encode(v); err != nil {
		return nil, fmt.Errorf("marshal %T: %w", v, err)
	}
	return b.Bytes(), nil
}

// maxReply bounds what is read of a reply: IPS replies are small, an HTML error page or a
// misconfigured proxy streaming garbage must not fill memory.
const maxReply = 1 << 20

// ParseUploadReply reads an UploadFile reply. It returns the job handle of an
// uploadPostReturn; a *Fault for an IPS fault body, whatever the HTTP status (200 included,
// since Hoist asks for faultHttpStatusCode 200); a *ReplyError for anything else.
func ParseUploadReply(status int, body io.Reader) (jobHandle string, err error) {
	data, err := io.ReadAll(io.LimitReader(body, maxReply))
	if err != nil {
		return "", &ReplyError{Status: status, Snippet: snippet(data), Err: err}
	}
	root, err := firstElement(data)
	if err != nil {
		return "", &ReplyError{Status: status, Snippet: snippet(data)}
	}
	if f, ok := parseFault(root, data, status); ok {
		return "", f
	}
	if root.Name.Local == "uploadPostReturn" && status/100 == 2 {
		var r struct {
			JobHandle string `xml:"jobHandle"`
		}
		if err := xml.Unmarshal(data[root.offset:], &r); err == nil && strings.TrimSpace(r.JobHandle) != "" {
			return strings.TrimSpace(r.JobHandle), nil
		}
	}
	return "", &ReplyError{Status: status, Snippet: snippet(data)}
}

type rootElement struct {
	xml.StartElement
	offset int64 // where the element starts in the data
}

// firstElement finds the payload's root element: the document's root, or inside a SOAP
// envelope the first element of its Body. It tolerates text before the root (Adobe's own
// success example starts with a truncated declaration, docs/protocol.md §uploadPostReturn).
func firstElement(data []byte) (rootElement, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err != nil {
			return rootElement{}, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case soapEnvelope(se.Name.Space) && se.Name.Local == "Header":
			if err := d.Skip(); err != nil {
				return rootElement{}, err
			}
		case soapEnvelope(se.Name.Space) && (se.Name.Local == "Envelope" || se.Name.Local == "Body"):
		default:
			return rootElement{StartElement: se, offset: off}, nil
		}
	}
}

// soapEnvelopeNS is the SOAP 1.1 envelope namespace, the one Hoist sends.
const soapEnvelopeNS = "http://schemas.xmlsoap.org/soap/envelope/"

// soap12EnvelopeNS is SOAP 1.2's: the WSDL binds every operation to SOAP 1.2 as well
// (docs/protocol.md §SOAP endpoints), so an answer in it is read too.
const soap12EnvelopeNS = "http://www.w3.org/2003/05/soap-envelope"

func soapEnvelope(space string) bool { return space == soapEnvelopeNS || space == soap12EnvelopeNS }

func snippet(data []byte) string {
	s := strings.ToValidUTF8(string(data), "?")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
