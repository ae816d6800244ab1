package sandbox

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
	"testing"
)

// start runs a sandbox on a free loopback port for the test.
func start(t *testing.T, cfg Config) *Running {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	r, err := Start(cfg, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	})
	return r
}

// part is one multipart part of a hand-built body.
type part struct {
	name        string
	filename    *string // nil: no filename parameter
	contentType string
	body        []byte
}

func xmlPart(name, body string) part {
	return part{name: name, contentType: "text/xml; charset=UTF-8", body: []byte(body)}
}

func filePart(field, filename string, body []byte) part {
	return part{name: field, filename: &filename, contentType: "application/octet-stream", body: body}
}

// multipartBody writes the parts with headers taken literally: the filename bytes go
// out as given (mime/multipart's CreateFormFile would escape them).
func multipartBody(t *testing.T, parts ...part) (contentType string, body []byte) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		cd := fmt.Sprintf(`form-data; name="%s"`, p.name)
		if p.filename != nil {
			cd += fmt.Sprintf(`; filename="%s"`, *p.filename)
		}
		h.Set("Content-Disposition", cd)
		if p.contentType != "" {
			h.Set("Content-Type", p.contentType)
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = pw.Write(p.body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), b.Bytes()
}

// post sends a body and returns the status, content type and body of the answer.
func post(t *testing.T, url, contentType string, body []byte, header ...string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	status, h, b := send(t, req)
	return status, h.Get("Content-Type"), b
}

// send sends req and returns the status, the header and the whole body of the answer.
func send(t *testing.T, req *http.Request) (int, http.Header, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// authXML is an authHeader part; status 0 leaves faultHttpStatusCode out.
func authXML(user, password string, status int) string {
	s := `<authHeader xmlns="` + nsIPS2014 + `"><user>` + user + `</user><password>` + password +
		`</password><locale>en-US</locale><appName>HoistTest</appName><appVersion>1.0</appVersion>`
	if status != 0 {
		s += fmt.Sprintf("<faultHttpStatusCode>%d</faultHttpStatusCode>", status)
	}
	return s + `</authHeader>`
}

var demoAuth = authXML(DemoUser, DemoPassword, 200)

// minimalJob is the smallest valid UploadPostJob content.
const minimalJob = `<overwrite>true</overwrite><readyForPublish>true</readyForPublish>` +
	`<preservePublishState>true</preservePublishState><createMask>false</createMask><emailSetting>None</emailSetting>`

// newJobParams is the uploadPostParam of a job's first POST; extra goes after jobName.
func newJobParams(jobName, extra, jobContent string) string {
	return `<uploadPostParam xmlns="` + nsIPS2014 + `"><companyHandle>` + DemoCompany + `</companyHandle><jobName>` +
		jobName + `</jobName>` + extra + `<uploadParams>` + jobContent + `</uploadParams></uploadPostParam>`
}

// laterParams is the uploadPostParam of a later POST; extra goes after jobHandle.
func laterParams(handle, extra string) string {
	return `<uploadPostParam xmlns="` + nsIPS2014 + `"><companyHandle>` + DemoCompany + `</companyHandle><jobHandle>` +
		xmlEscape(handle) + `</jobHandle>` + extra + `</uploadPostParam>`
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// answer is an HTTP status and body.
type answer struct {
	status int
	body   string
}

// upload posts parts to the UploadFile servlet.
func upload(t *testing.T, r *Running, parts ...part) answer {
	t.Helper()
	ct, body := multipartBody(t, parts...)
	status, _, resp := post(t, r.Scene7UploadURL(), ct, body)
	return answer{status, resp}
}

// uploadPostReturn is the success answer.
type uploadPostReturn struct {
	XMLName   xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 uploadPostReturn"`
	JobHandle string   `xml:"jobHandle"`
}

// bareFault is an IPS fault element.
type bareFault struct {
	XMLName xml.Name
	Code    int    `xml:"code"`
	Reason  string `xml:"reason"`
}

// mustHandle expects an uploadPostReturn and returns its jobHandle.
func mustHandle(t *testing.T, a answer) string {
	t.Helper()
	status, body := a.status, a.body
	var ret uploadPostReturn
	if status != http.StatusOK || xml.Unmarshal([]byte(body), &ret) != nil || ret.JobHandle == "" {
		t.Fatalf("want uploadPostReturn, got %d %s", status, body)
	}
	return ret.JobHandle
}

// mustFault expects a bare IPS fault of the given kind and code.
func mustFault(t *testing.T, a answer, wantStatus int, kind string, code int) bareFault {
	t.Helper()
	status, body := a.status, a.body
	var f bareFault
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("want %s %d, got %d %s", kind, code, status, body)
	}
	if status != wantStatus || f.XMLName.Space != nsIPS || f.XMLName.Local != kind || f.Code != code {
		t.Fatalf("want HTTP %d %s %d, got %d %s", wantStatus, kind, code, status, body)
	}
	return f
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func contains(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Fatalf("%q does not contain %q", s, sub)
	}
}

// jpg is content that begins as a JPEG does, so that the sandbox processes it as one.
func jpg(rest string) []byte { return append([]byte{0xFF, 0xD8, 0xFF}, rest...) }
