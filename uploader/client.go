package uploader

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strings"
	"time"
)

const (
	// DefaultConcurrency is the most POSTs of one upload that run at once: an upload
	// starts at 12, or 4 for a server that answers at once (adaptive.go: startLimit),
	// and adds more only while that
	// raises the throughput (adaptive.go). 32 because one-file POSTs (Dr.Sum; non-ASCII
	// Scene7 names) are bound by round trips: 32 POSTs of 64 KiB per 80 ms round trip are
	// 210 Mbit/s, a full 200 Mbit/s uplink; measured through bench/linkproxy at 80 ms,
	// Dr.Sum 500 × 64 KiB took 5.97 s at a ceiling of 8, 3.43 s at 16, 2.26 s at 32 (the
	// link's limit 1.31 s). More would only load a server that the link cannot feed
	// faster. It is also the CLI's largest --concurrency.
	DefaultConcurrency = 32
	// DefaultBatchFiles and DefaultBatchBytes bound the small files sent together in one
	// Scene7 POST. Measured (bench/README.md): with a 50 ms server, 2,000 files of 64 KiB
	// take 1.06 s in POSTs of 32 files and 0.28 s in POSTs of 256; on loopback the sizes
	// are alike. 16 MiB keeps what a failed POST sends again small. A file larger than
	// DefaultBatchBytes goes alone.
	DefaultBatchFiles       = 256
	DefaultBatchBytes int64 = 16 << 20
	// DefaultResponseTimeout is how long a request may go without the server taking a
	// byte or, once the body is sent, without an answer, before it counts as stalled (and
	// is retried, at most DefaultStalls times in all). 30 s: a server storing a large file
	// may think for a few seconds, and connections that died under a sleeping laptop are
	// noticed quickly; with the stall budget a silent server fails an upload in about 2.5
	// minutes. Client.ResponseTimeout (the CLI's --stall-timeout) changes it.
	DefaultResponseTimeout = 30 * time.Second
	// endTimeout bounds the endJob POST sent after a cancellation, so that cancelling
	// never hangs on a server that stopped answering.
	endTimeout = 15 * time.Second
)

// Client uploads files. Build it once with NewClient and use it for many uploads; it is
// safe for concurrent use as long as its fields are not changed meanwhile.
type Client struct {
	HTTP            *http.Client
	Concurrency     int
	BatchFiles      int
	BatchBytes      int64
	Retry           RetryPolicy
	ResponseTimeout time.Duration // 0 = no stall detection
	// JobIdleTimeout is the server's idle expiry of a job (JobIdleExpiry unless a test
	// server expires sooner). A handle too idle by JobTooIdle is not used again: the
	// upload goes on in a new job instead.
	JobIdleTimeout      time.Duration
	AppName, AppVersion string // the authHeader's appName and appVersion
	// Bandwidth caps what the Client's uploads send per second, all POSTs together; its
	// limit may be changed while they run (the window's setting, the CLI's --bwlimit).
	// NewClient sets one without a limit; nil is no limit either.
	Bandwidth *Bandwidth
	// nearWait is the longest first answer that counts as a near server's (adaptive.go
	// startLimit): defaultNearWait from NewClient; 0 counts no server as near.
	nearWait time.Duration
}

// NewClient returns a Client with the named defaults, then applies opts in order.
func NewClient(opts ...func(*Client)) *Client {
	c := &Client{
		HTTP:            defaultHTTPClient(),
		Concurrency:     DefaultConcurrency,
		BatchFiles:      DefaultBatchFiles,
		BatchBytes:      DefaultBatchBytes,
		Retry:           DefaultRetryPolicy(),
		ResponseTimeout: DefaultResponseTimeout,
		JobIdleTimeout:  JobIdleExpiry,
		AppName:         "Hoist",
		AppVersion:      Version,
		Bandwidth:       NewBandwidth(0),
		nearWait:        defaultNearWait,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// defaultHTTPClient has no overall timeout (a 10 GiB file takes what it takes; stalls are
// caught per request) and does not follow redirects, which would turn a POST into a GET.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	// Every concurrent POST's connection stays open for the next one (net/http keeps 2 by
	// default); 64 covers any Concurrency people choose (the CLI allows up to 32).
	t.MaxIdleConnsPerHost = 64
	// WriteBufferSize stays net/http's 4 KiB: the buffer takes a request's head and the
	// first bytes of its body, and then hands the body to the connection's ReadFrom
	// (bodyconn.go; over TLS a 32 KiB copy into tls.Conn, which writes 16 KiB records
	// however it is fed). 64 KiB, as here before, bought no fewer writes and was 60 KiB
	// more of fresh pages per connection (an upload opens ~9 on loopback); CPU time was
	// the same within noise, over http and TLS (bench/README.md, session 11).
	// HTTP/1.1 only, even to a server that offers HTTP/2: there net/http would carry every
	// concurrent POST on one connection, one TCP window for all of them, and on a long,
	// lossy path (the benchmark's 80 ms with a 256 KiB window) that caps an upload at one
	// connection's ~3 MB/s where 12 connections fill the link (bench/README.md, "At a
	// distance"). Nothing in the servlet's protocol needs HTTP/2 (docs/protocol.md); a
	// non-nil empty TLSNextProto is how net/http is told not to offer h2.
	t.ForceAttemptHTTP2 = false
	t.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	// The proxy: the environment's, else the system's (proxyroute.go; SetProxy names one
	// explicitly), several of a PAC file's tried in turn when connecting (proxychain.go);
	// a CONNECT refused with 407 becomes a *ProxyAuthError (proxy.go). Over plain http the
	// body is copied in pieces of up to 256 KiB (bodyconn.go).
	NewProxyResolver(nil).Route(t, dialBody())
	t.OnProxyConnectResponse = proxyConnectResponse
	return &http.Client{
		Transport:     t,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Request is one upload: a set of files sent as one job.
type Request struct {
	Conn
	// JobName names the Scene7 job; empty = a generated unique name.
	JobName string
	// DestFolder is the Scene7 destFolder or the Dr.Sum dest_dir under which the files'
	// relative paths are kept.
	DestFolder  string
	Description string
	Locale      string // messages' language, e.g. "en-US"; empty = en-US
	Options     Options
	// Items are the files to send. Upload reads them until it returns (it keeps the
	// caller's array when no name needs normalising): the caller must not change them
	// meanwhile.
	Items []Item
	// Skipped are paths Walk left out; they are reported as FileSkipped and in the Result.
	Skipped []Skipped
	// JobHandle continues a Scene7 job that an earlier upload opened and did not end (the
	// app was closed mid-upload), with JobName its name: the files join that job. If it
	// has been idle for too long (JobLastPost) or the server no longer accepts it, the
	// upload goes on in a new job, as for any job that expires.
	JobHandle   string
	JobLastPost time.Time
	// Walked is when Items were listed (WalkWith), zero when not known. Until freshWalk
	// after it a POST goes without looking at its files first (fresh.go).
	Walked time.Time
}

// FileState is how a file's upload ended.
type FileState int

const (
	// StateCancelled: not accepted before the upload was cancelled, or stopped on a
	// problem before the file's turn (then Err is a NotSentError: FileResult.NotSent).
	StateCancelled FileState = iota
	StateDone
	StateFailed
)

func (s FileState) String() string {
	switch s {
	case StateDone:
		return "done"
	case StateFailed:
		return "failed"
	}
	return "cancelled"
}

// MarshalText names the state in JSON output.
func (s FileState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// FileResult is the outcome of one Request.Items entry.
type FileResult struct {
	Rel       string
	State     FileState
	Err       error  // why it failed or was cancelled
	JobHandle string // the Scene7 job that accepted it
	Replaced  bool   // Dr.Sum overwrote an existing file
	Attempts  int    // requests that carried it
}

// NotSent reports whether the upload stopped before sending the file, on a problem of the
// whole upload (a refused request, a job that stopped taking files…), rather than a
// cancellation: such a file is "not sent", never "cancelled", in what people read.
func (f FileResult) NotSent() bool {
	var n *NotSentError
	return f.State == StateCancelled && errors.As(f.Err, &n)
}

// JobRef is one Scene7 job an upload used.
type JobRef struct {
	Name, Handle string
	Ended        bool // an endJob POST was accepted
}

// Result is what an upload did.
type Result struct {
	JobName string       // the name asked for or generated (the first job's)
	Jobs    []JobRef     // every job, in order; more than one after JobContinued
	Files   []FileResult // parallel to Request.Items
	Skipped []Skipped
	// Concurrency is every limit on POSTs at once the upload took, in order: it starts at
	// 8, grows while the throughput grows, halves when the server pushes back (adaptive.go).
	Concurrency []int
}

// Count returns how many files ended in state s.
func (r *Result) Count(s FileState) int {
	n := 0
	for _, f := range r.Files {
		if f.State == s {
			n++
		}
	}
	return n
}

// CountNotSent returns how many files the upload stopped before sending (FileResult.NotSent);
// Count(StateCancelled) includes them.
func (r *Result) CountNotSent() int {
	n := 0
	for _, f := range r.Files {
		if f.NotSent() {
			n++
		}
	}
	return n
}

// ErrCancelled is wrapped (with the context's error) by Upload when ctx ended it.
var ErrCancelled = errors.New("upload cancelled")

// ErrPaused, as the cause of ctx's cancellation (context.WithCancelCause), stops an upload
// without ending its Scene7 job: the POSTs in flight are aborted, no endJob is sent, and
// a later upload continues the job (Request.JobHandle) while it has not expired.
var ErrPaused = errors.New("upload paused")

// Upload sends req.Items and reports what happens through onEvent (which may be nil; it
// is called from one goroutine at a time, never concurrently, and every event has been
// delivered when Upload returns). The error is non-nil only when the upload as a whole
// failed: invalid settings (no request made, Result nil), a login or rights refusal, a
// server that could not be reached at all, or cancellation (errors.Is ErrCancelled).
// Files that failed on their own are in the Result.
func (c *Client) Upload(ctx context.Context, req Request, onEvent func(Event)) (*Result, error) {
	refused, err := c.validate(&req)
	if err != nil {
		return nil, err
	}
	// The connection's own proxy, CA file and stall timeout, for this upload only.
	if c, err = c.forConn(req.Conn.Network); err != nil {
		return nil, err
	}
	r := newRun(c, &req, onEvent)
	for i, why := range refused {
		if why != nil {
			// Refused before anything is sent; the other files go.
			r.fail(i, why)
		}
	}
	switch req.Endpoint.Service {
	case Scene7:
		err = r.scene7(ctx)
	case DrSum:
		err = r.drsum(ctx)
	}
	if r.lim != nil {
		r.res.Concurrency = r.lim.limits()
	}
	r.finish(ctx, err)
	return r.res, err
}

// validate checks everything that can be checked before the first request, cleans req
// (names.go) and fills in defaults. refused has, per item, the error that refuses that
// file alone, nil for the files that go.
func (c *Client) validate(req *Request) (refused []error, err error) {
	var problems []SettingsProblem
	var causes []error
	if folder, err := CleanFolder(req.Endpoint.Service, req.DestFolder); err != nil {
		problems, causes = append(problems, BadFolder), append(causes, err)
	} else {
		req.DestFolder = folder
	}
	req.Items, refused = cleanItems(req.Items)
	switch req.Endpoint.Service {
	case Scene7:
		if err := CheckURL(req.Endpoint.UploadURL, false); err != nil {
			return nil, fmt.Errorf("upload URL: %w", err)
		}
		if strings.TrimSpace(req.Company) == "" {
			problems = append(problems, NeedCompany)
		}
		if err := req.Options.Validate(); err != nil {
			return nil, fmt.Errorf("upload options: %w", err)
		}
		if req.JobName == "" {
			req.JobName = NewJobName(time.Now())
		}
	case DrSum:
		if err := CheckURL(req.Endpoint.UploadURL, req.Endpoint.AllowInsecureHTTP); err != nil {
			return nil, fmt.Errorf("upload URL: %w", err)
		}
		if req.DestFolder == "" && causes == nil {
			problems = append(problems, NeedDrSumFolder)
		}
	default:
		return nil, &ChoiceError{Of: ChoiceService, Value: string(req.Endpoint.Service)}
	}
	if req.Credentials.User == "" || req.Credentials.Password == "" {
		problems = append(problems, NeedCredentials)
	}
	if len(req.Items) == 0 {
		problems = append(problems, NeedFiles)
	}
	for _, it := range req.Items {
		if it.Path == "" || it.Rel == "" || it.Size < 0 {
			problems = append(problems, NeedWalkedItems)
			break
		}
	}
	if c.HTTP == nil {
		problems = append(problems, NeedHTTPClient)
	}
	if len(problems) > 0 {
		return nil, &SettingsError{Problems: problems, Causes: causes}
	}
	if req.Locale == "" {
		req.Locale = "en-US"
	}
	return refused, nil
}

// SettingsProblem is one thing to fix before an upload or a watch can start; package
// words says it to people.
type SettingsProblem int

const (
	NeedCompany     SettingsProblem = iota + 1 // no company handle (Scene7)
	NeedDrSumFolder                            // no destination folder (Dr.Sum needs one)
	NeedCredentials                            // no user name or no password
	NeedFiles                                  // no file to upload
	NeedWalkedItems                            // items not as Walk returns them (a caller's bug)
	NeedHTTPClient                             // a Client without an HTTP client (a caller's bug)
	NeedJobHandle                              // Follow without a job handle
	BadFolder                                  // the destination folder is refused; its *NameError is in Causes
)

var settingsProblemNames = [...]string{NeedCompany: "no company handle", NeedDrSumFolder: "no destination folder",
	NeedCredentials: "no user name or password", NeedFiles: "no files", NeedWalkedItems: "items not from Walk",
	NeedHTTPClient: "no HTTP client", NeedJobHandle: "no job handle", BadFolder: "bad destination folder"}

func (p SettingsProblem) String() string {
	if p > 0 && int(p) < len(settingsProblemNames) {
		return settingsProblemNames[p]
	}
	return "SettingsProblem(?)"
}

// SettingsError lists what must be fixed before an upload can start.
type SettingsError struct {
	Problems []SettingsProblem
	// Causes are the typed errors behind some Problems (the destination folder's
	// *NameError for BadFolder), for errors.As.
	Causes []error
}

func (e *SettingsError) Error() string {
	names := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		names[i] = p.String()
	}
	return "cannot upload: " + strings.Join(names, "; ")
}

// Unwrap gives errors.As the typed causes.
func (e *SettingsError) Unwrap() []error { return e.Causes }

// NewJobName returns a unique job name such as "hoist-20261122-211530-4f9a2c": sortable,
// readable in the server's job list, unique without asking the server.
func NewJobName(t time.Time) string {
	var b [3]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return "hoist-" + t.Format("20060102-150405") + "-" + hex.EncodeToString(b[:])
}

// continuedName names the n-th job of an upload (n ≥ 2): "name-2", "name-3"…
func continuedName(base string, n int) string {
	if n < 2 {
		return base
	}
	return fmt.Sprintf("%s-%d", base, n)
}

// needsFileName reports whether a name cannot travel safely in Content-Disposition:
// anything beyond printable ASCII, and the quote and backslash that parsers disagree on.
func needsFileName(name string) bool {
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return true
		}
	}
	return false
}

// destFor is the folder a file goes to: the request's folder joined with the file's
// relative folder, slash-separated, without a trailing slash.
func destFor(base, rel string) string {
	base = strings.TrimRight(base, "/")
	dir := path.Dir(rel)
	switch {
	case dir == ".":
		return base
	case base == "":
		return dir
	}
	return base + "/" + dir
}
