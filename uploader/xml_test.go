package uploader

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedOptions is the UploadPostJob of the seed's example request.
func seedOptions() *Options {
	return &Options{
		Overwrite: true, ReadyForPublish: true, PreservePublishState: true, CreateMask: true,
		PreserveCrop: Bool(true),
		ManualCrop:   &ManualCrop{Left: 500, Right: 500, Top: 500, Bottom: 500},
		Photoshop: &Photoshop{Process: "MaintainLayers", LayerOptions: &PhotoshopLayer{
			LayerNaming: "AppendNumber", Anchor: "Northwest", CreateTemplate: true, ExtractText: true}},
		EmailSetting: EmailNone,
	}
}

var between = regexp.MustCompile(`>\s+<`)

// canonical strips the declaration and the indentation between elements.
func canonical(b []byte) string {
	s := strings.TrimSpace(string(b))
	if strings.HasPrefix(s, "<?xml") {
		s = strings.TrimSpace(s[strings.Index(s, "?>")+2:])
	}
	return between.ReplaceAllString(s, "><")
}

func TestSeedExampleUploadPostParam(t *testing.T) {
	p := UploadPostParam{CompanyHandle: "c|2101", JobName: "uploadFileServlet-1376682217351", UploadParams: seedOptions()}
	got, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/seed-uploadPostParam.xml")
	if err != nil {
		t.Fatal(err)
	}
	if canonical(got) != canonical(want) {
		t.Errorf("uploadPostParam differs from the seed's example\n got: %s\nwant: %s", canonical(got), canonical(want))
	}
	golden(t, "uploadPostParam.golden.xml", got)
}

func TestSeedExampleAuthHeader(t *testing.T) {
	h := AuthHeader{User: "sampleuser@test.com", Password: "*", Locale: "en-US", AppName: "MyUploadServletTest", AppVersion: "1.0", FaultHTTPStatusCode: 200}
	got, err := h.Document()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("testdata/seed-authHeader.xml")
	if canonical(got) != canonical(want) {
		t.Errorf("authHeader differs from the seed's example\n got: %s\nwant: %s", canonical(got), canonical(want))
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: bytes differ\n got: %s\nwant: %s", name, got, want)
	}
}

func TestAwkwardTextIsEscaped(t *testing.T) {
	o := DefaultOptions()
	o.XMPKeywords = `été, 日本語, <&> "q" 'a'`
	p := UploadPostParam{CompanyHandle: "c|2101", JobHandle: "j|1||x|2", DestFolder: "Spring <&> 'sale'/", FileName: `a "b" & <c>.jpg`, UploadParams: &o}
	doc, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(doc, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no UTF-8 declaration: %s", doc)
	}
	if bytes.Contains(doc, []byte("<&>")) || bytes.Contains(doc, []byte(`"b"`)) {
		t.Errorf("special characters not escaped: %s", doc)
	}
	var back struct {
		DestFolder string `xml:"destFolder"`
		FileName   string `xml:"fileName"`
		Params     struct {
			XMP string `xml:"xmpKeywords"`
		} `xml:"uploadParams"`
	}
	if err := unmarshalDoc(doc, &back); err != nil {
		t.Fatal(err)
	}
	if back.DestFolder != p.DestFolder || back.FileName != p.FileName || back.Params.XMP != o.XMPKeywords {
		t.Errorf("round trip changed the text: %+v", back)
	}
}

func TestEveryOptionMarshalsInSchemaOrder(t *testing.T) {
	o := fullOptions(t)
	doc, err := UploadPostParam{CompanyHandle: "c|1", JobName: "j", UploadParams: &o}.Document()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "uploadPostParam-all.golden.xml", doc)
	// Every top-level path of the table appears, in the table's order.
	last := -1
	for _, f := range Fields {
		if strings.Contains(f.Path, ".") {
			continue
		}
		i := bytes.Index(doc, []byte("<"+f.Path+">"))
		if i < 0 {
			t.Errorf("%s missing from %s", f.Path, doc)
			continue
		}
		if i < last {
			t.Errorf("%s out of schema order", f.Path)
		}
		last = i
	}
}

// fullOptions switches every block on and sets every field through the table.
func fullOptions(t *testing.T) Options {
	t.Helper()
	o := DefaultOptions()
	for _, f := range Fields {
		var v any
		switch f.Kind {
		case KindBlock, KindBool:
			v = true
		case KindInt:
			v = int(f.Max)
		case KindFloat:
			v = f.Max
		case KindChoice:
			v = f.Choices[len(f.Choices)-1]
		case KindHandles:
			v = []string{"a|1", "b|2"}
		case KindString:
			v = "x"
			if f.Path == "postHttpUrl" {
				v = "https://example.invalid/hook"
			}
		}
		if err := o.Set(f.Path, v); err != nil {
			t.Fatalf("Set(%s): %v", f.Path, err)
		}
	}
	if err := o.Validate(); err != nil {
		t.Fatalf("full options invalid: %v", err)
	}
	return o
}

func TestCredentialsNeverPrintThePassword(t *testing.T) {
	c := Credentials{User: "u@x", Password: "s3cr3t-pw"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		if s := fmt.Sprintf(verb, c); strings.Contains(s, "s3cr3t") {
			t.Errorf("%s printed the password: %s", verb, s)
		}
	}
	if s := fmt.Sprintf("%+v", struct{ C Credentials }{c}); strings.Contains(s, "s3cr3t") {
		t.Errorf("nested %%+v printed the password: %s", s)
	}
}

// TestDestFolderIsAFolderPath: destFolder is prefixed to the file name (docs/protocol.md
// §uploadPostParam), so it goes out as IPS writes folder paths, ending in "/" — once.
func TestDestFolderIsAFolderPath(t *testing.T) {
	for folder, want := range map[string]string{
		"spring/2026":  "<destFolder>spring/2026/</destFolder>",
		"spring/2026/": "<destFolder>spring/2026/</destFolder>",
		"":             "<jobHandle>j|1</jobHandle></uploadPostParam>",
	} {
		p := UploadPostParam{CompanyHandle: "c|2101", JobHandle: "j|1", DestFolder: folder}
		got, err := p.Document()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), want) {
			t.Errorf("destFolder %q: %s, want %s", folder, got, want)
		}
	}
}
