package uploader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"sync/atomic"
	"time"
)

// Scene7 job orchestration: one job per upload (jobName, then jobHandle, then endJob),
// continued in a new job when the server stops accepting the old one.

// s7job runs the Scene7 job(s) of one upload: its state machine (jobState) decides which
// job a POST goes to, and this file what the POSTs say and what their answers mean.
type s7job struct {
	r     *run
	auth  []byte // the auth part; holds the password, so it is never logged
	state *jobState
	// goneFault is the fault that told the job stopped taking files for good (JobGoneError),
	// for the batches that then stop without having sent anything.
	goneFault atomic.Pointer[Fault]
}

// opened records the end of an opening POST: the new job joins the Result and the events.
func (j *s7job) opened(t ticket, name, handle string) {
	j.state.opened(t, handle)
	if handle == "" {
		return
	}
	j.r.mu.Lock()
	j.r.res.Jobs = append(j.r.res.Jobs, JobRef{Name: name, Handle: handle})
	j.r.mu.Unlock()
	j.r.setJob(name, handle)
	j.r.jobEvent(Event{Kind: JobCreated})
}

// continuing tells that the upload goes on in a new job, and why.
func (j *s7job) continuing(t ticket, next string) {
	j.r.mu.Lock()
	old := j.r.jobName
	j.r.mu.Unlock()
	why := ContinueUnknown
	switch t.why {
	case goneInactive:
		why = ContinueInactive
	case goneIdle:
		why = ContinueIdle
	}
	j.r.jobEvent(Event{Kind: JobContinued, JobName: old, Why: why, NextJob: next})
}

// nextName is the name of the job about to be opened.
func (j *s7job) nextName() string {
	j.r.mu.Lock()
	defer j.r.mu.Unlock()
	return continuedName(j.r.req.JobName, len(j.r.res.Jobs)+1)
}

// markEnded records that the job of handle accepted endJob.
func (j *s7job) markEnded(handle string) {
	j.state.markEnded(handle)
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
	j := &s7job{r: r, auth: auth, state: newJobState(r.c.JobIdleTimeout)}
	if r.req.JobHandle != "" {
		j.resume(r.req.JobName, r.req.JobHandle, r.req.JobLastPost)
	}
	bs := orderBatches(planBatches(r.req.Items, r.req.DestFolder, max(r.c.BatchFiles, 1), max(r.c.BatchBytes, 1)))
	for len(bs) > 0 && err == nil && !j.exists() {
		var open *batch
		open, bs = openingPost(bs, r.req.Items)
		err = j.runBatch(ctx, open)
	}
	if err == nil && len(bs) > 0 {
		lim := r.limiter()
		bs = shrinkTail(bs, r.req.Items, lim.start())
		err = pool(ctx, lim, bs, func(b *batch) int64 { return b.bytes }, func(ctx context.Context, b *batch) error {
			return j.runBatch(ctx, b)
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
// answers decide whether it is still used, as for a job this upload opened.
func (j *s7job) resume(name, handle string, lastPost time.Time) {
	if lastPost.IsZero() {
		lastPost = time.Now()
	}
	j.state.resume(handle, lastPost)
	j.r.mu.Lock()
	j.r.res.Jobs = append(j.r.res.Jobs, JobRef{Name: name, Handle: handle})
	j.r.mu.Unlock()
	j.r.setJob(name, handle)
	j.r.jobEvent(Event{Kind: JobContinued, Why: ContinueResumed})
}

func (j *s7job) exists() bool { return j.state.exists() }

// runBatch posts a batch until each of its files has an outcome. It returns an error only
// when the whole upload must stop: ctx ended, or a refusal no other file would escape. The
// files of the POST that met that refusal fail with it; the files no POST carried yet are
// left to resolveRest, which reports them as not sent.
func (j *s7job) runBatch(ctx context.Context, b *batch) error {
	var live []int
	for _, i := range b.items {
		if j.r.isResolved(i) {
			continue // refused before sending (names.go)
		}
		live = append(live, i)
	}
	looked := j.r.mustLook()
	if looked {
		live = j.lookAgain(live)
	}
	var last *Fault // the fault of this batch's last POST, nil before it is sent
	for len(live) > 0 {
		t, err := j.state.acquire(ctx)
		if errors.Is(err, errJobStopped) {
			if last == nil {
				return j.goneErr(nil) // never sent: its files are not sent
			}
			return j.stop(live, j.goneErr(last))
		}
		if err != nil {
			return err
		}
		if t.opening && !looked {
			// A POST that opens a job is looked at first even right after the walk: if its
			// body broke off at a vanished file, the server might have made a job whose
			// handle never came back.
			if live, looked = j.lookAgain(live), true; len(live) == 0 {
				j.opened(t, "", "") // nothing opened: the next POST may open the job
				return nil
			}
		}
		param := UploadPostParam{CompanyHandle: j.r.req.Company, Locale: j.r.req.Locale, Description: j.r.req.Description, DestFolder: b.dest}
		if t.opening {
			param.JobName, param.UploadParams = j.nextName(), &j.r.req.Options
			if t.replaces != "" {
				j.continuing(t, param.JobName)
			}
		} else {
			param.JobHandle = t.handle
		}
		if b.named && len(live) == 1 {
			param.FileName = path.Base(j.r.req.Items[live[0]].Rel)
		}
		got, err := j.post(ctx, live, param)
		if t.opening {
			j.opened(t, param.JobName, got)
			t.handle = got
		}
		var fe *FileError
		var f *Fault
		errors.As(err, &f) // f stays nil unless err is a fault
		switch {
		case err == nil:
			for _, i := range live {
				j.r.done(i, t.handle, false)
			}
			return nil
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.As(err, &fe):
			// One file is not what was walked: it fails, the others go again at once,
			// those that are still what was walked (its whole folder may be gone).
			j.r.fileMoved()
			live = j.lookAgain(j.drop(live, fe))
			continue
		case f != nil && f.Auth():
			return j.stop(live, err)
		case f != nil:
			// Whether the job lives decides what the fault means (faultpolicy.go).
			last = f
			job := liveNone
			if !t.opening {
				ask := j.activeJob
				if namesJob(f, t.handle) {
					ask = func(context.Context, string) jobLiveness { return liveGone }
				}
				job = j.state.judge(ctx, t, ask)
			}
			switch decideFault(scopeOf(f, j.names(live, param)), job, len(live)) {
			case actStop:
				return j.stop(live, &RequestRefusedError{Fault: f})
			case actJobGone:
				j.goneFault.CompareAndSwap(nil, f)
				return j.stop(live, j.goneErr(f))
			case actNewJob:
				continue
			case actIsolate:
				return j.isolate(ctx, b, live)
			}
		case mayBeOneFile(err) && len(live) > 1:
			// The refusal may be one file's: try them one by one to find out which.
			return j.isolate(ctx, b, live)
		case errors.As(err, new(*ConnError)):
			// Retried until the budget ran out (retry.go): the server is silent or out of
			// reach, for every file alike; going on would cost each batch the same wait.
			return j.stop(live, fmt.Errorf("could not reach the upload server: %w", err))
		case t.opening && !j.exists():
			// No job could even be created, and not for a file's sake: the server is out
			// of reach or is not an UploadFile servlet, for every file alike.
			return j.stop(live, fmt.Errorf("could not start the upload job: %w", err))
		}
		for _, i := range live {
			j.r.fail(i, err)
		}
		return nil
	}
	return nil
}

// stop fails the files of the POST that met err, which stops the whole upload, and
// returns err.
func (j *s7job) stop(live []int, err error) error {
	for _, i := range live {
		j.r.fail(i, err)
	}
	return err
}

// goneErr is the error that stops an upload whose job stopped taking files after it had
// gone on in a new job once; f is the fault that told, nil for a POST that never went.
func (j *s7job) goneErr(f *Fault) *JobGoneError {
	if f == nil {
		f = j.goneFault.Load()
	}
	j.r.mu.Lock()
	defer j.r.mu.Unlock()
	return &JobGoneError{Job: j.r.jobName, Handle: j.r.handle, Fault: f}
}

// isolate sends each file of a refused POST alone, so that only the file the server
// refuses fails.
func (j *s7job) isolate(ctx context.Context, b *batch, live []int) error {
	for _, i := range live {
		one := &batch{dest: b.dest, items: []int{i}, bytes: j.r.req.Items[i].Size, named: b.named}
		if err := j.runBatch(ctx, one); err != nil {
			return err
		}
	}
	return nil
}

// names are the file names a POST sent, as a fault's reason would quote them.
func (j *s7job) names(live []int, param UploadPostParam) []string {
	out := []string{param.FileName}
	for _, i := range live {
		out = append(out, path.Base(j.r.req.Items[i].Rel))
	}
	return out
}

// activeJob asks getActiveJobs whether the job of handle is still active.
func (j *s7job) activeJob(ctx context.Context, handle string) jobLiveness {
	if j.r.req.Endpoint.APIURL == "" {
		return liveUnknown
	}
	if t := j.r.c.ResponseTimeout; t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	api := &API{HTTP: j.r.c.HTTP, Conn: j.r.req.Conn}
	jobs, _, err := api.ActiveJobs(ctx, handle)
	if err != nil {
		return liveUnknown
	}
	for _, a := range jobs {
		if a.JobHandle == handle && a.State != "Done" && a.State != "Stopping" {
			return liveAlive
		}
	}
	return liveGone
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

// lookAgain fails the files of live that are no longer what was walked (checkFile) and
// returns the others.
func (j *s7job) lookAgain(live []int) []int {
	out := live[:0:0]
	for _, i := range live {
		if err := checkFile(j.ref(i)); err != nil {
			j.r.fail(i, err)
			continue
		}
		out = append(out, i)
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
			j.r.sending(i)
		}
		j.state.track(+1)
		ex, err := j.r.send(ctx, j.r.req.Endpoint.UploadURL, body, nil)
		j.state.track(-1)
		if err == nil {
			handle, err = ParseUploadReply(ex.status, bytes.NewReader(ex.reply))
			err = ex.judged(err)
		}
		ambiguous = ambiguous || transient(err)
		return err
	}, func(err error, _ int) bool { return transient(err) }, func(_ int, err error) {
		for _, i := range live {
			j.r.retrying(i, err)
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
	parts := make([]formPart, 2, 2+len(live))
	parts[0] = formPart{name: "auth", contentType: xmlPart, value: j.auth}
	parts[1] = formPart{name: "uploadParams", contentType: xmlPart, value: doc}
	for k, i := range live {
		// The servlet's part names: file1, file2…
		parts = append(parts, formPart{name: "file" + strconv.Itoa(k+1), filename: path.Base(j.r.req.Items[i].Rel), contentType: "application/octet-stream", file: j.ref(i)})
	}
	return newMultipartBody(parts), nil
}
