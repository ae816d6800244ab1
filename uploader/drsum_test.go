package uploader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDrSumAnswerFindsCodesInAnyShape(t *testing.T) {
	cases := []struct {
		status   int
		body     string
		codes    string
		replaced bool
		err      bool
	}{
		{200, "", "", false, false},
		{201, "", "", true, false},
		{200, " \r\n", "", false, false},
		{400, `{"errors":[{"code":"NO_REQUIRED_PARAMETER","parameter":"dest_dir"},{"code":"NOT_UNDER_ROOT_PATH"},{"code":"NO_REQUIRED_PARAMETER","parameter":"file"}]}`, "NO_REQUIRED_PARAMETER,NOT_UNDER_ROOT_PATH", false, true},
		{400, `<errors><error code="INVALID_PARAMETER_VALUE"/><error>REQUEST_PARAMETER_LIMIT_EXCEEDED</error></errors>`, "INVALID_PARAMETER_VALUE,REQUEST_PARAMETER_LIMIT_EXCEEDED", false, true},
		{400, "error: FILE_LIMIT_EXCEEDED", "FILE_LIMIT_EXCEEDED", false, true},
		{409, `{"code":"FILE_ALREADY_EXISTS"}`, "FILE_ALREADY_EXISTS", false, true},
		{500, "XIO_ERRORS INVALID_SETTING_JSON", "INVALID_SETTING_JSON", false, true},
		{500, "IO_ERROR", "IO_ERROR", false, true},
		{400, "", "", false, true},
	}
	// Success is 200 or 201 with an empty body; any other 2xx is a ReplyError saying so.
	for _, c := range []struct {
		status int
		body   string
		want   ReplyKind
	}{
		{204, "", ReplyUnexpectedBody},
		{200, "<html><body>Sign in</body></html>", ReplyHTML},
		{200, `{"result":"ok"}`, ReplyUnexpectedBody},
		{201, "OK", ReplyUnexpectedBody},
	} {
		_, err := drsumAnswer(c.status, []byte(c.body))
		var re *ReplyError
		if !errors.As(err, &re) || re.Kind != c.want || re.Transient() {
			t.Errorf("%d %q: err %v, want a lasting ReplyError of kind %v", c.status, c.body, err, c.want)
		}
	}
	for _, c := range cases {
		replaced, err := drsumAnswer(c.status, []byte(c.body))
		var de *DrSumError
		if replaced != c.replaced || (err != nil) != c.err || (err != nil && !errors.As(err, &de)) {
			t.Errorf("%d %q: replaced %v err %v", c.status, c.body, replaced, err)
			continue
		}
		if de != nil && strings.Join(de.Codes, ",") != c.codes {
			t.Errorf("%d %q: codes %v, want %s", c.status, c.body, de.Codes, c.codes)
		}
	}
	if !strings.HasPrefix(drsumContentType("a.csv"), "text/csv") || drsumContentType("a.unknownext") != "application/octet-stream" {
		t.Errorf("content types %q %q", drsumContentType("a.csv"), drsumContentType("a.unknownext"))
	}
}

// fakeDrSum accepts uploads under /filer, like the Web API with a strict reading.
type fakeDrSum struct {
	mu       sync.Mutex
	files    map[string][]byte // dest_dir/name → bytes
	types    map[string]string // dest_dir/name → Content-Type
	requests int
	answer   func(n int) (int, string) // optional: a forced answer for request n
	srv      *httptest.Server
}

func newFakeDrSum(t *testing.T) *fakeDrSum {
	d := &fakeDrSum{files: map[string][]byte{}, types: map[string]string{}}
	d.srv = httptest.NewServer(http.HandlerFunc(d.serve))
	t.Cleanup(d.srv.Close)
	return d
}

func (d *fakeDrSum) serve(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	d.requests++
	n, answer := d.requests, d.answer
	d.mu.Unlock()
	d.handle(w, r, n, answer)
}

func (d *fakeDrSum) handle(w http.ResponseWriter, r *http.Request, n int, answer func(int) (int, string)) {
	if u, p, ok := r.BasicAuth(); !ok || u != "apiuser01" || p != "password01" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if answer != nil {
		if status, body := answer(n); status != 0 {
			w.WriteHeader(status)
			io.WriteString(w, body)
			return
		}
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	dest := r.FormValue("dest_dir")
	fhs := r.MultipartForm.File["file"]
	switch {
	case dest == "" || len(fhs) == 0:
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"errors":[{"code":"NO_REQUIRED_PARAMETER"}]}`)
		return
	case !strings.HasPrefix(dest, "/filer"):
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"errors":[{"code":"NOT_UNDER_ROOT_PATH"}]}`)
		return
	}
	f, _ := fhs[0].Open()
	data, _ := io.ReadAll(f)
	key := dest + "/" + fhs[0].Filename
	d.mu.Lock()
	defer d.mu.Unlock()
	_, exists := d.files[key]
	if exists && r.FormValue("overwrite") != "true" {
		w.WriteHeader(http.StatusConflict)
		io.WriteString(w, `{"errors":[{"code":"FILE_ALREADY_EXISTS"}]}`)
		return
	}
	d.files[key], d.types[key] = data, fhs[0].Header.Get("Content-Type")
	if exists {
		w.WriteHeader(http.StatusCreated)
	}
}

func (d *fakeDrSum) request(items []Item) Request {
	return Request{
		Conn: Conn{
			Endpoint:    Endpoint{Service: DrSum, UploadURL: d.srv.URL + DrSumUploadPath},
			Credentials: Credentials{User: "apiuser01", Password: "password01"},
		},
		DestFolder: "/filer/campaign", Items: items,
	}
}

func TestDrSumUploadTreeThenOverwrite(t *testing.T) {
	d := newFakeDrSum(t)
	items := testTree(t, map[string]string{"data.csv": "a,b\n1,2\n"})
	c := fastClient()
	res, err := c.Upload(context.Background(), d.request(items), nil)
	if err != nil || res.Count(StateDone) != len(items) {
		t.Fatalf("err %v, %d done", err, res.Count(StateDone))
	}
	for _, it := range items {
		want, _ := os.ReadFile(it.Path)
		key := "/filer/campaign/" + it.Rel
		if got, ok := d.files[key]; !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: arrived %v", key, ok)
		}
	}
	if ct := d.types["/filer/campaign/Campaign/data.csv"]; !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("csv sent as %q", ct)
	}

	// Again without overwrite: every file already exists.
	var rec recorder
	res, err = c.Upload(context.Background(), d.request(items), rec.on)
	if err != nil || res.Count(StateFailed) != len(items) {
		t.Fatalf("second upload: err %v, %d failed", err, res.Count(StateFailed))
	}
	for _, ev := range rec.kinds(FileFailed) {
		var de *DrSumError
		if !errors.As(ev.Err, &de) || !de.Has(DrSumFileAlreadyExists) || de.Overwrite {
			t.Fatalf("failure %v: want FILE_ALREADY_EXISTS with overwrite off", ev.Err)
		}
	}
	// With overwrite: each is replaced.
	req := d.request(items)
	req.Options.Overwrite = true
	rec = recorder{}
	res, err = c.Upload(context.Background(), req, rec.on)
	if err != nil || res.Count(StateDone) != len(items) {
		t.Fatalf("overwrite: err %v", err)
	}
	for i, fr := range res.Files {
		if !fr.Replaced {
			t.Errorf("%s not reported replaced", items[i].Rel)
		}
	}
	if n := len(rec.kinds(FileDone)); n != len(items) || !rec.kinds(FileDone)[0].Replaced {
		t.Fatalf("%d FileDone events, Replaced %v", n, rec.kinds(FileDone)[0].Replaced)
	}
}

func TestDrSumFailures(t *testing.T) {
	cases := []struct {
		name     string
		answer   func(n int) (int, string)
		password string
		dest     string
		jobErr   bool
		requests int    // exactly, for one file
		answered string // the status or code the file's *DrSumError carries ("" = uploaded)
	}{
		{"wrong password", nil, "nope", "/filer/x", true, 1, "401"},
		{"outside root", nil, "", "/elsewhere", true, 1, DrSumNotUnderRootPath},
		{"broken settings", func(int) (int, string) { return 500, `{"code":"INVALID_SETTING_JSON"}` }, "", "/filer/x", true, 1, DrSumInvalidSettingJSON},
		{"io error twice", func(int) (int, string) { return 500, "IO_ERROR" }, "", "/filer/x", false, 2, DrSumIOError},
		{"io error once", func(n int) (int, string) {
			if n == 1 {
				return 500, "IO_ERROR"
			}
			return 0, ""
		}, "", "/filer/x", false, 2, ""},
		{"busy then fine", func(n int) (int, string) {
			if n < 3 {
				return 503, ""
			}
			return 0, ""
		}, "", "/filer/x", false, 3, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDrSum(t)
			d.answer = tc.answer
			items := testTree(t, nil)[:1]
			req := d.request(items)
			req.DestFolder = tc.dest
			if tc.password != "" {
				req.Credentials.Password = tc.password
			}
			var rec recorder
			// A lost answer (a stall): TestStallWatchdogGivesUpAfterTheResponseTimeout.
			res, err := fastClient().Upload(context.Background(), req, rec.on)
			if (err != nil) != tc.jobErr || d.requests != tc.requests {
				t.Fatalf("err %v after %d requests, want job error %v after %d", err, d.requests, tc.jobErr, tc.requests)
			}
			if tc.answered == "" {
				if res.Files[0].State != StateDone {
					t.Fatalf("state %v: %v", res.Files[0].State, res.Files[0].Err)
				}
				return
			}
			var de *DrSumError
			if res.Files[0].State != StateFailed || !errors.As(res.Files[0].Err, &de) || !strings.Contains(de.Error(), tc.answered) {
				t.Fatalf("state %v, error %v, want one carrying %s", res.Files[0].State, res.Files[0].Err, tc.answered)
			}
			if tc.password != "" && strings.Contains(rec.text()+err.Error(), tc.password) {
				t.Fatal("password leaked")
			}
		})
	}
}

// A file gone since its walk fails alone, whether it is stat'ed before its request (an
// old walk) or found by its request's body (right after the walk), which is not retried;
// once one was found so, the files after it are looked at before their requests again.
func TestDrSumVanishedFileFailsAlone(t *testing.T) {
	for _, fresh := range []bool{false, true} {
		t.Run(fmt.Sprintf("fresh=%v", fresh), func(t *testing.T) {
			d := newFakeDrSum(t)
			items := testTree(t, nil)
			os.Remove(items[2].Path)
			os.Remove(items[4].Path)
			req := d.request(items)
			if fresh {
				req.Walked = time.Now()
			}
			res, err := fastClient(func(c *Client) { c.Concurrency = 1 }).Upload(context.Background(), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			// Requests that carried each gone file: one found by its body when fresh, then none.
			tries := map[int]int{2: 0, 4: 0}
			if fresh {
				tries[2] = 1
			}
			for i, fr := range res.Files {
				want, gone := tries[i]
				if gone != errors.Is(fr.Err, ErrFileGone) || !gone && fr.State != StateDone || gone && fr.Attempts != want {
					t.Errorf("%s: %v %v after %d requests", fr.Rel, fr.State, fr.Err, fr.Attempts)
				}
				if _, ok := d.files["/filer/campaign/"+fr.Rel]; ok == gone {
					t.Errorf("%s: arrived %v", fr.Rel, ok)
				}
			}
		})
	}
}
