package sandbox

import (
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Job states as Jobs reports them. The SOAP API shows a Running job as "Running".
const (
	JobRunning = "Running"
	JobDone    = "Done"
	JobExpired = "Expired"
)

// jobLogRetention is how long ended jobs stay visible to getJobLogDetails and Jobs.
const jobLogRetention = time.Hour

// Job is an upload job as the sandbox saw it.
type Job struct {
	Handle, Name, Company string
	State                 string   // JobRunning, JobProcessing, JobDone or JobExpired
	Files                 []string // asset paths stored, in order
	User                  string   // authHeader user of the first POST
	Start, End            time.Time
	Log                   []LogEntry
}

// LogEntry is one line of a job's log, as getJobLogDetails reports it.
type LogEntry struct {
	Time    time.Time
	Type    string // BeginUpload, FileBegin, DuplicateSkipped, UploadSuccess, FileUpdated, UploadWarning, UploadError, EndUpload
	Message string
	Asset   string // asset path, "" for job-level entries
	AssetID string // the asset ID of Asset (docs/protocol.md §Asset names)
}

// job is the live record of an upload job; guarded by Server.mu.
type job struct {
	handle, name, company, user, ip string
	locale, description             string
	options                         *node // the UploadPostJob of the first POST
	overwrite                       bool
	state                           string
	start, last, end                time.Time
	inFlight                        int // POSTs being received; an upload in progress is not idle
	files                           []string
	totalSize                       int64
	log                             []LogEntry
	success, errors, duplicates     int
	warnings, updates, total        int
	// pending are the stored files awaiting their processing line; processUntil is when
	// a closed job's processing ends, endState and endWhy how it then ends.
	pending          []pendingFile
	processUntil     time.Time
	endState, endWhy string
}

func (j *job) addLog(t time.Time, typ, asset, format string, args ...any) {
	j.log = append(j.log, LogEntry{Time: t, Type: typ, Message: fmt.Sprintf(format, args...), Asset: asset, AssetID: assetIDOf(path.Base(asset))})
}

// expireIdleLocked expires the running jobs that have received no POST for the idle
// timeout, ends the processing that is due, then forgets ended jobs older than the
// retention. Caller holds s.mu.
func (s *Server) expireIdleLocked(now time.Time) {
	for _, j := range s.jobs {
		if j.state == JobRunning && j.inFlight == 0 && now.Sub(j.last) >= s.idle {
			s.closeLocked(j, j.last.Add(s.idle), JobExpired, fmt.Sprintf("expired after %s without a POST", s.idle))
		}
	}
	s.finishDueLocked(now)
	for h, j := range s.jobs {
		if !j.active() && now.Sub(j.end) > jobLogRetention {
			delete(s.jobs, h)
		}
	}
}

// ExpireJobs makes every running upload job expire now, as after 30 idle minutes:
// later POSTs to them get the "not active" fault.
func (s *Server) ExpireJobs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for _, j := range s.jobs {
		if j.state == JobRunning {
			s.closeLocked(j, now, JobExpired, "expired (forced by the sandbox)")
		}
	}
}

// Jobs lists the jobs of the last hour and the active ones, oldest first.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireIdleLocked(time.Now())
	out := make([]Job, 0, len(s.jobs))
	for _, j := range s.sortedJobsLocked() {
		out = append(out, Job{
			Handle: j.handle, Name: j.name, Company: j.company, State: j.state,
			Files: append([]string(nil), j.files...), User: j.user,
			Start: j.start, End: j.end, Log: append([]LogEntry(nil), j.log...),
		})
	}
	return out
}

// sortedJobsLocked returns the jobs by start time. Caller holds s.mu.
func (s *Server) sortedJobsLocked() []*job {
	js := make([]*job, 0, len(s.jobs))
	for _, j := range s.jobs {
		js = append(js, j)
	}
	sort.Slice(js, func(a, b int) bool {
		if !js[a].start.Equal(js[b].start) {
			return js[a].start.Before(js[b].start)
		}
		return js[a].handle < js[b].handle
	})
	return js
}

// activeByNameLocked finds a running job of a company by name. Caller holds s.mu.
func (s *Server) activeByNameLocked(company, name string) *job {
	for _, j := range s.jobs {
		if j.state == JobRunning && j.company == company && j.name == name {
			return j
		}
	}
	return nil
}

// newJobLocked creates a running job. Its handle follows the shape of the real ones,
// j|<company id>||<job name>|<number>. Caller holds s.mu.
func (s *Server) newJobLocked(now time.Time, p *postParams, user, ip string) *job {
	s.jobSeq++
	j := &job{
		handle:  fmt.Sprintf("j|%s||%s|%d", strings.TrimPrefix(p.company, "c|"), p.jobName, s.jobSeq),
		name:    p.jobName,
		company: p.company, user: user, ip: ip,
		locale: p.locale, description: p.description,
		options: p.options, overwrite: xsdTrue(p.options.text("overwrite")),
		state: JobRunning, start: now, last: now,
	}
	j.addLog(now, "BeginUpload", "", "Upload job %s started by %s", j.name, user)
	s.jobs[j.handle] = j
	return j
}

// pinJob finds the active job a jobHandle POST continues and marks it busy so that it
// does not expire while the POST streams in.
//
// The fault for an unknown, ended or expired job is not documented. The sandbox answers
// ipsApiFault 30001 (invalid parameter: the jobHandle no longer names an active job),
// which a client must not take as "the job is gone" without asking getActiveJobs
// (docs/protocol.md §Fault classification).
func (s *Server) pinJob(handle, company, ip string) (*job, *ipsFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireIdleLocked(time.Now())
	j := s.jobs[handle]
	if j == nil || j.state != JobRunning || j.company != company {
		return nil, apiFault(codeInvalidParameter, "Upload job %s is not active (unknown, ended or expired)", handle)
	}
	if j.ip != ip {
		return nil, apiFault(codeException,
			"Upload job %s was started from IP address %s; every POST of an upload job must come from the same IP address, not %s",
			handle, j.ip, ip)
	}
	j.inFlight++
	j.last = time.Now()
	return j, nil
}

// unpinJob ends what pinJob started.
func (s *Server) unpinJob(j *job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j.inFlight--
	j.last = time.Now()
}

// assetPath prefixes destFolder to a file name, as the servlet's guide says, literally:
// whether Scene7 puts a "/" between them is not documented, so a destFolder that does not
// end in "/" runs into the name ("camp" + "a.jpg" is "campa.jpg"), the least forgiving
// reading (docs/protocol.md §uploadPostParam). It refuses what would escape the company
// folder or that no file system can hold.
func assetPath(destFolder, name string) (string, *ipsFault) {
	if name == "" || strings.HasSuffix(name, "/") {
		return "", apiFault(codeInvalidParameter, "Invalid file name %q: the name is empty", name)
	}
	p := destFolder + name
	bad := func(why string) (string, *ipsFault) {
		return "", apiFault(codeInvalidParameter, "Invalid asset path %q: %s", p, why)
	}
	switch {
	case strings.HasPrefix(p, "/"):
		return bad("absolute paths are not allowed")
	case strings.ContainsRune(p, 0):
		return bad("NUL character")
	case strings.Contains(path.Dir(p), `\`):
		// In the file name a backslash is one of the characters Scene7 removes
		// (names.go); in a folder it would be a Windows path separator.
		return bad("backslashes are not allowed in folder names (use / between folders)")
	}
	var segs []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "":
			continue // duplicate slashes collapse, as in Adobe's own example path
		case ".", "..":
			return bad("relative path segments (. or ..) are not allowed")
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f {
				return bad("control characters are not allowed")
			}
		}
		segs = append(segs, seg)
	}
	return strings.Join(segs, "/"), nil
}

// companyDir is the folder of a company under Dir/scene7.
func companyDir(company string) string { return strings.ReplaceAll(company, "|", "_") }

// Scene7File is where an accepted asset of a company lands on disk. assetPath is
// destFolder + name, slash-separated, as the client sent it: the file name loses
// the characters Scene7 removes from names (names.go).
func (s *Server) Scene7File(company, assetPath string) string {
	assetPath, _ = sceneAsset(assetPath)
	var segs []string
	for _, seg := range strings.Split(assetPath, "/") {
		if seg != "" {
			segs = append(segs, diskName(seg))
		}
	}
	return filepath.Join(append([]string{s.scene7Dir, companyDir(company)}, segs...)...)
}

// diskName maps one path segment to a file name the local file system accepts. Names
// are kept as sent except on Windows, whose reserved characters are percent-encoded
// (with % itself, so the mapping stays reversible).
func diskName(seg string) string {
	if runtime.GOOS != "windows" {
		return seg
	}
	var sb strings.Builder
	for _, r := range seg {
		if strings.ContainsRune(`<>:"|?*%`, r) || r < 0x20 {
			fmt.Fprintf(&sb, "%%%02X", r)
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
