package uploader

import (
	"fmt"
	"strings"
)

// What a fault on a Scene7 POST means, decided from the fault and from whether its job
// still lives (docs/protocol.md §Fault classification). The undocumented fault for an
// expired job looks like any other ipsApiFault, so a fault alone never means "the job is
// gone": getActiveJobs is asked first (jobState.judge).

// faultScope is what a fault is about.
type faultScope int

const (
	scopeFiles   faultScope = iota // this POST's files: another file may well pass
	scopeRequest                   // the request itself: every POST would get it
)

// scopeOf classifies f for a POST carrying files (their names as sent). 30003 (invalid
// request XML) is always about the request. 30002 (missing parameter) is too, unless its
// reason names one of the files. Any fault that names the job's options (uploadParams,
// UploadPostJob) is about the request: the options are the same for every POST. The rest
// (30000, 30001, unknown faults) may be one file's: the files are tried alone to tell.
func scopeOf(f *Fault, files []string) faultScope {
	reason := f.Reason
	namesFile := false
	for _, name := range files {
		if name != "" && strings.Contains(reason, name) {
			namesFile = true
		}
	}
	switch {
	case f.Code == CodeInvalidRequestXML:
		return scopeRequest
	case namesFile:
		return scopeFiles
	case f.Code == CodeMissingParameter:
		return scopeRequest
	case strings.Contains(reason, "uploadParams") || strings.Contains(reason, "UploadPostJob"):
		return scopeRequest
	}
	return scopeFiles
}

// namesJob reports a fault whose reason quotes the handle of the job the POST was sent to:
// it is about that job, which takes no more files, whatever getActiveJobs says. A job that
// expired can still be listed while Scene7 processes what it received (docs/protocol.md
// §Fault classification); asking would call it alive and send its files one by one.
func namesJob(f *Fault, handle string) bool {
	return handle != "" && strings.Contains(f.Reason, handle)
}

// faultAction is what the upload does after a fault on a POST.
type faultAction int

const (
	actStop    faultAction = iota // stop the whole upload with a RequestRefusedError
	actIsolate                    // send the POST's files one per POST to find the culprit
	actFail                       // those files fail; the job goes on
	actNewJob                     // go on in a new job (the upload's one continuation)
	actJobGone                    // stop the whole upload with a JobGoneError
)

func (a faultAction) String() string {
	return [...]string{"stop", "isolate", "fail", "new job", "job gone"}[a]
}

// decideFault is the whole policy, a pure function so that a table test covers it; the
// job's liveness comes from jobState.judge, which also keeps the upload to one new job:
//
//	job alive, or no job (an opening POST), or assumed alive (the API could not say, and
//	the upload already went on in a new job once): the fault is about this POST.
//	  request-level → stop (every POST would get it); file-level → isolate, or fail
//	  the one file.
//	job gone, or unknown (the API could not say): go on in a new job.
//	job gone after the upload went on in a new job once: stop, posting nothing more.
func decideFault(scope faultScope, live jobLiveness, files int) faultAction {
	switch {
	case live == liveStopped:
		return actJobGone
	case live == liveGone || live == liveUnknown:
		return actNewJob
	case scope == scopeRequest:
		return actStop
	case files > 1:
		return actIsolate
	}
	return actFail
}

// RequestRefusedError stops an upload: the server refused the request itself, not one of
// its files, while the job was alive (or before one existed), so every other POST would get
// the same answer. Its Fault says which (errors.As works on both).
type RequestRefusedError struct {
	Fault *Fault
}

func (e *RequestRefusedError) Error() string {
	return fmt.Sprintf("the server refused the request itself, so the upload stopped after one request: %v", e.Fault)
}

func (e *RequestRefusedError) Unwrap() error { return e.Fault }

// JobGoneError stops an upload: the job it had gone on in, after its first job stopped
// taking files (expired or ended on the server), stopped taking files too. Hoist opens a
// new job once per upload (README "Answers read strictly"), so nothing more is sent: the
// files already uploaded stay, the others are to be uploaded again. Its Fault is the
// answer that told (errors.As works on both).
type JobGoneError struct {
	Job, Handle string // the job that stopped taking files
	Fault       *Fault
}

func (e *JobGoneError) Error() string {
	s := fmt.Sprintf("upload job %s (%s) stopped taking files after the upload had already gone on in a new job once", e.Job, e.Handle)
	if e.Fault != nil {
		s += ": " + e.Fault.Error()
	}
	return s
}

func (e *JobGoneError) Unwrap() error {
	if e.Fault == nil {
		return nil // a nil *Fault in an error would not be a nil error
	}
	return e.Fault
}
