package uploader

import (
	"context"
	"errors"
)

// The end of an upload's Scene7 jobs: endJob to the job still open and to those given up
// without knowing whether they live, and the look-up of a job whose opening answer was lost.

// findJob asks the IPS API for the handle of the running job called name, "" when there
// is none or the API cannot tell.
func (j *s7job) findJob(ctx context.Context, name string) string {
	if j.r.req.Endpoint.APIURL == "" {
		return ""
	}
	if t := j.r.c.ResponseTimeout; t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	api := &API{HTTP: j.r.c.HTTP, Conn: j.r.req.Conn}
	jobs, _, err := api.ActiveJobs(ctx, "")
	if err != nil {
		return ""
	}
	for _, a := range jobs {
		if a.Name == name || a.OriginalName == name {
			return a.JobHandle
		}
	}
	return ""
}

// ensureEnded sends endJob without files to the current job if it is open, and to every job
// abandoned without knowing whether it lives, with a short context of its own if ctx is
// already over. A job refused for the login cannot be ended; one too idle has expired.
func (j *s7job) ensureEnded(ctx context.Context, jobErr error) {
	var f *Fault
	if errors.As(jobErr, &f) && f.Auth() || errors.Is(context.Cause(ctx), ErrPaused) {
		return // paused: the job stays open for the rest of the files
	}
	if ctx.Err() != nil || errors.As(jobErr, new(*ConnError)) {
		// Cancelled, or the server is out of reach: one short attempt, so that ending
		// never hangs and a silent server's upload still fails within minutes.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), endTimeout)
		defer cancel()
	}
	if handle, ok := j.state.endable(); ok {
		if !j.end(ctx, handle) {
			j.r.jobNotEnded()
		}
	}
	for _, h := range j.state.leftOpen() {
		// Most often already expired (then this fails quietly); but if the fault was about
		// the files, the job is alive and ending it lets the server finish it now.
		j.end(ctx, h)
	}
}

// end sends endJob to the job of handle and reports whether the job is settled: it
// accepted endJob, or the server answered that the job takes no more POSTs (it expired
// between the last file and the end: nothing is left open, so the upload does not say the
// job could not be ended — Result.Jobs still says it was not ended by Hoist).
func (j *s7job) end(ctx context.Context, handle string) bool {
	_, err := j.post(ctx, nil, UploadPostParam{CompanyHandle: j.r.req.Company, Locale: j.r.req.Locale, JobHandle: handle, EndJob: true})
	if err == nil {
		j.markEnded(handle)
		return true
	}
	var f *Fault
	return errors.As(err, &f) && namesJob(f, handle)
}
