package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func textPart(name, value string) part { return part{name: name, body: []byte(value)} }

// drsum posts parts to the Dr.Sum upload with the given Basic credentials ("" = none).
func drsum(t *testing.T, r *Running, user, password string, parts ...part) (answer, http.Header) {
	t.Helper()
	ct, body := multipartBody(t, parts...)
	req, err := http.NewRequest(http.MethodPost, r.DrSumUploadURL(), strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	if user != "" {
		req.SetBasicAuth(user, password)
	}
	status, h, b := send(t, req)
	return answer{status, b}, h
}

// codes lists the error codes of a Dr.Sum error body, sorted.
func codes(t *testing.T, body string) []string {
	t.Helper()
	var e struct {
		Errors []drsumError `json:"errors"`
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	var out []string
	for _, x := range e.Errors {
		out = append(out, x.Code+":"+x.Parameter)
	}
	sort.Strings(out)
	return out
}

func TestDrSumUploads(t *testing.T) {
	r := start(t, Config{})
	file := func(name, data string) part {
		p := filePart("file", name, []byte(data))
		p.contentType = "text/csv"
		return p
	}

	// The seed's example request: file first, then dest_dir and overwrite.
	a, h := drsum(t, r, DrSumUser, DrSumPassword, file("test.csv", "a,b\n1,2\n"), textPart("dest_dir", "/filer/webconsole/test"), textPart("overwrite", "true"))
	if a.status != http.StatusOK || a.body != "" {
		t.Fatalf("new file: %d %q", a.status, a.body)
	}
	// The body is empty, so there is no Content-Type (docs/protocol.md §Dr.Sum upload).
	if ct, sent := h["Content-Type"]; sent {
		t.Errorf("a success carries Content-Type %q", ct)
	}
	if got := mustRead(t, r.DrSumFile("/filer/webconsole/test", "test.csv")); string(got) != "a,b\n1,2\n" {
		t.Errorf("got %q", got)
	}
	a, _ = drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer/webconsole/test/"), textPart("overwrite", "true"), file("test.csv", "new"))
	if a.status != http.StatusCreated || a.body != "" {
		t.Fatalf("overwrite: %d %q", a.status, a.body)
	}
	if got := mustRead(t, r.DrSumFile("/filer/webconsole/test", "test.csv")); string(got) != "new" {
		t.Errorf("got %q", got)
	}
	for _, over := range []string{"false", ""} {
		parts := []part{textPart("dest_dir", "/filer/webconsole/test"), file("test.csv", "newer")}
		if over != "" {
			parts = append(parts, textPart("overwrite", over))
		}
		a, _ = drsum(t, r, DrSumUser, DrSumPassword, parts...)
		if a.status != http.StatusConflict || strings.Join(codes(t, a.body), ",") != "FILE_ALREADY_EXISTS:file" {
			t.Errorf("overwrite %q: %d %s", over, a.status, a.body)
		}
	}
	// Names are UTF-8; the root itself is a valid destination.
	a, _ = drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer"), file("売上 2025.csv", "円"))
	if a.status != http.StatusOK {
		t.Fatalf("japanese name: %d %s", a.status, a.body)
	}
	if got := mustRead(t, r.DrSumFile("/filer", "売上 2025.csv")); string(got) != "円" {
		t.Errorf("got %q", got)
	}
	if reqs := r.Requests(); reqs[0].User != DrSumUser || reqs[0].DestDir != "/filer/webconsole/test" ||
		len(reqs[0].Files) != 1 || reqs[0].Files[0].FileName != "test.csv" || reqs[0].Status != 200 {
		t.Errorf("recorded %+v", reqs[0])
	}
}

func TestDrSumBadRequests(t *testing.T) {
	r := start(t, Config{})
	dest := textPart("dest_dir", "/filer/x")
	file := filePart("file", "f.csv", []byte("1"))
	many := []part{dest, file}
	for i := 0; i < 9; i++ {
		many = append(many, textPart(fmt.Sprintf("extra%d", i), "v"))
	}
	for _, tc := range []struct {
		name  string
		parts []part
		want  string
	}{
		{"no dest_dir", []part{file}, "NO_REQUIRED_PARAMETER:dest_dir"},
		{"empty dest_dir", []part{textPart("dest_dir", ""), file}, "NO_REQUIRED_PARAMETER:dest_dir"},
		{"no file", []part{dest}, "NO_REQUIRED_PARAMETER:file"},
		{"file without filename", []part{dest, textPart("file", "data")}, "NO_REQUIRED_PARAMETER:file"},
		{"nothing", nil, "NO_REQUIRED_PARAMETER:dest_dir,NO_REQUIRED_PARAMETER:file"},
		{"relative", []part{textPart("dest_dir", "filer/x"), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"other root", []part{textPart("dest_dir", "/filerx/a"), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"case differs", []part{textPart("dest_dir", "/Filer/a"), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"escapes the root", []part{textPart("dest_dir", "/filer/../etc"), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"dot-dot inside", []part{textPart("dest_dir", "/filer/a/../b"), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"windows path", []part{textPart("dest_dir", `C:\DrSum57\test`), file}, "NOT_UNDER_ROOT_PATH:dest_dir"},
		{"two files", []part{dest, file, filePart("file", "g.csv", []byte("2"))}, "FILE_LIMIT_EXCEEDED:file"},
		{"path in filename", []part{dest, filePart("file", "a/b.csv", []byte("2"))}, "INVALID_PARAMETER_VALUE:file"},
		{"overwrite yes", []part{dest, file, textPart("overwrite", "yes")}, "INVALID_PARAMETER_VALUE:overwrite"},
		{"overwrite case", []part{dest, file, textPart("overwrite", "TRUE")}, "INVALID_PARAMETER_VALUE:overwrite"},
		{"eleven parameters", many, "REQUEST_PARAMETER_LIMIT_EXCEEDED:"},
		{"everything wrong", []part{textPart("dest_dir", "/tmp"), file, file, textPart("overwrite", "1")},
			"FILE_LIMIT_EXCEEDED:file,INVALID_PARAMETER_VALUE:overwrite,NOT_UNDER_ROOT_PATH:dest_dir"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, h := drsum(t, r, DrSumUser, DrSumPassword, tc.parts...)
			if a.status != http.StatusBadRequest || strings.Join(codes(t, a.body), ",") != tc.want {
				t.Fatalf("want 400 %s, got %d %s", tc.want, a.status, a.body)
			}
			if h.Get("Content-Type") != "application/json;charset=UTF-8" {
				t.Errorf("Content-Type %q", h.Get("Content-Type"))
			}
		})
	}
	if entries, _ := os.ReadDir(filepath.Dir(r.DrSumFile("/filer/x", "f"))); len(entries) != 0 {
		t.Errorf("a refused upload was stored: %v", entries)
	}
	// Ten parameters are fine.
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, many[:10]...); a.status != http.StatusOK {
		t.Errorf("ten parameters: %d %s", a.status, a.body)
	}
}

func TestDrSumAuthAndMethod(t *testing.T) {
	r := start(t, Config{})
	parts := []part{textPart("dest_dir", "/filer"), filePart("file", "a.csv", []byte("a"))}
	for _, creds := range [][2]string{{"", ""}, {DrSumUser, "wrong"}, {"other", DrSumPassword}} {
		a, h := drsum(t, r, creds[0], creds[1], parts...)
		if a.status != http.StatusUnauthorized || !strings.HasPrefix(h.Get("WWW-Authenticate"), "Basic ") {
			t.Errorf("%v: %d %v", creds, a.status, h)
		}
	}
	if _, err := os.Stat(r.DrSumFile("/filer", "a.csv")); err == nil {
		t.Error("an unauthenticated upload was stored")
	}
	resp, err := http.Get(r.DrSumUploadURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", resp.StatusCode)
	}
}

func TestDrSumServerErrors(t *testing.T) {
	dir := t.TempDir()
	r := start(t, Config{Dir: dir})
	parts := []part{textPart("dest_dir", "/filer/s"), filePart("file", "a.csv", []byte("a"))}
	r.SetFaults(Faults{DrSumBrokenSettings: true})
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, parts...); a.status != 500 || strings.Join(codes(t, a.body), ",") != "INVALID_SETTING_JSON:" {
		t.Errorf("broken settings: %d %s", a.status, a.body)
	}
	r.SetFaults(Faults{DrSumIOError: true})
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, parts...); a.status != 500 || strings.Join(codes(t, a.body), ",") != "IO_ERROR:dest_dir" {
		t.Errorf("injected IO error: %d %s", a.status, a.body)
	}
	// Bad parameters are still a 400 when writing would fail.
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, parts[1]); a.status != 400 {
		t.Errorf("400 before IO_ERROR: %d %s", a.status, a.body)
	}
	r.SetFaults(Faults{})
	// A file where a folder must be created.
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer"), filePart("file", "blocker", []byte("x"))); a.status != 200 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer/blocker/sub"), filePart("file", "a.csv", []byte("a"))); a.status != 500 || strings.Join(codes(t, a.body), ",") != "IO_ERROR:dest_dir" {
		t.Errorf("folder blocked: %d %s", a.status, a.body)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "drsum", "work")); len(entries) != 0 {
		t.Errorf("working files left: %v", entries)
	}
}
