package sandbox

import (
	"fmt"
	"strings"
	"time"
)

// maxRequests bounds the request record: a sandbox left running for days keeps the
// most recent ones.
const maxRequests = 1000

// Request is what the sandbox received and answered. It never holds a password.
type Request struct {
	Time                     time.Time
	Method, Path, RemoteAddr string
	User                     string // authHeader user / Basic user (never the password)
	Operation                string // SOAP operation, "" elsewhere
	JobName, JobHandle       string // JobHandle also set when a jobName POST created the job
	EndJob                   bool
	DestDir                  string // Dr.Sum dest_dir
	Files                    []ReceivedFile
	Status                   int    // HTTP status answered; 0 when the connection was dropped
	Fault                    string // e.g. "authenticationFault 10001", "NO_REQUIRED_PARAMETER"; "" when accepted
}

// ReceivedFile is one file part of a request.
type ReceivedFile struct {
	Field    string // form field name
	FileName string // filename as the server decoded it (ISO-8859-1 for Scene7, UTF-8 for Dr.Sum)
	Asset    string // Scene7 asset path it was stored under (before the job's duplicate rule)
	Size     int64
}

// Requests returns the recorded requests, oldest first (the last 1000).
func (s *Server) Requests() []Request {
	s.recMu.Lock()
	defer s.recMu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		r.Files = append([]ReceivedFile(nil), r.Files...)
		out[i] = r
	}
	return out
}

func (s *Server) record(rec *Request) {
	s.recMu.Lock()
	if len(s.requests) == maxRequests {
		copy(s.requests, s.requests[1:])
		s.requests = s.requests[:maxRequests-1]
	}
	s.requests = append(s.requests, *rec)
	s.recMu.Unlock()
	if s.logf == nil {
		return
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s from %s", rec.Method, rec.Path, rec.RemoteAddr)
	for _, kv := range [][2]string{{"user", rec.User}, {"op", rec.Operation}, {"job", rec.JobName}, {"handle", rec.JobHandle}, {"dest_dir", rec.DestDir}} {
		if kv[1] != "" {
			fmt.Fprintf(&sb, " %s=%q", kv[0], kv[1])
		}
	}
	if rec.EndJob {
		sb.WriteString(" endJob")
	}
	if len(rec.Files) > 0 {
		fmt.Fprintf(&sb, " files=%d", len(rec.Files))
	}
	fmt.Fprintf(&sb, " -> %d", rec.Status)
	if rec.Fault != "" {
		fmt.Fprintf(&sb, " (%s)", rec.Fault)
	}
	s.logf("%s", sb.String())
}
