package ui

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// A connection's proxy, CA file (typed or chosen) and stall timeout are edited, checked
// while typed, saved, and used by Test connection; the verdict names the proxy's origin
// and the company's HTTPS inspection.
func TestConnectionNetworkSettings(t *testing.T) {
	e := newTestEnv(t)
	ca := filepath.Join(t.TempDir(), "acme-ca.pem")
	if err := os.WriteFile(ca, []byte("not yet a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	v := e.w.Connections
	if err := e.cfg.Profiles.Save("", scene7Profile("Office")); err != nil {
		t.Fatal(err)
	}
	v.reload("Office")
	n := v.editor.network
	if n.Content.Items[0].Open {
		t.Error("a connection without network settings shows them unfolded")
	}
	n.proxy.SetText("ftp://files.corp")
	n.stall.SetText("soon")
	e.pick.files = []string{ca}
	test.Tap(n.choose)
	if n.caFile.Text != ca {
		t.Fatalf("CA file %q after choosing %q", n.caFile.Text, ca)
	}
	probs := v.editor.Problems()
	for _, want := range []string{"“ftp://files.corp” is not a proxy address", "acme-ca.pem", "stall timeout in seconds"} {
		if !strings.Contains(probs, want) {
			t.Errorf("problems lack %q:\n%s", want, probs)
		}
	}
	if !v.save.Disabled() {
		t.Error("Save is on with wrong network settings")
	}
	writeTestCA(t, ca)
	n.proxy.SetText("proxy.corp:8080")
	n.stall.SetText("90")
	v.editor.password.SetText("pw")
	if p := v.editor.Problems(); p != "" {
		t.Fatalf("problems left: %s", p)
	}
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	p, err := e.cfg.Profiles.Get("Office")
	if err != nil || p.Proxy != "proxy.corp:8080" || p.CAFile != ca || p.StallSeconds != 90 {
		t.Fatalf("stored %+v, %v", p, err)
	}
	v.reload("Local sandbox")
	if n.Content.Items[0].Open || !n.proxy.Disabled() {
		t.Error("the Local sandbox's network settings are open or editable")
	}
	v.reload("Office")
	if !n.Content.Items[0].Open || n.stall.Text != "90" {
		t.Error("saved network settings are not shown unfolded")
	}

	e.remote.verdict = uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: p.User, Company: p.Company,
		Proxy: "http://proxy.corp:8080", Route: uploader.ProxyRoute{Proxy: "http://proxy.corp:8080", Source: uploader.ProxyConnection},
		Exchange: uploader.Exchange{Status: 200, TLS: &uploader.CertInfo{Subject: "CN=x", Root: "Acme Corp Inspection CA", Private: true}}}
	test.Tap(v.test)
	got := e.remote.got[len(e.remote.got)-1].Network
	if got != (uploader.Network{Proxy: "proxy.corp:8080", CAFile: ca, StallTimeout: 90 * time.Second}) {
		t.Errorf("tested with network %+v", got)
	}
	for _, want := range []string{"Through the proxy http://proxy.corp:8080, set in this connection.", "Your company seems to inspect HTTPS", "Acme Corp Inspection CA"} {
		if !strings.Contains(v.Verdict(), want) {
			t.Errorf("verdict lacks %q: %q", want, v.Verdict())
		}
	}
	// The uploads and the admin tab use it too.
	e.w.Dest.reload("Office")
	if tg := e.w.target(); tg.Conn.Network.Proxy != "proxy.corp:8080" || tg.Conn.Network.CAFile != ca {
		t.Errorf("upload target network %+v", tg.Conn.Network)
	}
}

// writeTestCA writes a self-signed CA certificate as PEM at path.
func writeTestCA(t *testing.T, path string) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Acme Corp Inspection CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A proxy typed with a password is refused in the editor with the sentence that says
// where the login belongs, and Save stays off; a connection saved with one earlier opens
// with the password masked, never shown.
func TestConnectionProxyWithAPassword(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	if err := e.cfg.Profiles.Save("", scene7Profile("Office")); err != nil {
		t.Fatal(err)
	}
	v.reload("Office")
	n := v.editor.network
	n.proxy.SetText("http://office:s3cret@proxy.corp:8080")
	want := words.T("office.proxy.password_connection", words.A{"Proxy": "http://office:xxxxx@proxy.corp:8080"})
	if probs := v.editor.Problems(); !strings.Contains(probs, want) {
		t.Errorf("problems %q, want %q", probs, want)
	}
	if !v.save.Disabled() {
		t.Error("Save is on with a password in the proxy")
	}
	n.proxy.SetText("http://office@proxy.corp:8080")
	if probs := v.editor.Problems(); strings.Contains(probs, "HTTPS_PROXY") {
		t.Errorf("a user name alone is refused: %q", probs)
	}

	path := filepath.Join(e.cfg.Dir, "profiles.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `"name": "Office",`, `"name": "Office", "proxy": "http://office:s3cret@proxy.corp:8080",`, 1))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	v.list.Select(0) // another connection, so that choosing Office again reads the file
	v.reload("Office")
	if got := v.editor.network.proxy.Text; got != "http://office:xxxxx@proxy.corp:8080" {
		t.Errorf("the saved proxy shows as %q", got)
	}
	if probs := v.editor.Problems(); !strings.Contains(probs, want) {
		t.Errorf("problems of the saved connection %q, want %q", probs, want)
	}
}

// The Proxy field's help says where a proxy's login goes, in every language: the
// connection refuses an address with a password, so the help names HTTPS_PROXY (and
// HTTP_PROXY for an http:// server) with the address's form.
func TestProxyHelpNamesTheVariableForALogin(t *testing.T) {
	defer words.Use(words.Current())
	for _, c := range []struct{ lang, login string }{
		{"en", "http://user:password@proxy:port"},
		{"fr", "http://utilisateur:motdepasse@proxy:port"},
		{"ja", "http://user:password@proxy:port"},
	} {
		words.Use(c.lang)
		n := newNetworkFields(func(...string) {}, nil)
		var help string
		for _, o := range n.Content.Items[0].Detail.(*fyne.Container).Objects {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "proxy.example.com") {
				help = l.Text
			}
		}
		for _, want := range []string{"HTTPS_PROXY", "HTTP_PROXY", c.login} {
			if !strings.Contains(help, want) {
				t.Errorf("%s: the Proxy field's help lacks %q: %q", c.lang, want, help)
			}
		}
	}
}

// A problem with a field of the folded network section opens it: shut, it would hide why
// Save is off. Folded again by hand, the next edit opens it while the problem lasts.
func TestNetworkProblemOpensTheSection(t *testing.T) {
	e := newTestEnv(t)
	if err := e.cfg.Profiles.Save("", scene7Profile("Office")); err != nil {
		t.Fatal(err)
	}
	v := e.w.Connections
	v.reload("Office")
	n := v.editor.network
	for _, c := range []struct {
		field *widget.Entry
		bad   string
	}{{n.proxy, "ftp://files.corp"}, {n.caFile, filepath.Join(t.TempDir(), "none.pem")}, {n.stall, "soon"}} {
		n.Content.Close(0)
		c.field.SetText(c.bad)
		if !n.Content.Items[0].Open || !v.save.Disabled() {
			t.Errorf("%q: section open %v, Save off %v", c.bad, n.Content.Items[0].Open, v.save.Disabled())
		}
		n.Content.Close(0)
		v.editor.folder.SetText("x" + c.bad)
		if !n.Content.Items[0].Open {
			t.Errorf("%q: folded by hand, the section stays shut after an edit", c.bad)
		}
		c.field.SetText("")
	}
	n.Content.Close(0)
	v.editor.folder.SetText("spring")
	if n.Content.Items[0].Open {
		t.Error("the section opened with no problem in it")
	}
}
