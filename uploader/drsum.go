package uploader

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync/atomic"
	"time"
)

// The Dr.Sum Cloud Hub file upload Web API (docs/protocol.md §Dr.Sum upload): one file per POST, HTTP Basic
// authentication, the outcome in the status code and, for errors, code names in a body
// whose shape is not documented.

// Dr.Sum error codes (docs/protocol.md §Dr.Sum upload).
const (
	DrSumNoRequiredParameter         = "NO_REQUIRED_PARAMETER"
	DrSumNotUnderRootPath            = "NOT_UNDER_ROOT_PATH"
	DrSumFileLimitExceeded           = "FILE_LIMIT_EXCEEDED"
	DrSumInvalidParameterValue       = "INVALID_PARAMETER_VALUE"
	DrSumRequestParameterLimitExceed = "REQUEST_PARAMETER_LIMIT_EXCEEDED"
	DrSumFileAlreadyExists           = "FILE_ALREADY_EXISTS"
	DrSumInvalidSettingJSON          = "INVALID_SETTING_JSON"
	DrSumIOError                     = "IO_ERROR"
)

// drsumCodes are the codes Hoist knows (package words says what each tells people to do).
var drsumCodes = []string{
	DrSumNoRequiredParameter, DrSumNotUnderRootPath, DrSumFileLimitExceeded, DrSumInvalidParameterValue,
	DrSumRequestParameterLimitExceed, DrSumFileAlreadyExists, DrSumInvalidSettingJSON, DrSumIOError,
}

// DrSumError is a Dr.Sum answer that did not accept a file.
type DrSumError struct {
	Status int
	Codes  []string // the known codes found in the body, in order, each once
	// AfterLostAnswer is set on FILE_ALREADY_EXISTS when an earlier try of the same
	// request got no answer: the file found may be that try's own upload.
	AfterLostAnswer bool
	// Overwrite is the overwrite value the request carried: a FILE_ALREADY_EXISTS with
	// overwrite on is the server refusing to replace, not a setting to change.
	Overwrite bool
	// RetryAfter is the wait a 429 or 503 asked for (serverwait.go), 0 when none.
	RetryAfter time.Duration
	// Host and Location are the server asked (host:port) and where its redirect (3xx)
	// sent the request, for the sentence.
	Host, Location string
}

func (e *DrSumError) askedWait() time.Duration { return e.RetryAfter }

func (e *DrSumError) Error() string {
	s := fmt.Sprintf("Dr.Sum answered HTTP %d %s", e.Status, http.StatusText(e.Status))
	if len(e.Codes) > 0 {
		s += " (" + strings.Join(e.Codes, ", ") + ")"
	}
	return s
}

// Has reports whether the answer carried code.
func (e *DrSumError) Has(code string) bool {
	for _, c := range e.Codes {
		if c == code {
			return true
		}
	}
	return false
}

// Auth reports whether the login was refused, which no other file would escape either.
func (e *DrSumError) Auth() bool {
	return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
}

// Transient reports whether the same request may succeed later: server errors other than
// broken settings (IO_ERROR is retried, but only once, by the caller), throttling, timeouts.
func (e *DrSumError) Transient() bool {
	if e.Has(DrSumInvalidSettingJSON) {
		return false
	}
	return e.Status >= 500 || e.Status == http.StatusRequestTimeout || e.Status == http.StatusTooManyRequests
}

// drsumAnswer reads a Dr.Sum reply: for a 2xx, success or a *ReplyError (drsumSuccess);
// otherwise a *DrSumError listing every known code found anywhere in the body.
func drsumAnswer(status int, body []byte) (replaced bool, err error) {
	if status/100 == 2 {
		return drsumSuccess(status, body)
	}
	e := &DrSumError{Status: status}
	text := string(body)
	type found struct {
		at   int
		code string
	}
	var hits []found
	for _, code := range drsumCodes {
		if at := indexWord(text, code); at >= 0 {
			hits = append(hits, found{at, code})
		}
	}
	for len(hits) > 0 {
		first := 0
		for i, h := range hits {
			if h.at < hits[first].at {
				first = i
			}
		}
		e.Codes = append(e.Codes, hits[first].code)
		hits = append(hits[:first], hits[first+1:]...)
	}
	return false, e
}

// indexWord finds code in s where it is not part of a longer identifier.
func indexWord(s, code string) int {
	isWord := func(c byte) bool {
		return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
	}
	for from := 0; ; {
		i := strings.Index(s[from:], code)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(code)
		if (i == 0 || !isWord(s[i-1])) && (end == len(s) || !isWord(s[end])) {
			return i
		}
		from = i + 1
	}
}

// drsumContentType is the file part's type, from its extension.
func drsumContentType(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// drsum uploads every file in its own POST, with bounded concurrency.
func (r *run) drsum(ctx context.Context) error {
	var reached atomic.Bool
	var items []int
	for i := range r.req.Items {
		if !r.isResolved(i) { // refused before sending (names.go)
			items = append(items, i)
		}
	}
	if len(items) == 0 {
		return nil
	}
	// The smallest file goes first, alone: a wrong password or a wrong URL then costs one
	// small request, not one per concurrent worker, and its answer's wait, not slowed by
	// a large file for the server to store, tells how near the server is (adaptive.go
	// startLimit). The others keep their order.
	first := 0
	for k, i := range items {
		if r.req.Items[i].Size < r.req.Items[items[first]].Size {
			first = k
		}
	}
	smallest := items[first]
	copy(items[1:first+1], items[:first])
	items[0] = smallest
	err := r.drsumFile(ctx, items[0], &reached)
	if err == nil && len(items) > 1 {
		err = pool(ctx, r.limiter(), items[1:], func(i int) int64 { return r.req.Items[i].Size }, func(ctx context.Context, i int) error {
			return r.drsumFile(ctx, i, &reached)
		})
	}
	if ctx.Err() != nil {
		err = fmt.Errorf("%w: %w", ErrCancelled, ctx.Err())
	}
	return err
}

// drsumFile uploads one file. reached is set once the server has accepted a file: until
// then, a server that cannot be reached fails the whole upload, not file after file.
func (r *run) drsumFile(ctx context.Context, i int, reached *atomic.Bool) error {
	it := r.req.Items[i]
	fr := &fileRef{path: it.Path, rel: it.Rel, size: it.Size, item: i}
	if r.mustLook() {
		if err := checkFile(fr); err != nil {
			r.fail(i, err)
			return nil
		}
	}
	overwrite := "false"
	if r.req.Options.Overwrite {
		overwrite = "true"
	}
	name := path.Base(it.Rel)
	// Small parameters first, so that a server parsing as it reads knows where the file
	// goes before its bytes arrive.
	body := newMultipartBody([]formPart{
		{name: "dest_dir", value: []byte(destFor(r.req.DestFolder, it.Rel))},
		{name: "overwrite", value: []byte(overwrite)},
		{name: "file", filename: name, contentType: drsumContentType(name), file: fr},
	})
	basic := func(req *http.Request) { req.SetBasicAuth(r.req.Credentials.User, r.req.Credentials.Password) }
	var replaced, lost bool
	err := r.c.Retry.do(ctx, func(attempt int) error {
		r.sending(i)
		ex, err := r.send(ctx, r.req.Endpoint.UploadURL, body, basic)
		if err == nil {
			replaced, err = drsumAnswer(ex.status, ex.reply)
			err = ex.judged(err)
		}
		var de *DrSumError
		if errors.As(err, &de) {
			de.AfterLostAnswer, de.Overwrite = lost, r.req.Options.Overwrite
		}
		var ce *ConnError
		lost = lost || errors.As(err, &ce)
		if errors.As(err, new(*FileError)) {
			r.fileMoved()
		}
		return err
	}, func(err error, attempt int) bool {
		var de *DrSumError
		if errors.As(err, &de) && de.Has(DrSumIOError) {
			return attempt < 2
		}
		return transient(err)
	}, func(_ int, err error) { r.retrying(i, err) })
	var de *DrSumError
	var ce *ConnError
	var re *ReplyError
	switch {
	case err == nil:
		reached.Store(true)
		r.done(i, "", replaced)
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, &de) && (de.Auth() || de.Has(DrSumInvalidSettingJSON) || de.Has(DrSumNotUnderRootPath)):
		// Refusals that every other file would meet too stop the upload; the files
		// not sent yet are reported so (resolveRest).
		r.fail(i, err)
		return err
	case errors.As(err, &ce):
		// Retried until the budget ran out (retry.go): silent or out of reach for every
		// file alike, so the upload stops rather than costing each file the same wait.
		err = fmt.Errorf("could not upload to the Dr.Sum server: %w", err)
		r.fail(i, err)
		return err
	case !reached.Load() && (errors.As(err, &re) || (errors.As(err, &de) && len(de.Codes) == 0)):
		err = fmt.Errorf("could not upload to the Dr.Sum server: %w", err)
		r.fail(i, err)
		return err
	default:
		r.fail(i, err)
	}
	return nil
}
