package uploader

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeServlet is a small, strict stand-in for the UploadFile servlet, for tests of the job
// rules that need exact control over every answer. The Local sandbox (hoist/sandbox)
// serves the end-to-end tests.
type fakeServlet struct {
	t        *testing.T
	password string
	srv      *httptest.Server

	mu          sync.Mutex
	posts       []fakePost
	jobs        map[string]*fakeJob
	order       []string // job handles in creation order
	inflight    int
	maxInflight int
	// hook may answer POST number n (from 1) itself, for fault injection.
	hook func(n int, w http.ResponseWriter, r *http.Request) bool
}

type fakePost struct {
	N       int
	Params  fakeParams
	Files   []fakeFile
	Fault   string
	Handled bool // answered by the hook
}

type fakeParams struct {
	CompanyHandle string    `xml:"companyHandle"`
	JobName       string    `xml:"jobName"`
	JobHandle     string    `xml:"jobHandle"`
	DestFolder    string    `xml:"destFolder"`
	FileName      string    `xml:"fileName"`
	EndJob        bool      `xml:"endJob"`
	UploadParams  *struct{} `xml:"uploadParams"`
}

type fakeFile struct {
	Field, Name string // Name: fileName if given, else the Content-Disposition filename
	Data        []byte
}

type fakeJob struct {
	Name, Handle   string
	Ended, Expired bool
	Files          map[string][]byte // destFolder/name → bytes
}

func newFakeServlet(t *testing.T) *fakeServlet {
	f := &fakeServlet{t: t, password: "s3cret-pässword", jobs: map[string]*fakeJob{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeServlet) url() string { return f.srv.URL + Scene7UploadPath }

func (f *fakeServlet) request(items []Item) Request {
	return Request{
		Conn: Conn{
			Endpoint:    Endpoint{Service: Scene7, UploadURL: f.url()},
			Credentials: Credentials{User: "demo@hoist.local", Password: f.password},
			Company:     "c|2101",
		},
		JobName: "test-job", DestFolder: "spring", Options: DefaultOptions(), Items: items,
	}
}

func faultXML(kind string, code int, reason string) string {
	return fmt.Sprintf(`<?xml version='1.0' encoding='UTF-8'?><tns:%s xmlns:tns="http://www.scene7.com/IpsApi/xsd"><tns:code>%d</tns:code><tns:reason>%s</tns:reason></tns:%s>`, kind, code, reason, kind)
}

func (f *fakeServlet) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.posts = append(f.posts, fakePost{N: len(f.posts) + 1})
	n := len(f.posts)
	f.inflight++
	f.maxInflight = max(f.maxInflight, f.inflight)
	hook := f.hook
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inflight--
		f.mu.Unlock()
	}()
	if hook != nil && hook(n, w, r) {
		f.mu.Lock()
		f.posts[n-1].Handled = true
		f.mu.Unlock()
		return
	}
	var user, password string
	var p fakeParams
	var files []fakeFile
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, "not multipart", http.StatusBadRequest)
		return
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return // a dropped or truncated body: nothing is accepted
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return
		}
		switch part.FormName() {
		case "auth":
			var a struct {
				User     string `xml:"user"`
				Password string `xml:"password"`
			}
			xml.Unmarshal(data, &a)
			user, password = a.User, a.Password
		case "uploadParams":
			if err := xml.Unmarshal(data, &p); err != nil {
				f.t.Errorf("post %d: uploadParams: %v", n, err)
			}
		default:
			files = append(files, fakeFile{Field: part.FormName(), Name: part.FileName(), Data: data})
		}
	}
	answer := func(body string) {
		w.Header().Set("Content-Type", "text/xml;charset=utf-8")
		io.WriteString(w, body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	post := &f.posts[n-1]
	post.Params, post.Files = p, files
	if user == "" || password != f.password {
		post.Fault = "authenticationFault"
		answer(faultXML("authenticationFault", 10001, "Invalid username/password"))
		return
	}
	var job *fakeJob
	switch {
	case p.JobName != "":
		h := fmt.Sprintf("j|2101||%s|%d", p.JobName, len(f.order)+1)
		job = &fakeJob{Name: p.JobName, Handle: h, Files: map[string][]byte{}}
		f.jobs[h] = job
		f.order = append(f.order, h)
	default:
		job = f.jobs[p.JobHandle]
		if job == nil || job.Ended || job.Expired {
			post.Fault = "ipsApiFault"
			answer(faultXML("ipsApiFault", 30001, "Invalid job handle "+p.JobHandle))
			return
		}
	}
	if p.FileName != "" && len(files) > 1 {
		f.t.Errorf("post %d: fileName with %d files", n, len(files))
	}
	for _, file := range files {
		name := file.Name
		if p.FileName != "" {
			name = p.FileName
		}
		// destFolder is a prefix of the name (docs/protocol.md §uploadPostParam): taken
		// literally, as the least forgiving reading.
		key := p.DestFolder + name
		job.Files[key] = file.Data
	}
	job.Ended = job.Ended || p.EndJob
	answer(`<?xml version="1.0" encoding="UTF-8"?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>` + job.Handle + `</jobHandle></uploadPostReturn>`)
}

// checkJobRules asserts the job life cycle on everything the fake received: a job is
// named once with its options, later POSTs carry its handle without options, nothing
// follows its endJob, and every job that was not expired ended.
func (f *fakeServlet) checkJobRules(t *testing.T) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	ended := map[string]bool{}
	for _, p := range f.posts {
		if p.Handled {
			continue
		}
		switch {
		case p.Params.JobName != "" && p.Params.UploadParams == nil:
			t.Errorf("post %d names job %s without uploadParams", p.N, p.Params.JobName)
		case p.Params.JobHandle != "" && p.Params.UploadParams != nil:
			t.Errorf("post %d repeats uploadParams for job %s", p.N, p.Params.JobHandle)
		case p.Params.JobHandle != "" && ended[p.Params.JobHandle]:
			t.Errorf("post %d was sent to job %s after its endJob", p.N, p.Params.JobHandle)
		}
		if p.Params.EndJob && p.Fault == "" {
			h := p.Params.JobHandle
			if h == "" {
				h = f.order[len(f.order)-1]
			}
			ended[h] = true
		}
	}
	for _, h := range f.order {
		if j := f.jobs[h]; !j.Ended && !j.Expired {
			t.Errorf("job %s was never ended", h)
		}
	}
}

// received returns every file accepted, by destFolder/name, over all jobs.
func (f *fakeServlet) received() map[string][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string][]byte{}
	for _, h := range f.order {
		for k, v := range f.jobs[h].Files {
			out[k] = v
		}
	}
	return out
}

func (f *fakeServlet) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posts)
}

// recorder collects events; the emitter serialises calls, so no lock is needed while
// Upload runs, and Upload returns only after the last one.
type recorder struct{ events []Event }

func (r *recorder) on(ev Event) { r.events = append(r.events, ev) }

func (r *recorder) kinds(k EventKind) []Event {
	var out []Event
	for _, ev := range r.events {
		if ev.Kind == k {
			out = append(out, ev)
		}
	}
	return out
}

// text is every event's fields and error, for "the password appears nowhere" checks.
func (r *recorder) text() string {
	var b strings.Builder
	for _, ev := range r.events {
		fmt.Fprintf(&b, "%s %v %+v\n", ev.Kind, ev.Err, ev)
		if ev.Skip != nil {
			fmt.Fprintf(&b, "%+v\n", *ev.Skip)
		}
		if ev.Tally != nil {
			fmt.Fprintf(&b, "%+v\n", *ev.Tally)
		}
	}
	return b.String()
}

// fastClient is a client with test-sized waits.
func fastClient(opts ...func(*Client)) *Client {
	c := NewClient(func(c *Client) {
		c.Retry = RetryPolicy{Attempts: 4, Base: time.Millisecond, Max: 5 * time.Millisecond}
		c.ResponseTimeout = 2 * time.Second
	})
	for _, o := range opts {
		o(c)
	}
	return c
}
