package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

func TestCustomHTTPRemoteURLIsRefused(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	ed := v.editor
	ed.server.SetSelected("Scene7 · custom address")
	ed.name.SetText("Agency proxy")
	ed.user.SetText("anna@brand.example")
	ed.company.SetText("c|77")
	cases := []struct {
		url, want string
		ok        bool
	}{
		{"http://uploads.example.com/scene7/UploadFile", "plain http:// only to this computer", false},
		{"ftp://uploads.example.com/x", "must start with https://", false},
		{"https://uploads.example.com/scene7/UploadFile", "", true},
		{"http://127.0.0.1:8080/scene7/UploadFile", "", true},
	}
	for _, c := range cases {
		ed.uploadURL.SetText(c.url)
		got := ed.Problems()
		if c.ok != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("%s: problems %q, want %q", c.url, got, c.want)
		}
		if v.save.Disabled() == c.ok {
			t.Errorf("%s: Save enabled = %v", c.url, !v.save.Disabled())
		}
	}
	ed.uploadURL.SetText("http://uploads.example.com/scene7/UploadFile")
	if err := v.Save(); err == nil {
		t.Fatal("a profile with a remote http:// address was saved")
	}
	if ps, _ := e.cfg.Profiles.List(); len(ps) != 2 {
		t.Fatalf("%d profiles stored", len(ps))
	}
}

func TestDrSumPlainHTTPNeedsTheCheckboxAndWarns(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	ed := v.editor
	ed.server.SetSelected("Dr.Sum Cloud Hub")
	ed.name.SetText("Intranet Dr.Sum")
	ed.user.SetText("apiuser01")
	ed.uploadURL.SetText("http://drsum.intra.example/api/v1.0/file/upload")
	if !strings.Contains(ed.Problems(), "plain http") || !v.save.Disabled() {
		t.Fatalf("plain http accepted without the checkbox: %q", ed.Problems())
	}
	if ed.insecureWarn.Visible() {
		t.Error("the warning shows before the box is ticked")
	}
	test.Tap(ed.insecure)
	if p := ed.Problems(); p != "" {
		t.Fatalf("problems with the box ticked: %q", p)
	}
	if !ed.insecureWarn.Visible() {
		t.Fatal("no warning once plain http is allowed")
	}
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	p, err := e.cfg.Profiles.Get("Intranet Dr.Sum")
	if err != nil || !p.AllowInsecureHTTP || p.Service != uploader.DrSum {
		t.Fatalf("stored %+v, %v", p, err)
	}
	v.reload("Intranet Dr.Sum")
	if !ed.insecureWarn.Visible() {
		t.Error("the warning disappeared when the profile was shown again")
	}
	// Chosen for uploading, the warning stays in view beside the connection.
	e.w.Dest.Choose("Intranet Dr.Sum")
	if !e.w.Dest.insecure.Visible() {
		t.Error("no warning in the Where card for a plain-http connection")
	}
	e.w.Dest.Choose("Local sandbox")
	if e.w.Dest.insecure.Visible() {
		t.Error("the warning stays for the Local sandbox")
	}
}

func TestProfilesSaveDuplicateDefaultDelete(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	ed := v.editor
	ed.name.SetText("Brand NA")
	ed.server.SetSelected("Scene7 · North America · staging")
	ed.user.SetText("anna@brand.example")
	ed.company.SetText("c|77")
	ed.password.SetText("s3cret")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	p, err := e.cfg.Profiles.Get("Brand NA")
	if err != nil || !p.Staging || p.Region != uploader.RegionNA {
		t.Fatalf("stored %+v %v", p, err)
	}
	if pw, err := e.cfg.Credentials.Password(p); err != nil || pw != "s3cret" {
		t.Fatalf("keychain has %q, %v", pw, err)
	}
	if !strings.Contains(v.status.Text, "system keychain") {
		t.Errorf("status = %q", v.status.Text)
	}
	// The Where card lists it at once.
	if _, ok := e.w.Dest.find("Brand NA"); !ok {
		t.Error("the new connection is not offered for uploading")
	}
	test.Tap(v.dup)
	if _, err := e.cfg.Profiles.Get("Brand NA copy"); err != nil {
		t.Fatal(err)
	}
	test.Tap(v.makeDefault)
	if d, _ := e.cfg.Profiles.Default(); d.Name != "Brand NA copy" {
		t.Errorf("default = %q", d.Name)
	}
	v.Delete()
	if _, err := e.cfg.Profiles.Get("Brand NA copy"); !errors.Is(err, store.ErrProfileNotFound) {
		t.Errorf("after delete: %v", err)
	}
	v.reload("Brand NA")
	test.Tap(v.forget)
	if _, err := e.cfg.Credentials.Password(p); !errors.Is(err, store.ErrNoPassword) {
		t.Errorf("after forget: %v", err)
	}
	// Built-ins cannot be changed.
	v.reload("Local sandbox")
	if !v.save.Disabled() || !v.del.Disabled() || !ed.name.Disabled() {
		t.Error("the Local sandbox can be edited")
	}
}

func TestSessionOnlyPasswordWhenNoKeychain(t *testing.T) {
	e := newTestEnv(t)
	keyring.MockInitWithError(errors.New("no Secret Service"))
	v := e.w.Connections
	typeNew(v, "Brand NA")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.status.Text, "for this session only") {
		t.Errorf("status = %q", v.status.Text)
	}
	p, _ := e.cfg.Profiles.Get("Brand NA")
	if pw, err := e.cfg.Credentials.Password(p); err != nil || pw != "s3cret" {
		t.Errorf("session password %q, %v", pw, err)
	}
}

func TestTestConnectionShowsTheVerdictAndDetails(t *testing.T) {
	e := newTestEnv(t)
	e.remote.verdict = uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "demo@hoist.local", Company: "c|2101",
		Exchange: uploader.Exchange{Operation: "checkLogin", URL: "https://x/scene7/services/IpsApiService", Request: "<password>*</password>",
			Status: 200, Response: "<checkLoginReturn/>", Duration: 420 * time.Millisecond,
			TLS: &uploader.CertInfo{Subject: "CN=x", Issuer: "CN=Test CA", NotAfter: time.Date(2027, 1, 2, 3, 4, 0, 0, time.Local)}}}
	v := e.w.Connections
	v.reload("Local sandbox")
	test.Tap(v.test)
	if got := v.Verdict(); got != "Connected. The user demo@hoist.local may upload to company c|2101." {
		t.Fatalf("verdict = %q", got)
	}
	if v.took.Text != "The server answered in 420 ms." {
		t.Errorf("took = %q", v.took.Text)
	}
	d := v.details.text
	for _, want := range []string{"Operation: checkLogin", "HTTP status: 200", "CN=Test CA", "valid until Jan 2, 2027 3:04 AM", "<password>*</password>", "<checkLoginReturn/>"} {
		if !strings.Contains(d, want) {
			t.Errorf("details lack %q:\n%s", want, d)
		}
	}
	c := e.remote.got[0]
	if c.Credentials.Password != store.SandboxPassword || c.Company != store.SandboxCompany || c.Endpoint.UploadURL != "http://127.0.0.1:9/scene7/UploadFile" {
		t.Errorf("tested with %+v", c)
	}
}

func TestAdminListsJobsAndShowsALog(t *testing.T) {
	e := newTestEnv(t)
	a := e.w.Admin
	test.Tap(a.refresh)
	if len(a.jobs) != 1 || !strings.Contains(a.jobsNote.Text, "1 job running") {
		t.Fatalf("jobs %v, note %q", a.jobs, a.jobsNote.Text)
	}
	a.jobList.Select(0)
	if a.handle.Text != "h|1" {
		t.Fatalf("handle = %q", a.handle.Text)
	}
	test.Tap(a.showLog)
	if !strings.Contains(a.logText.Text, "a.jpg: File uploaded") || !strings.Contains(a.logText.Text, "1 file of 1 accepted") {
		t.Errorf("log = %q", a.logText.Text)
	}
}

func TestACopyOfTheSandboxStaysOnTheSandbox(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.reload(store.SandboxDrSumProfile)
	if got := v.editor.server.Selected; got != "Local sandbox on this computer (Dr.Sum)" {
		t.Fatalf("server shown as %q", got)
	}
	test.Tap(v.dup)
	v.editor.folder.SetText("/filer/q3")
	if err := v.Save(); err != nil {
		t.Fatal(err)
	}
	p, err := e.cfg.Profiles.Get(store.SandboxDrSumProfile + " copy")
	if err != nil || !p.Sandbox || p.Service != uploader.DrSum || p.DestFolder != "/filer/q3" {
		t.Fatalf("stored %+v, %v", p, err)
	}
	if v.editor.insecureBox.Visible() || v.editor.urlBox.Visible() {
		t.Error("a sandbox copy asks for an address")
	}
}

// The status after Save joins its sentences as the language does: in Japanese there is no
// space after 。 ("接続「…」を保存しました。 パスワードは…" had one).
func TestSavedStatusJoinsSentencesAsTheLanguageDoes(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		e := newTestEnv(t)
		v := e.w.Connections
		typeNew(v, "Brand NA")
		if err := v.Save(); err != nil {
			t.Fatal(err)
		}
		saved := words.T("conn.saved", words.A{"Name": "Brand NA"})
		kept := words.T("conn.password_kept", nil)
		if want := joinSentences(saved, kept); v.status.Text != want {
			t.Errorf("status %q, want %q", v.status.Text, want)
		}
		if code == "ja" && strings.Contains(v.status.Text, "。 ") {
			t.Errorf("a space after 。 in %q", v.status.Text)
		}
	})
}

// A New connection does not open already in red: a field's problem shows once that field
// has been edited, and every problem once Save or Test connection is pressed. Save is off
// only while a problem is shown, so that it can always say why.
func TestANewConnectionSaysProblemsOnceEditedOrSaved(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	ed := v.editor
	userProblem := words.T("store.profile.type_user", nil)
	companyProblem := words.T("store.profile.type_company", words.A{"Example": store.SandboxCompany})
	if p := ed.Problems(); p != "" {
		t.Errorf("a blank New connection shows problems before anything was typed: %q", p)
	}
	for _, f := range []string{"user", "company"} {
		if ed.inline[f].label.Visible() {
			t.Errorf("the %s field's problem is shown before anything was typed: %q", f, ed.inline[f].label.Text)
		}
	}
	if v.save.Disabled() || v.test.Disabled() {
		t.Error("Save or Test connection is off with no problem shown")
	}

	ed.user.SetText("a")
	ed.user.SetText("") // typed, then erased: now it is the user's field that is wrong
	if p := ed.Problems(); p != userProblem {
		t.Errorf("after editing the user name, problems %q, want %q", p, userProblem)
	}
	if !v.save.Disabled() {
		t.Error("Save is on while a problem is shown")
	}
	ed.user.SetText("anna@brand.example")
	if p := ed.Problems(); p != "" || v.save.Disabled() {
		t.Errorf("with the user name typed: problems %q, Save off %v", p, v.save.Disabled())
	}

	test.Tap(v.test)
	if p := ed.Problems(); p != companyProblem {
		t.Errorf("after Test connection, problems %q, want %q", p, companyProblem)
	}
	if e.remote.got != nil || v.Verdict() != "" {
		t.Errorf("a connection with problems was tested: %v, %q", e.remote.got, v.Verdict())
	}
	if want := words.T("conn.test.fix_fields", nil); v.status.Text != want || !v.status.Visible() {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	if !v.save.Disabled() || !v.test.Disabled() {
		t.Error("Save or Test connection is on while a problem is shown")
	}

	ed.company.SetText("c|77")
	if p := ed.Problems(); p != "" || v.save.Disabled() || v.status.Visible() {
		t.Errorf("corrected: problems %q, Save off %v, status %q", p, v.save.Disabled(), v.status.Text)
	}
	test.Tap(v.save)
	if _, err := e.cfg.Profiles.Get(ed.name.Text); err != nil {
		t.Fatalf("not saved once corrected: %v (status %q)", err, v.status.Text)
	}

	// Save pressed on a blank New connection says every problem and keeps nothing.
	v.newProfile()
	name := ed.name.Text
	if err := v.Save(); err == nil {
		t.Fatal("a New connection without its user name was saved")
	}
	if p := ed.Problems(); !strings.Contains(p, userProblem) || !strings.Contains(p, companyProblem) {
		t.Errorf("after Save, problems %q, want the user's and the company's", p)
	}
	if want := words.T("conn.fix_fields", nil); v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	if _, err := e.cfg.Profiles.Get(name); !errors.Is(err, store.ErrProfileNotFound) {
		t.Errorf("%q was stored: %v", name, err)
	}
}

// While a Test connection waits for its answer, typing in the form does not turn the
// button back on: a second test started beside the first, whose verdict then hid the
// second's progress.
func TestConnectionTestStaysOffWhileItRuns(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Connections
	v.newProfile()
	v.editor.user.SetText("anna@brand.example")
	v.editor.company.SetText("c|2101")
	var pending []func()
	v.d.Async = func(f func()) { pending = append(pending, f) }
	v.Test()
	if len(pending) != 1 || !v.test.Disabled() {
		t.Fatalf("after Test: %d tests running, Test off %v", len(pending), v.test.Disabled())
	}
	v.editor.user.SetText("anna.b@brand.example")
	if !v.test.Disabled() {
		t.Fatal("typing while the test runs turned Test connection back on")
	}
	pending[0]() // the answer comes (the test driver's fyne.Do runs it at once)
	if v.test.Disabled() {
		t.Error("Test connection stays off after the verdict")
	}
}

// typeNew starts a New connection and types a Scene7 one into it, as a person does: its
// name, a user, a company handle and a password (the server stays the first offered).
func typeNew(v *ConnectionsView, name string) *profileEditor {
	v.newProfile()
	ed := v.editor
	ed.name.SetText(name)
	ed.user.SetText("anna@brand.example")
	ed.company.SetText("c|77")
	ed.password.SetText("s3cret")
	return ed
}
