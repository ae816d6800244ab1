package uploader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"sync"
	"time"
)

// Scene7 job orchestration: one job per upload (jobName, then jobHandle, then endJob),
// continued in a new job when the server stops accepting the old one.

// s7job is the state of the Scene7 job(s) of one upload, shared by concurrent POSTs.
type s7job struct {
	r    *run
	auth []byte // the auth part; holds the password, so it is never logged

	mu       sync.Mutex
	cond     *sync.Cond
	handle   string // "" until the first POST succeeds
	gen      int    // counts jobs created
	renewing bool   // a POST is opening a (new) job: others wait for its handle
	ended    bool   // the current job accepted an endJob POST
	lastPost time.Time
	inflight int
	// abandoned are handles left after a fault: the job may still be alive (the fault
	// may have been about the files), so it is ended at the end of the upload.
	abandoned []string
}

// idle reports whether the current handle has gone unused for so long that the server has
// probably dropped it; then it is not even tried.
func (j *s7job) idleLocked() bool {
	limit := j.r.c.JobIdleTimeout * 9 / 10
	return j.handle != "" && limit > 0 && j.inflight == 0 && time.Since(j.lastPost) > limit
}

// acquire returns the handle a POST should carry and its generation, waiting while another
// POST opens a job. opening means the caller must open a job (no handle yet, stale is the
// current generation, or the handle idled out) and then call opened. A POST without files
// (an endJob) never opens one.
func (j *s7job) acquire(stale int, withFiles bool) (handle string, gen int, opening bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for j.renewing {
		j.cond.Wait()
	}
	idle := withFiles && j.idleLocked()
	if j.handle == "" || (withFiles && stale == j.gen) || idle {
		j.renewing = true
		if j.handle != "" {
			j.r.mu.Lock()
			old, next := j.r.jobName, continuedName(j.r.req.JobName, len(j.r.res.Jobs)+1)
			j.r.mu.Unlock()
			why := "stopped accepting files (it may have expired)"
			if idle {
				why = "was idle for too long and has expired"
			}
			j.r.jobEvent(JobContinued, nil, fmt.Sprintf("The job %s %s; the upload goes on in a new job, %s.", old, why, next))
		}
		return "", j.gen, true
	}
	return j.handle, j.gen, false
}

// opened ends an opening POST: with the new job's name and handle when it succeeded,
// empty when it failed.
func (j *s7job) opened(name, handle string) {
	j.mu.Lock()
	if handle != "" {
		j.handle, j.ended = handle, false
		j.gen++
		j.r.mu.Lock()
		j.r.res.Jobs = append(j.r.res.Jobs, JobRef{Name: name, Handle: handle})
		j.r.mu.Unlock()
		j.r.setJob(name, handle)
	}
	j.renewing = false
	j.cond.Broadcast()
	j.mu.Unlock()
	if handle != "" {
		j.r.jobEvent(JobCreated, nil, fmt.Sprintf("The server created job %s.", name))
	}
}

// nextName is the name of the job about to be opened.
func (j *s7job) nextName() string {
	j.r.mu.Lock()
	defer j.r.mu.Unlock()
	return continuedName(j.r.req.JobName, len(j.r.res.Jobs)+1)
}

// track counts POSTs in flight (delta +1, -1); the end of one is activity on the job.
func (j *s7job) track(delta int) {
	j.mu.Lock()
	j.inflight += delta
	j.lastPost = time.Now()
	j.mu.Unlock()
}

// markEnded records that the job of handle accepted endJob.
func (j *s7job) markEnded(handle string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.ended = j.ended || handle == j.handle
	j.r.mu.Lock()
	defer j.r.mu.Unlock()
	for k := range j.r.res.Jobs {
		if j.r.res.Jobs[k].Handle == handle {
			j.r.res.Jobs[k].Ended = true
		}
	}
}

// xmlPart is the Content-Type of the auth and uploadParams parts (their declaration says
// UTF-8 too; Adobe's example says US-ASCII, which is only safe for ASCII).
const xmlPart = "text/xml; charset=UTF-8"

// scene7 runs the upload as one Scene7 job: the first POST alone (it brings the handle),
// the others concurrently, then an endJob POST without files. The end carries no files
// because an endJob whose answer is lost cannot be retried with them: the retry would
// meet a job that its first try has already ended.
func (r *run) scene7(ctx context.Context) error {
	h := NewAuthHeader(r.req.Credentials)
	h.Locale = r.req.Locale
	// appName and appVersion are required by the schema: a Client whose fields were
	// emptied keeps NewAuthHeader's values rather than sending an invalid header.
	if r.c.AppName != "" {
		h.AppName = r.c.AppName
	}
	if r.c.AppVersion != "" {
		h.AppVersion = r.c.AppVersion
	}
	auth, err := h.Document()
	if err != nil {
		return err
	}
	j := &s7job{r: r, auth: auth}
	j.cond = sync.NewCond(&j.mu)
	if r.req.JobHandle != "" {
		j.resume(r.req.JobName, r.req.JobHandle, r.req.JobLastPost)
	}
	bs := orderBatches(planBatches(r.req.Items, r.req.DestFolder, max(r.c.BatchFiles, 1), max(r.c.BatchBytes, 1)))
	for len(bs) > 0 && err == nil && !j.exists() {
		err = j.runBatch(ctx, bs[0], false)
		bs = bs[1:]
	}
	if err == nil && len(bs) > 0 {
		err = pool(ctx, r.c.Concurrency, bs, func(ctx context.Context, b *batch) error {
			return j.runBatch(ctx, b, false)
		})
	}
	if ctx.Err() != nil {
		err = fmt.Errorf("%w: %w", ErrCancelled, ctx.Err())
	}
	r.resolveRest(ctx, err)
	j.ensureEnded(ctx, err)
	return err
}

// resume takes over a job an earlier upload left open. Its idle time and the server's
// answers decide whether it is still used (acquire), as for a job this upload opened.
func (j *s7job) resume(name, handle string, lastPost time.Time) {
	if lastPost.IsZero() {
		lastPost = time.Now()
	}
	j.handle, j.lastPost = handle, lastPost
	j.r.mu.Lock()
	j.r.res.Jobs = append(j.r.res.Jobs, JobRef{Name: name, Handle: handle})
	j.r.mu.Unlock()
	j.r.setJob(name, handle)
	j.r.jobEvent(JobContinued, nil, fmt.Sprintf("The upload continues job %s, which an earlier upload left open.", name))
}

func (j *s7job) exists() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.handle != ""
}

// runBatch posts a batch until each of its files has an outcome. It returns an error only
// when the whole upload must stop: ctx ended, or a fault no other file would escape.
func (j *s7job) runBatch(ctx context.Context, b *batch, end bool) error {
	var live []int
	for _, i := range b.items {
		if j.r.isResolved(i) {
			continue // refused before sending (names.go)
		}
		if err := checkFile(j.ref(i)); err != nil {
			j.r.fail(i, err)
			continue
		}
		live = append(live, i)
	}
	stale := -1
	for len(live) > 0 || end {
		if len(live) == 0 && !j.exists() {
			return nil // nothing to send and no job to end
		}
		handle, gen, opening := j.acquire(stale, len(live) > 0)
		param := UploadPostParam{CompanyHandle: j.r.req.Company, Locale: j.r.req.Locale, Description: j.r.req.Description, DestFolder: b.dest, EndJob: end}
		if opening {
			param.JobName, param.UploadParams = j.nextName(), &j.r.req.Options
		} else {
			param.JobHandle = handle
		}
		if b.named && len(live) == 1 {
			param.FileName = path.Base(j.r.req.Items[live[0]].Rel)
		}
		got, err := j.post(ctx, live, param)
		if opening {
			j.opened(param.JobName, got)
			handle = got
		}
		var fe *FileError
		var f *Fault
		errors.As(err, &f) // f stays nil unless err is a fault
		switch {
		case err == nil:
			if end {
				j.markEnded(handle)
			}
			for _, i := range live {
				j.r.done(i, handle, false)
			}
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.As(err, &fe):
			// One file is not what was walked: it fails, the others go again at once.
			live = j.drop(live, fe)
		case f != nil && f.Auth():
			return err
		case f != nil && f.Kind == IpsApiFault && !opening && !b.continued:
			// The job no longer takes files (expired or ended): go on in a new job, once.
			b.continued, stale = true, gen
			j.abandon(handle)
		case (f != nil || mayBeOneFile(err)) && len(live) > 1:
			// The refusal may be one file's: try them one by one to find out which.
			for _, i := range live {
				one := &batch{dest: b.dest, items: []int{i}, bytes: j.r.req.Items[i].Size, named: b.named, continued: b.continued}
				if err := j.runBatch(ctx, one, false); err != nil {
					return err
				}
			}
			return nil
		case f == nil && opening && !j.exists():
			// No job could even be created, and not for a file's sake: the server is out
			// of reach or is not an UploadFile servlet, for every file alike.
			return fmt.Errorf("could not start the upload job: %w", err)
		default:
			for _, i := range live {
				j.r.fail(i, err)
			}
			return nil
		}
	}
	return nil
}

// mayBeOneFile reports answers that a single file can cause: a request too large, or one
// a front end refused as malformed (a name it could not read).
func mayBeOneFile(err error) bool {
	var re *ReplyError
	return errors.As(err, &re) && (re.Status == http.StatusRequestEntityTooLarge || re.Status == http.StatusBadRequest)
}

// drop fails the file of fe and returns the others.
func (j *s7job) drop(live []int, fe *FileError) []int {
	out := live[:0:0]
	for _, i := range live {
		if j.r.req.Items[i].Rel == fe.Rel {
			j.r.fail(i, fe)
			continue
		}
		out = append(out, i)
	}
	if len(out) == len(live) {
		// Not one of ours (cannot happen): fail them all rather than loop.
		for _, i := range live {
			j.r.fail(i, fe)
		}
		return nil
	}
	return out
}

func (j *s7job) ref(i int) *fileRef {
	it := j.r.req.Items[i]
	return &fileRef{path: it.Path, rel: it.Rel, size: it.Size, item: i}
}

// post sends one UploadFile POST, retried while it fails for passing reasons, and returns
// the job handle of the answer. A failed try may still have taken effect (the server
// handled it, the answer was lost): a job-opening POST then looks for the job its earlier
// try created before trying again, and an endJob that finds its job ended counts as done.
func (j *s7job) post(ctx context.Context, live []int, param UploadPostParam) (string, error) {
	body, err := j.body(live, param)
	if err != nil {
		return "", err
	}
	var handle string
	ambiguous := false
	err = j.r.c.Retry.do(ctx, func(attempt int) error {
		if ambiguous && param.JobName != "" {
			if h := j.findJob(ctx, param.JobName); h != "" {
				param.JobName, param.UploadParams, param.JobHandle = "", nil, h
				if body, err = j.body(live, param); err != nil {
					return err
				}
			}
		}
		for _, i := range live {
			j.r.sending(i, attempt)
		}
		j.track(+1)
		ex, err := j.r.send(ctx, j.r.req.Endpoint.UploadURL, body, nil)
		j.track(-1)
		if err == nil {
			handle, err = ParseUploadReply(ex.status, bytes.NewReader(ex.reply))
		}
		ambiguous = ambiguous || transient(err)
		return err
	}, func(err error, _ int) bool { return transient(err) }, func(attempt int, err error) {
		for _, i := range live {
			j.r.retrying(i, attempt, err)
		}
	})
	var f *Fault
	if ambiguous && param.EndJob && len(live) == 0 && errors.As(err, &f) && f.Kind == IpsApiFault {
		return param.JobHandle, nil
	}
	return handle, err
}

// body builds the multipart body of a POST.
func (j *s7job) body(live []int, param UploadPostParam) (*multipartBody, error) {
	doc, err := param.Document()
	if err != nil {
		return nil, err
	}
	parts := []formPart{
		{name: "auth", contentType: xmlPart, value: j.auth},
		{name: "uploadParams", contentType: xmlPart, value: doc},
	}
	for k, i := range live {
		parts = append(parts, formPart{name: fmt.Sprintf("file%d", k+1), filename: path.Base(j.r.req.Items[i].Rel), contentType: "application/octet-stream", file: j.ref(i)})
	}
	return newMultipartBody(parts), nil
}

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

// abandon records a handle given up after a fault, once.
func (j *s7job) abandon(handle string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if handle == j.handle && !slices.Contains(j.abandoned, handle) {
		j.abandoned = append(j.abandoned, handle)
	}
}

// ensureEnded sends endJob without files to every job that exists and has not been ended,
// with a short context of its own if ctx is already over. A job refused for the login
// cannot be ended; one idle past expiry is already gone.
func (j *s7job) ensureEnded(ctx context.Context, jobErr error) {
	var f *Fault
	if errors.As(jobErr, &f) && f.Auth() {
		return
	}
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), endTimeout)
		defer cancel()
	}
	j.mu.Lock()
	skip := j.handle == "" || j.ended || j.idleLocked()
	var old []string
	for _, h := range j.abandoned {
		if h != j.handle {
			old = append(old, h)
		}
	}
	j.mu.Unlock()
	if !skip {
		// continued: an endJob that meets an expired job must not open a new one.
		if err := j.runBatch(ctx, &batch{continued: true}, true); err != nil || !j.isEnded() {
			j.r.note("The job could not be ended; the server closes it after 30 idle minutes.")
		}
	}
	for _, h := range old {
		// Most often already expired (then this fails quietly); but if the fault was about
		// the files, the job is alive and ending it lets the server finish it now.
		if _, err := j.post(ctx, nil, UploadPostParam{CompanyHandle: j.r.req.Company, Locale: j.r.req.Locale, JobHandle: h, EndJob: true}); err == nil {
			j.markEnded(h)
		}
	}
}

func (j *s7job) isEnded() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ended
}
