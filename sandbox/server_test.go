package sandbox

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

func TestStartListensOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:0", "example.com:80", "nonsense"} {
		if r, err := Start(Config{Dir: t.TempDir()}, addr); err == nil {
			r.Close()
			t.Errorf("Start(%q) listened", addr)
		}
	}
	r, err := Start(Config{Dir: t.TempDir()}, "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r.URL, "http://127.0.0.1:") {
		t.Errorf("URL %q", r.URL)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := http.Get(r.URL); err == nil {
		t.Error("still serving after Close")
	}
}

func TestNewNeedsADir(t *testing.T) {
	if _, err := New(Config{}); err == nil {
		t.Error("New without Dir succeeded")
	}
}

func TestBanner(t *testing.T) {
	dir := t.TempDir()
	r := start(t, Config{Dir: dir})
	b := r.Banner()
	for _, want := range []string{
		r.Scene7UploadURL(), r.Scene7APIURL(), r.DrSumUploadURL(),
		DemoUser, DemoPassword, DemoCompany, DrSumUser, DrSumPassword, DrSumRoot,
		filepath.Join(dir, "scene7", "c_2101"), filepath.Join(dir, "drsum", "filer"),
	} {
		contains(t, b, want)
	}
}

func TestUnknownPath(t *testing.T) {
	r := start(t, Config{})
	resp, err := http.Get(r.URL + "/scene7/other")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status %d", resp.StatusCode)
	}
	if reqs := r.Requests(); len(reqs) != 1 || reqs[0].Status != 404 || reqs[0].Path != "/scene7/other" {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestSchemaTables(t *testing.T) {
	// Every complex field names its type and no sequence repeats a name: the tables
	// are the validator's only knowledge.
	seen := map[*complexType]bool{}
	var walk func(ct *complexType)
	walk = func(ct *complexType) {
		if seen[ct] {
			return
		}
		seen[ct] = true
		names := map[string]bool{}
		for _, f := range ct.fields {
			if names[f.name] {
				t.Errorf("%s repeats %s", ct.name, f.name)
			}
			names[f.name] = true
			if (f.kind == xsComplex) != (f.typ != nil) {
				t.Errorf("%s.%s: kind and type disagree", ct.name, f.name)
			}
			if f.typ != nil {
				walk(f.typ)
			}
		}
	}
	for _, ct := range []*complexType{uploadPostParam, authHeaderVersioned, authHeaderUnversioned, checkLoginParam, getActiveJobsParam, getJobLogDetailsParam} {
		walk(ct)
	}
}
