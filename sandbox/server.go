// Package sandbox is Hoist's Local sandbox: an HTTP server on the loopback interface that
// speaks the Scene7 UploadFile servlet, the IPS SOAP calls Hoist uses (checkLogin,
// getActiveJobs, getJobLogDetails) and the Dr.Sum Cloud Hub file upload Web API.
//
// It serves demos and credential rehearsal without an Adobe account, and it is the test
// oracle of the upload engine: it is strict about the protocols, answers a malformed
// request with the fault the real server would give, records what it received, and can
// inject network faults. It is written independently of package uploader so that tests
// between the two catch wire-format mistakes.
package sandbox

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Demo credentials and settings of the sandbox.
const (
	DemoUser      = "demo@hoist.local" // Scene7 demo login
	DemoPassword  = "sandbox"
	DemoCompany   = "c|2101"     // company handle accepted by the sandbox
	DrSumUser     = "apiuser01"  // Dr.Sum demo Web API user (the manual's example, docs/protocol.md §Dr.Sum upload)
	DrSumPassword = "password01" //
	DrSumRoot     = "/filer"     // the sandbox's filer.rootPath: dest_dir must be under it
)

// Request paths.
const (
	Scene7UploadPath = "/scene7/UploadFile"
	Scene7APIPath    = "/scene7/services/IpsApiService"
	DrSumUploadPath  = "/api/v1.0/file/upload"
)

// DemoProcessingTime is how long the sandbox of the window and of `hoist sandbox` takes
// to process a job after endJob: long enough to watch a file go from "Processing" to
// "Ready", short enough not to bore anyone.
const DemoProcessingTime = 3 * time.Second

// DefaultJobIdleTimeout is the real servlet's idle expiry of an upload job.
const DefaultJobIdleTimeout = 30 * time.Minute

// Config configures a sandbox.
type Config struct {
	Dir            string        // required: received files, working folders
	JobIdleTimeout time.Duration // 0 = DefaultJobIdleTimeout
	// ProcessingTime is how long a job stays active after endJob (or its expiry) while
	// its files are processed; 0 = processed at once.
	ProcessingTime time.Duration
	Logf           func(format string, args ...any) // optional request log (never passwords)
}

// Server is the sandbox's http.Handler.
type Server struct {
	idle        time.Duration
	processing  time.Duration
	logf        func(format string, args ...any)
	scene7Dir   string // Dir/scene7/<company>/<asset path>
	incomingDir string // Dir/scene7-incoming: file parts of POSTs in progress
	drsumDir    string // Dir/drsum: filer/ holds the root, work/ the working folder
	drsumWork   string

	mu     sync.Mutex // jobs, assets
	jobs   map[string]*job
	jobSeq int
	assets map[string]map[string]string // company → asset ID → stored path (names.go)

	drsumMu sync.Mutex // a Dr.Sum existence check and its rename

	recMu    sync.Mutex
	requests []Request

	faultMu    sync.Mutex
	faults     Faults
	faultCount int
}

// New creates a sandbox that keeps its files under cfg.Dir.
func New(cfg Config) (*Server, error) {
	if cfg.Dir == "" {
		return nil, errors.New("sandbox: Config.Dir is required")
	}
	s := &Server{
		idle:        cfg.JobIdleTimeout,
		processing:  cfg.ProcessingTime,
		logf:        cfg.Logf,
		scene7Dir:   filepath.Join(cfg.Dir, "scene7"),
		incomingDir: filepath.Join(cfg.Dir, "scene7-incoming"),
		drsumDir:    filepath.Join(cfg.Dir, "drsum"),
		drsumWork:   filepath.Join(cfg.Dir, "drsum", "work"),
		jobs:        map[string]*job{},
		assets:      map[string]map[string]string{},
		// Handles of a new run should not repeat those of an earlier one (a resumed
		// queue may still hold them), so numbering starts from the clock.
		jobSeq: 10000 + int(time.Now().UnixMilli()%80000),
	}
	if s.idle <= 0 {
		s.idle = DefaultJobIdleTimeout
	}
	for _, d := range []string{s.scene7Dir, s.incomingDir, filepath.Join(s.drsumDir, "filer"), s.drsumWork} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("sandbox: %w", err)
		}
	}
	return s, nil
}

// reply is an answer computed by a handler, written once any injected stall is over.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func xmlReply(status int, body string) reply {
	return reply{status, http.Header{"Content-Type": {xmlContentType}}, []byte(body)}
}

// htmlReply is the kind of error page a servlet container or proxy sends.
func htmlReply(status int, title, text string) reply {
	body := fmt.Sprintf("<html><head><title>%d %s</title></head><body><h1>%d %s</h1><p>%s</p></body></html>\n",
		status, title, status, title, text)
	return reply{status, http.Header{"Content-Type": {"text/html;charset=utf-8"}}, []byte(body)}
}

func methodNotAllowed(allow string) reply {
	rp := htmlReply(http.StatusMethodNotAllowed, "Method Not Allowed", "This endpoint accepts "+allow+" only.")
	rp.header.Set("Allow", allow)
	return rp
}

// ServeHTTP routes a request, applies fault injection and records it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Each request is recorded before its answer goes out, so that a client that has
	// its answer also finds it in Requests.
	rec := &Request{Time: time.Now(), Method: r.Method, Path: r.URL.Path, RemoteAddr: r.RemoteAddr}
	inj, stallFor := injectNone, time.Duration(0)
	if r.Method == http.MethodPost && (r.URL.Path == Scene7UploadPath || r.URL.Path == DrSumUploadPath) {
		inj, stallFor = s.nextInjection()
	}
	switch inj {
	case injectNone, injectStall, injectRequestFault:
	case injectExpire:
		s.ExpireJobs()
		rec.Fault = "injected: running jobs expired"
	case injectEarlyAnswer:
		if s.answerEarly(w, r, rec) {
			return
		}
	default:
		s.inject(w, r, rec, inj)
		return
	}
	var rp reply
	switch r.URL.Path {
	case Scene7UploadPath:
		rp = s.handleUpload(r, rec, inj)
	case Scene7APIPath:
		rp = s.handleSOAP(r, rec)
	case DrSumUploadPath:
		rp = s.handleDrSum(r, rec)
	default:
		drain(r.Body)
		rp = htmlReply(http.StatusNotFound, "Not Found", "The sandbox serves "+Scene7UploadPath+", "+Scene7APIPath+" and "+DrSumUploadPath+".")
	}
	if inj == injectStall && !s.stall(r, rec, stallFor) {
		s.record(rec)
		// The client is gone or the sandbox is closing: no answer at all, rather
		// than the empty 200 net/http would send for a handler that wrote nothing.
		panic(http.ErrAbortHandler)
	}
	rec.Status = rp.status
	s.record(rec)
	writeReply(w, rp)
}

// Banner is what `hoist sandbox` prints at start: URLs, demo credentials and folders.
func (r *Running) Banner() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Hoist sandbox listening on %s (loopback only)\n\n", r.URL)
	fmt.Fprintf(&sb, "Scene7 / Dynamic Media Classic\n")
	fmt.Fprintf(&sb, "  UploadFile:  %s\n", r.Scene7UploadURL())
	fmt.Fprintf(&sb, "  IPS API:     %s\n", r.Scene7APIURL())
	fmt.Fprintf(&sb, "  user:        %s\n  password:    %s\n  company:     %s\n", DemoUser, DemoPassword, DemoCompany)
	fmt.Fprintf(&sb, "  files land:  %s\n\n", filepath.Join(r.scene7Dir, companyDir(DemoCompany)))
	fmt.Fprintf(&sb, "Dr.Sum Cloud Hub\n")
	fmt.Fprintf(&sb, "  upload:      %s\n", r.DrSumUploadURL())
	fmt.Fprintf(&sb, "  user:        %s\n  password:    %s\n", DrSumUser, DrSumPassword)
	fmt.Fprintf(&sb, "  filer root:  %s (dest_dir must be under it, e.g. %s/campaign)\n", DrSumRoot, DrSumRoot)
	fmt.Fprintf(&sb, "  files land:  %s\n", filepath.Join(r.drsumDir, "filer"))
	return sb.String()
}
