package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// awkward is a folder tree with the names that break naive clients.
var awkward = map[string]string{
	"Campagne été/affiche finale.txt":     "accents and spaces",
	"Campagne été/日本語/写真 1.jpg":           strings.Repeat("写真", 50000),
	"Campagne été/quotes <&>'\" done.txt": "markup characters",
	"Campagne été/vide.bin":               "",
	"Campagne été/a/b/c/deep.txt":         "nested folders",
}

func TestUploadAwkwardTreeLandsByteExact(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, awkward)
	root := filepath.Join(dir, "Campagne été")
	// Flags after the path, as people type them.
	args := append([]string{"upload", "--password-stdin"}, scene7Args(r)...)
	args = append(args, root, "--dest-folder", "spring/2026", "--concurrency", "2")
	out := hoist(t, invocation{stdin: sandbox.DemoPassword + "\n"}, args...)
	if out.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	for rel, content := range awkward {
		got, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "spring/2026/"+rel))
		if err != nil {
			t.Errorf("%s did not land: %v", rel, err)
			continue
		}
		if string(got) != content {
			t.Errorf("%s landed with %d bytes, want %d", rel, len(got), len(content))
		}
		mustContain(t, "stdout", out.stdout, "✓ "+rel)
	}
	mustContain(t, "stdout", out.stdout, "5 of 5 files uploaded")
	if strings.Contains(out.stdout+out.stderr, "\r") {
		t.Error("a progress bar was drawn although stderr is not a terminal")
	}
}

func TestUploadWrongPasswordExits1WithSentenceAndNoPassword(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a", "b.txt": "b"})
	const secret = "Wrong-Secret-4711"
	args := append([]string{"upload"}, scene7Args(r)...)
	out := hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": secret}}, append(args, dir)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	sentence := words.Error(&uploader.Fault{Kind: uploader.AuthenticationFault, Code: uploader.CodeInvalidCredentials})
	mustContain(t, "stderr", out.stderr, sentence, "a.txt", "b.txt")
	if strings.Contains(out.stdout+out.stderr, secret) {
		t.Error("the password was printed")
	}
}

func TestUploadJSONLinesCarryJobAndFileEvents(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"x/one.txt": "1", "x/two <&>.txt": "22"})
	args := append([]string{"upload", "--json", "--job-name", "json-job"}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "x"))...)
	if out.code != exitOK {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	kinds := map[string]int{}
	done := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		kind, _ := ev["kind"].(string)
		kinds[kind]++
		if _, ok := ev["time"].(string); !ok {
			t.Errorf("event without time: %s", sc.Text())
		}
		if kind == "FileDone" {
			done[ev["file"].(string)] = true
			if ev["job_name"] != "json-job" || ev["job_handle"] == "" {
				t.Errorf("FileDone without its job: %s", sc.Text())
			}
		}
	}
	for _, k := range []string{"JobCreated", "FileQueued", "FileDone", "JobEnded"} {
		if kinds[k] == 0 {
			t.Errorf("no %s event in:\n%s", k, out.stdout)
		}
	}
	if !done["x/one.txt"] || !done["x/two <&>.txt"] {
		t.Errorf("FileDone events for %v, want both files", done)
	}
	if strings.Contains(out.stdout, sandbox.DemoPassword) {
		t.Error("the password is in the JSON output")
	}
}

// A file cancelled (Ctrl-C) names in its --json line the try it was at: the one the last
// FileRetrying line announced, when the cancel comes during the wait before that try. It
// said one less, the requests made so far, so a program saw the attempt go back (2, then 1).
func TestUploadJSONCancelledFileKeepsItsAttempt(t *testing.T) {
	tests := []struct {
		name   string
		faults sandbox.Faults
		after  string // the line after which the test cancels
	}{
		{"during a retry", sandbox.Faults{Error500Every: 1}, "FileRetrying"},
		{"while sending", sandbox.Faults{StallEvery: 1, StallFor: time.Minute}, "FileStarted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startSandbox(t)
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"x/one.txt": "1"})
			r.SetFaults(tt.faults)
			b := start(t, demoEnv, append(append([]string{"upload", "--json"}, scene7Args(r)...), filepath.Join(dir, "x"))...)
			stdout, stderr, cancel, code := b.stdout, b.stderr, b.cancel, b.code
			eventually(t, tt.after, func() bool { return strings.Contains(stdout.String(), `"kind":"`+tt.after+`"`) })
			cancel() // what Ctrl-C does
			if got := <-code; got != exitFailed {
				t.Fatalf("cancelled upload: exit %d, want 1\nstderr:\n%s", got, stderr.String())
			}
			announced, cancelled := 0, -1
			sc := bufio.NewScanner(strings.NewReader(stdout.String()))
			for sc.Scan() {
				var ev struct {
					Kind    string `json:"kind"`
					Attempt int    `json:"attempt"`
					Tries   int    `json:"tries"`
				}
				if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
					t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
				}
				switch ev.Kind {
				case "FileStarted", "FileRetrying":
					announced = max(announced, ev.Attempt)
				case "FileCancelled":
					cancelled = ev.Attempt
					// Cancelled during the wait, the file was carried by one request less than
					// the try announced; while sending, by as many.
					if want := map[string]int{"FileRetrying": ev.Attempt - 1, "FileStarted": ev.Attempt}[tt.after]; ev.Tries != want {
						t.Errorf("FileCancelled at attempt %d says %d tries, want %d", ev.Attempt, ev.Tries, want)
					}
				}
			}
			if announced == 0 || cancelled != announced {
				t.Fatalf("FileCancelled says attempt %d after attempt %d was announced:\n%s", cancelled, announced, stdout.String())
			}
		})
	}
}

// --preset NAME of a preset saved in the window whose file is damaged names that file,
// where it breaks and what to do; it said "open NAME: no such file or directory", about
// the name typed. A name that is neither a file nor a saved preset says both.
func TestUploadPresetByNameOfADamagedFile(t *testing.T) {
	r := startSandbox(t)
	cfg := t.TempDir()
	dir := t.TempDir()
	writeTree(t, cfg, map[string]string{"presets/web.json": "{\n  \"format\": \"hoist-preset/1\",\n  \"name\": \"web\",\n  \"options\": {\"overwrite\": true,}\n}\n"})
	writeTree(t, dir, map[string]string{"a.txt": "a"})
	env := map[string]string{"HOIST_CONFIG_DIR": cfg, "HOIST_PASSWORD": sandbox.DemoPassword}
	for preset, want := range map[string][]string{
		"web":     {filepath.Join(cfg, "presets", "web.json"), "(line 4, column 33)", "“}”", "Fix it in a text editor"},
		"nothere": {words.T("cli.problem.no_preset", words.A{"Value": "nothere"})},
	} {
		out := hoist(t, invocation{env: env}, append(append([]string{"upload"}, scene7Args(r)...), "--preset", preset, filepath.Join(dir, "a.txt"))...)
		if out.code != exitUsage {
			t.Fatalf("--preset %s: exit %d, want 2\nstderr:\n%s", preset, out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, want...)
		if strings.Contains(out.stderr, "no such file") || strings.Contains(out.stderr, "invalid character") {
			t.Errorf("--preset %s: Go's words in\n%s", preset, out.stderr)
		}
	}
}

// --preset of what does not exist says what it was taken for: a path (with a folder
// separator) is a missing file, not "nor a saved preset"; a name whose saved presets
// cannot be looked for (the settings folder cannot be made) says so, and why, rather
// than that no preset of that name was saved.
func TestUploadPresetThatDoesNotExist(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a", "file": "not a folder"})
	missing := filepath.Join(dir, "presets", "web.json")
	badConfig := filepath.Join(dir, "file", "hoist")
	for _, c := range []struct {
		preset, config string
		want           []string
	}{
		{missing, t.TempDir(), []string{words.T("cli.problem.no_preset_file", words.A{"Value": missing})}},
		{"web", badConfig, []string{`--preset “web”`, "could not open its settings folder", badConfig}},
	} {
		env := map[string]string{"HOIST_CONFIG_DIR": c.config, "HOIST_PASSWORD": sandbox.DemoPassword}
		out := hoist(t, invocation{env: env}, append(append([]string{"upload"}, scene7Args(r)...), "--preset", c.preset, filepath.Join(dir, "a.txt"))...)
		if out.code != exitUsage {
			t.Fatalf("--preset %s: exit %d, want 2\nstderr:\n%s", c.preset, out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, c.want...)
		if strings.Contains(out.stderr, "nor a preset of that name saved") {
			t.Errorf("--preset %s: said no preset of that name was saved:\n%s", c.preset, out.stderr)
		}
	}
}

func TestUploadDrSum(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"売上 été.csv": "a,b\n1,2\n"})
	out := hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": sandbox.DrSumPassword}},
		"upload", "--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", sandbox.DrSumUser,
		"--dest-folder", "/filer/campaign", filepath.Join(dir, "売上 été.csv"))
	if out.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	got, err := os.ReadFile(r.DrSumFile("/filer/campaign", "売上 été.csv"))
	if err != nil || string(got) != "a,b\n1,2\n" {
		t.Fatalf("the file did not land byte-exact: %q, %v", got, err)
	}
}

func TestUploadSettingsProblemsExit2BeforeSending(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "a", ".DS_Store": "x", "only-system/Thumbs.db": "x"})
	cases := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"plain http to a remote host", []string{"--endpoint", "http://example.com/scene7/UploadFile", "--user", "u", "--company", "c|1"}, []string{"https"}},
		{"scene7 ignores allow-insecure-http", []string{"--endpoint", "http://example.com/scene7/UploadFile", "--allow-insecure-http", "--user", "u", "--company", "c|1"}, []string{"https"}},
		{"no company", []string{"--endpoint", r.Scene7UploadURL(), "--user", sandbox.DemoUser}, []string{"--company"}},
		{"no user", []string{"--endpoint", r.Scene7UploadURL(), "--company", "c|1"}, []string{"--user"}},
		{"every problem at once", []string{"--endpoint", r.Scene7UploadURL(), "--user", "u", "--crop", "1,2,3", "--email-setting", "Sometimes", "--concurrency", "0"},
			[]string{"--company", "--crop", "LEFT,RIGHT,TOP,BOTTOM", "--email-setting cannot be “Sometimes”", "--concurrency"}},
		{"bad endpoint and bad options", []string{"--endpoint", "http://example.com/scene7/UploadFile", "--user", "u", "--crop", "x"}, []string{"https", "--crop", "--company"}},
		{"negative crop", []string{"--endpoint", r.Scene7UploadURL(), "--user", "u", "--company", "c|1", "--crop", "0,-5,0,0"}, []string{"RIGHT of --crop must be between 0 and"}},
		{"drsum without folder", []string{"--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", "u"}, []string{"--dest-folder"}},
		{"drsum without endpoint", []string{"--service", "drsum", "--user", "u", "--dest-folder", "/filer/x"}, []string{"--endpoint"}},
		{"unknown service", []string{"--service", "ftp", "--user", "u"}, []string{"scene7 or drsum"}},
		{"unknown region", []string{"--region", "mars", "--user", "u", "--company", "c|1"}, []string{"“mars”", "emea (Europe, Middle East, Africa)"}},
		{"missing path", []string{"--endpoint", r.Scene7UploadURL(), "--user", "u", "--company", "c|1", filepath.Join(dir, "nope")}, []string{"nope", "no longer there"}},
		{"a named system file", []string{"--endpoint", r.Scene7UploadURL(), "--user", "u", "--company", "c|1", filepath.Join(dir, ".DS_Store")}, []string{"Finder"}},
		{"unknown flag", []string{"--colour", "red"}, []string{"-colour"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"upload"}, tc.args...), filepath.Join(dir, "a.txt"))
			out := hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": "pw"}}, args...)
			if out.code != exitUsage {
				t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
			}
			mustContain(t, "stderr", out.stderr, tc.wants...)
			if strings.Contains(out.stderr, "asset ID") {
				t.Errorf("name warnings printed although nothing can be sent:\n%s", out.stderr)
			}
		})
	}
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload"}, scene7Args(r)...), filepath.Join(dir, "only-system"))...)
	if out.code != exitUsage {
		t.Fatalf("a folder with nothing to send: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "Thumbs.db", "no file to upload")
	if n := len(r.Requests()); n != 0 {
		t.Errorf("the sandbox received %d requests, want none", n)
	}
}

func TestUploadRefusesPasswordFlag(t *testing.T) {
	for _, args := range [][]string{
		{"upload", "--password", "Hunter2-secret", "a.txt"},
		{"upload", "a.txt", "--password=Hunter2-secret"},
		{"check-login", "-password", "Hunter2-secret"},
	} {
		out := hoist(t, invocation{}, args...)
		if out.code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, out.code)
		}
		mustContain(t, "stderr", out.stderr, "--password-stdin", "HOIST_PASSWORD")
		if strings.Contains(out.stdout+out.stderr, "Hunter2") {
			t.Errorf("%v: the password was echoed", args)
		}
	}
}

func TestAllowInsecureHTTPWarnsForDrSum(t *testing.T) {
	// Stopped by the missing folder before any request: example.com is never contacted.
	out := hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": "pw"}}, "upload", "--service", "drsum",
		"--endpoint", "http://example.com/api/v1.0/file/upload", "--allow-insecure-http", "--user", "u", "main.go")
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "warning", "clear text", "example.com", "--dest-folder")
}

func TestUploadPresetAndFlagsOverrideIt(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"hero.jpg": "v1"})
	preset := filepath.Join(dir, "keep.json")
	writeTree(t, dir, map[string]string{"keep.json": `{"format": "hoist-preset/1", "name": "Keep existing",
		"destFolder": "from-preset", "options": {"overwrite": false, "emailSetting": "Error"}}`})
	file := filepath.Join(dir, "hero.jpg")
	upload := func(extra ...string) outcome {
		args := append(append([]string{"upload"}, scene7Args(r)...), extra...)
		out := hoist(t, invocation{env: demoEnv}, append(args, file)...)
		if out.code != exitOK {
			t.Fatalf("%v: exit %d\nstderr:\n%s", extra, out.code, out.stderr)
		}
		return out
	}
	upload("--json")
	writeTree(t, dir, map[string]string{"hero.jpg": "v2"})
	// The preset says: keep the existing file, and upload to its folder.
	upload("--preset", preset, "--dest-folder", "")
	if got, _ := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "hero.jpg")); string(got) != "v1" {
		t.Errorf("root hero.jpg is %q, want v1 untouched", got)
	}
	// In the preset's folder hero.jpg is still the asset hero, which exists: without
	// overwrite, Scene7 skips it (docs/protocol.md §Asset names).
	upload("--preset", preset)
	if got, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "from-preset/hero.jpg")); err == nil {
		t.Errorf("the preset's folder holds %q although the asset exists and the preset does not overwrite", got)
	}
	writeTree(t, dir, map[string]string{"hero.jpg": "v3"})
	upload("--preset", preset, "--overwrite")
	if got, _ := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "from-preset/hero.jpg")); string(got) != "v3" {
		t.Errorf("--overwrite did not override the preset: %q", got)
	}

	writeTree(t, dir, map[string]string{"bad.json": `{"format": "hoist-preset/1", "options": {"emailSetting": "Often"}}`})
	args := append(append([]string{"upload"}, scene7Args(r)...), "--preset", filepath.Join(dir, "bad.json"), file)
	out := hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitUsage {
		t.Fatalf("invalid preset: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "bad.json")
}

func TestUploadCancelledEndsJobAndListsWhatWasNotSent(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	files := map[string]string{}
	// Three POSTs, one at a time: the sandbox handles the second, then stalls its answer,
	// so the job is running, with the third POST still to come, when the test cancels.
	for i := range 2*uploader.DefaultBatchFiles + 1 {
		files["batch/f"+string(rune('A'+i/26))+string(rune('a'+i%26))+".txt"] = "x"
	}
	writeTree(t, dir, files)
	r.SetFaults(sandbox.Faults{StallEvery: 2, StallFor: time.Minute})
	b := start(t, demoEnv, append(append([]string{"upload", "--concurrency", "1"}, scene7Args(r)...), filepath.Join(dir, "batch"))...)
	stdout, stderr, cancel, code := b.stdout, b.stderr, b.cancel, b.code
	eventually(t, "a running job", func() bool { return len(runningJobs(r)) == 1 })

	// While it runs, the job is listed by `hoist jobs`.
	job := runningJobs(r)[0]
	out := hoist(t, invocation{env: demoEnv}, append([]string{"jobs"}, scene7Args(r)...)...)
	if out.code != exitOK {
		t.Fatalf("jobs: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "jobs output", out.stdout, "HANDLE", job.Handle, job.Name, "Running")
	out = hoist(t, invocation{env: demoEnv}, append([]string{"jobs", "--json"}, scene7Args(r)...)...)
	var listed jsonJob
	if err := json.Unmarshal([]byte(out.stdout), &listed); err != nil || listed.Handle != job.Handle {
		t.Fatalf("jobs --json: %q (%v), want the job %s", out.stdout, err, job.Handle)
	}

	cancel() // what Ctrl-C does
	if got := <-code; got != exitFailed {
		t.Fatalf("cancelled upload: exit %d, want 1\nstderr:\n%s", got, stderr.String())
	}
	// Cancelled files are "cancelled", never "not sent because the upload stopped": the
	// list, the summary and the tally say the same count.
	cancelledFiles := 0
	for n := 1; n <= len(files); n++ {
		if strings.Contains(stderr.String(), words.N("cli.upload.cancelled_files", n, nil)) {
			cancelledFiles = n
		}
		if strings.Contains(stderr.String(), words.N("cli.upload.not_sent", n, nil)) || strings.Contains(stdout.String(), words.N("cli.summary.not_sent", n, nil)) {
			t.Errorf("a cancelled upload lists %d files as stopped before their turn:\n%s%s", n, stdout.String(), stderr.String())
		}
	}
	if cancelledFiles == 0 {
		t.Fatalf("no list of cancelled files:\n%s", stderr.String())
	}
	mustContain(t, "stdout", stdout.String(), words.N("cli.summary.cancelled", cancelledFiles, nil)+words.T("cli.summary.end", nil))
	if len(runningJobs(r)) != 0 {
		t.Error("the job is still running after a cancel: endJob was not sent")
	}
}

func runningJobs(r *sandbox.Running) []sandbox.Job {
	var running []sandbox.Job
	for _, j := range r.Jobs() {
		if j.State == sandbox.JobRunning {
			running = append(running, j)
		}
	}
	return running
}

// A path that does not exist is said once, with its reason: it was followed by "there is
// no file to upload in" the same path, which read as a second, different problem. A named
// folder that is empty still gets that sentence, alone.
func TestMissingPathIsSaidOnce(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "gone.jpg")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "en"}, scene7Args(r)...), missing)...)
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "gone.jpg is no longer there")
	mustNotContain(t, "stderr", out.stderr, "there is no file to upload in")
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "en"}, scene7Args(r)...), missing, empty)...)
	if out.code != exitUsage {
		t.Fatalf("exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "gone.jpg is no longer there", "there is no file to upload in "+empty+"\n")
}

// A folder of many files of a format Scene7 does not process gets the first few named and
// one line counting the rest, not a line per file (3,000 identical lines buried the other
// warnings); the other warnings are all still listed, and --strict-names counts them all.
func TestUnsupportedFormatWarningsAreCounted(t *testing.T) {
	r := startSandbox(t)
	root := filepath.Join(t.TempDir(), "docs")
	tree := map[string]string{"a&b.jpg": "x", "notes.exe": "x"}
	for i := range 8 {
		tree[fmt.Sprintf("n%d.txt", i)] = "x"
	}
	writeTree(t, root, tree)
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "en"}, scene7Args(r)...), root)...)
	if out.code != exitOK {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	if n := strings.Count(out.stderr, "does not process .txt files"); n != unsupportedListed {
		t.Errorf("%d .txt warnings named one by one, want %d:\n%s", n, unsupportedListed, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "and 5 more .txt files, which Scene7 does not process either",
		"does not process .exe files", "(asset ID “ab”)")
	out = hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "en", "--strict-names"}, scene7Args(r)...), root)...)
	if out.code != exitUsage {
		t.Fatalf("--strict-names: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "found 10 name problems")
}
