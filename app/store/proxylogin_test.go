package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/uploader"
)

// A connection's proxy never holds a password: profiles.json is a file others can read,
// so a proxy address with a password is refused with the sentence that says to clear the
// proxy and put the login in HTTPS_PROXY, in every language, without showing the password.
// A user name alone is kept: it is no secret.
func TestConnectionProxyRefusesAPassword(t *testing.T) {
	defer words.Use(words.Current())
	p := Profile{Name: "Office", Service: uploader.Scene7, Region: uploader.RegionNA, Company: "c|1", User: "u@x",
		Proxy: "http://office:s3cret@proxy.corp:8080"}
	for _, lang := range []string{"en", "fr", "ja"} {
		words.Use(lang)
		var pe *ProfileError
		if err := p.Validate(); !errors.As(err, &pe) {
			t.Fatalf("%s: a proxy with a password: %v", lang, err)
		}
		got := pe.Field("proxy")
		want := words.T("office.proxy.password_connection", words.A{"Proxy": "http://office:xxxxx@proxy.corp:8080"})
		if got != want || strings.Contains(pe.Error(), "s3cret") {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if !strings.Contains(got, "HTTPS_PROXY") {
			t.Errorf("%s: %q does not say where the login belongs", lang, got)
		}
	}
	words.Use("en")
	s := &Profiles{Dir: t.TempDir()}
	if err := s.Save("", p); err == nil {
		t.Fatal("a proxy with a password was saved")
	}
	for _, ok := range []string{"http://office@proxy.corp:8080", "office@proxy.corp:8080", "socks5://office:@proxy.corp:1080"} {
		p.Proxy = ok
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}

// A profiles.json written with a password in a proxy (by hand, or by an older version)
// loads with the password masked: it is never shown nor sent, using the connection is
// refused with the sentence, and the next write of the file leaves the password out.
func TestSavedProxyPasswordIsMaskedAndRefused(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	dir := t.TempDir()
	path := filepath.Join(dir, profilesFile)
	doc := `{"format": "hoist-profiles/1", "profiles": [
  {"name": "Office", "service": "scene7", "region": "na", "company": "c|1", "user": "u@x", "proxy": "http://office:s3cret@proxy.corp:8080"},
  {"name": "Hand", "service": "scene7", "region": "na", "company": "c|1", "user": "u@x", "proxy": "office:s3cret@proxy.corp:8080/"}
]}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Profiles{Dir: dir}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if strings.Contains(p.Proxy, "s3cret") {
			t.Errorf("%s: the password is read back: %q", p.Name, p.Proxy)
		}
	}
	p, err := s.Get("Office")
	if err != nil || p.Proxy != "http://office:xxxxx@proxy.corp:8080" {
		t.Fatalf("%q, %v", p.Proxy, err)
	}
	want := words.T("office.proxy.password_connection", words.A{"Proxy": "http://office:xxxxx@proxy.corp:8080"})
	var pe *ProfileError
	if err := p.Validate(); !errors.As(err, &pe) || pe.Field("proxy") != want {
		t.Errorf("the saved profile validates: %v", err)
	}
	// What the window and the CLI do with a connection: its Network goes to the engine.
	if err := p.Network().Check(); words.Error(err) != want {
		t.Errorf("using the connection: %q, want %q", words.Error(err), want)
	}
	if h, _ := s.Get("Hand"); h.Proxy != "office:xxxxx@proxy.corp:8080/" {
		t.Errorf("an address without a scheme: %q", h.Proxy)
	}

	// Any write of the file (here another connection saved) leaves the password out.
	if err := s.Save("", Profile{Name: "Other", Service: uploader.Scene7, Region: uploader.RegionNA, Company: "c|1", User: "u@x"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "s3cret") || !strings.Contains(string(data), "office:xxxxx@proxy.corp:8080") {
		t.Errorf("profiles.json after a save:\n%s", data)
	}
}
