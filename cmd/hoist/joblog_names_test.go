package main

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"

	"hoist/sandbox"
	"hoist/uploader"
)

// The names `hoist jobs` and `hoist job-log` print are the server's: Scene7 keeps a name as
// it was sent, by any client, and Hoist's own refusals (a control character, NFC) do not
// reach what another tool uploaded. Each is written as the CLI writes every name
// (words.FileName), and the server's words about it with the same characters escaped.

const (
	// ctlName holds CSI (U+009B), a C1 control an 8-bit terminal reads as the start of
	// an escape sequence ("clear the screen" here); the sandbox, like Scene7, refuses
	// only C0 controls in a path.
	ctlName = "a\u009b2Jb.jpg"
	// nfdName is ガイド.jpg with its voiced marks as separate characters, as a Mac writes it.
	nfdName = "カ\u3099イト\u3099.jpg"
	ctlJob  = "レビュー\u009b2J"
)

// postToSandbox sends one file to the sandbox's UploadFile servlet the way another client
// might, with its name in uploadPostParam/fileName as given: in a new job named jobName,
// or in the job handle names (then ending it). It returns the job's handle.
func postToSandbox(t *testing.T, r *sandbox.Running, jobName, handle, fileName string, end bool) string {
	t.Helper()
	auth, err := uploader.NewAuthHeader(uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}).Document()
	if err != nil {
		t.Fatal(err)
	}
	p := uploader.UploadPostParam{CompanyHandle: sandbox.DemoCompany, JobName: jobName, JobHandle: handle,
		DestFolder: "w", FileName: fileName, EndJob: end}
	if handle == "" {
		opts := uploader.DefaultOptions()
		p.UploadParams = &opts
	}
	params, err := p.Document()
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, part := range []struct {
		disposition, contentType string
		data                     []byte
	}{
		{`form-data; name="auth"`, "text/xml; charset=UTF-8", auth},
		{`form-data; name="uploadParams"`, "text/xml; charset=UTF-8", params},
		{`form-data; name="file1"; filename="x.jpg"`, "application/octet-stream", []byte("\xFF\xD8\xFF jpeg")},
	} {
		w, err := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {part.disposition}, "Content-Type": {part.contentType}})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(part.data)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(r.Scene7UploadURL(), mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	h, err := uploader.ParseUploadReply(resp.StatusCode, resp.Body)
	if err != nil {
		t.Fatalf("posting %q: %v", fileName, err)
	}
	return h
}

// noRawControl fails the test if s holds a character a terminal would act on.
func noRawControl(t *testing.T, what, s string) {
	t.Helper()
	if strings.ContainsAny(s, "\u009b\x1b\r") {
		t.Errorf("%s holds a raw control character: %q", what, s)
	}
}

func TestJobsAndJobLogWriteTheServersNamesAsNames(t *testing.T) {
	r := startSandbox(t)
	handle := postToSandbox(t, r, ctlJob, "", ctlName, false)

	// While the job runs, `hoist jobs` lists it by its name.
	out := hoist(t, invocation{env: demoEnv}, append([]string{"jobs"}, scene7Args(r)...)...)
	if out.code != exitOK {
		t.Fatalf("jobs: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	noRawControl(t, "jobs", out.stdout)
	// The sandbox's handles hold the job's name, as Scene7's do: a name too.
	handleShown := `"` + strings.ReplaceAll(handle, "\u009b", `\u009b`) + `"`
	if handleShown == `"`+handle+`"` {
		t.Fatalf("the handle %q does not hold the job's name", handle)
	}
	mustContain(t, "jobs", out.stdout, "\n"+handleShown+`  "レビュー\u009b2J"  Running`)

	postToSandbox(t, r, "", handle, nfdName, true)
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"job-log"}, scene7Args(r)...), handle)...)
	if out.code != exitOK {
		t.Fatalf("job-log: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	noRawControl(t, "job-log", out.stdout+out.stderr)
	mustContain(t, "job-log", out.stdout,
		fmt.Sprintf(`Job "レビュー\u009b2J" (%s)`, handleShown),
		`BeginUpload                  Upload job レビュー\u009b2J started by demo@hoist.local`,
		// The log's lines: the asset name as a name, the message's path escaped alike.
		`UploadSuccess  "a\u009b2Jb"  w/a\u009b2Jb.jpg was processed into IPS`,
		// The per-file table.
		`  "w/a\u009b2Jb.jpg"  "a\u009b2Jb"  `,
	)
	// The Mac's name comes back as Scene7 keeps it (not recomposed), and its columns
	// line up with the others: a voiced mark takes no cell of its own.
	var rows []string
	for _, l := range strings.Split(out.stdout, "\n") {
		if strings.HasPrefix(l, "  FILE") || strings.HasPrefix(l, "  w/") || strings.HasPrefix(l, `  "w/`) {
			rows = append(rows, l)
		}
	}
	if len(rows) != 3 {
		t.Fatalf("want the header and 2 rows of the file table, got %q\n%s", rows, out.stdout)
	}
	mustContain(t, "file table", strings.Join(rows, "\n"), "  w/"+nfdName+"  ")
	want := cells(rows[0][:strings.Index(rows[0], "OUTCOME")])
	for _, row := range rows[1:] {
		i := strings.Index(row, "✓")
		if i < 0 || cells(row[:i]) != want {
			t.Errorf("the outcome column is out of line:\n%s", strings.Join(rows, "\n"))
		}
	}
}

// --wait's lines: a file's name, Scene7's words about it, the file that replaced it and
// the job's progress reach the terminal escaped alike.
func TestWaitLinesEscapeTheServersWords(t *testing.T) {
	var out, errw bytes.Buffer
	v := newHumanFollowView(&out, &errw, "", 0)
	const handle = "j|2101||x\x1b[2J|1"
	for _, ev := range []uploader.FollowEvent{
		{Kind: uploader.FollowStarted, JobHandle: handle},
		{Kind: uploader.JobProcessing, JobHandle: handle, Progress: "step\x1b[2J 1"},
		{Kind: uploader.FileProcessed, Item: 0, Rel: "w/a.jpg", Outcome: uploader.Failed, Said: "w/a.jpg: bad\x1b[31m data"},
		{Kind: uploader.FileProcessed, Item: 1, Rel: "w/b.tif", Outcome: uploader.Warnings, Said: "kept\u202e as is"},
		{Kind: uploader.FileProcessed, Item: 2, Rel: "w/c/hero.png", Outcome: uploader.Replaced, ReplacedBy: "w/d/hero\u009b.png"},
	} {
		v.event(ev)
	}
	noRawControl(t, "stdout", out.String())
	noRawControl(t, "stderr", errw.String())
	if strings.Contains(out.String()+errw.String(), "\u202e") {
		t.Errorf("a raw bidirectional control: %q %q", out.String(), errw.String())
	}
	mustContain(t, "stdout", out.String(), `w/a.jpg  w/a.jpg: bad\x1b[31m data`, `kept\u202e as is`, `by "w/d/hero\u009b.png"`)
	mustContain(t, "stderr", errw.String(), `"j|2101||x\x1b[2J|1"`, `step\x1b[2J 1`)

	var stderr bytes.Buffer
	c := &cli{stderr: &stderr}
	c.reportFailedInScene7([]uploader.FileOutcome{{Rel: "w/a.jpg", Outcome: uploader.Failed, Message: "bad\x1b[31m data"}})
	noRawControl(t, "report", stderr.String())
	mustContain(t, "report", stderr.String(), `  w/a.jpg: bad\x1b[31m data`)
}

// The upload's "job started" line names the server's handle as a name too.
func TestJobStartedLineEscapesTheHandle(t *testing.T) {
	var out, errw bytes.Buffer
	v := newHumanView(&out, &errw, false)
	v.event(uploader.Event{Kind: uploader.JobCreated, JobName: "spring", JobHandle: "j|2101||spring\u009b|1", ETA: -1, JobETA: -1})
	noRawControl(t, "stdout", out.String())
	mustContain(t, "stdout", out.String(), `"j|2101||spring\u009b|1"`)
}

// --details shows a server's whole answer: a server (or whatever answers in its place)
// that sends an escape code or a carriage return must not clear the screen, retitle
// the window or overwrite a line; the answer's own lines stay lines.
func TestDetailsEscapeTheServersAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>\r\n\t<p>\x1b[2J\x1b]0;owned\x07cleared</p>\r\n<p>a\u009b31mb\rover</p>\r\n</html>")
	}))
	defer srv.Close()
	out := hoist(t, invocation{env: demoEnv}, "jobs", "--details", "--endpoint", srv.URL+"/scene7/UploadFile", "--user", sandbox.DemoUser, "--company", sandbox.DemoCompany)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	noRawControl(t, "stderr", out.stderr)
	if strings.Contains(out.stderr, "\x07") {
		t.Errorf("a raw bell: %q", out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "response:\n<html>\n\t<p>\\x1b[2J\\x1b]0;owned\\a"+"cleared</p>\n<p>a\\u009b31mb\\rover</p>\n</html>\n---")

	// The sandbox's answer names a job another client named with a C1 control.
	r := startSandbox(t)
	postToSandbox(t, r, ctlJob, "", ctlName, false)
	out = hoist(t, invocation{env: demoEnv}, append([]string{"jobs", "--details"}, scene7Args(r)...)...)
	if out.code != exitOK {
		t.Fatalf("jobs: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	noRawControl(t, "stderr", out.stderr)
	mustContain(t, "stderr", out.stderr, `レビュー\u009b2J`)
}
