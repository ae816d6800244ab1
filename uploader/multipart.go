package uploader

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"syscall"
)

// A multipart/form-data body is built as a list of segments: the part headers, boundaries
// and small field values are bytes in memory, each file is a reference opened only when
// the reader reaches it. The length is known before the first byte is sent, so requests
// carry an exact Content-Length, and memory stays flat whatever the files' sizes.

// ErrFileChanged and ErrFileGone are wrapped by a *FileError when a file is no longer the
// one that was walked, so its bytes cannot match the announced length.
var (
	ErrFileChanged = errors.New("the file changed size since it was added")
	ErrFileGone    = errors.New("the file is no longer there")
	// ErrFileChangedWhileSent is ErrFileChanged met while the file's bytes were being
	// read into a request (it grew or was cut under the reader), not in the look before:
	// said apart, as "while it was waiting to be sent" would not be true.
	ErrFileChangedWhileSent = fmt.Errorf("%w while it was being sent", ErrFileChanged)
)

// FileError is a failure that belongs to one file rather than to its request or its job.
type FileError struct {
	Rel string
	Err error
}

func (e *FileError) Error() string { return e.Rel + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// formPart is one part of a multipart/form-data body: a field value or a file.
type formPart struct {
	name, filename, contentType string
	value                       []byte
	file                        *fileRef
}

// fileRef is a file to stream: its size is the one announced in Content-Length.
type fileRef struct {
	path, rel string
	size      int64
	item      int // index into Request.Items, reported with progress
}

// segment is a run of in-memory bytes or one whole file.
type segment struct {
	data []byte
	file *fileRef
}

type multipartBody struct {
	boundary string
	segs     []segment
	size     int64
}

func newBoundary() string {
	var b [15]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return "hoist-" + hex.EncodeToString(b[:])
}

// headerEscaper keeps a name inside its quoted Content-Disposition parameter: quotes and
// backslashes are backslash-escaped (as mime/multipart does and RFC 2616 quoted-strings
// allow) and line breaks, which would end the header, are percent-encoded as browsers do.
var headerEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "%0D", "\n", "%0A")

func newMultipartBody(parts []formPart) *multipartBody {
	b := &multipartBody{boundary: newBoundary()}
	// Every part's headers go into one array, sized once: a segment is a slice of it (the
	// parts of a 256-file POST were ~2,000 small allocations of joined strings).
	need, files := len(b.boundary)+8, 0
	for _, p := range parts {
		need += len(b.boundary) + len(p.name) + len(p.filename) + len(p.contentType) + len(p.value) + 80
		if p.file != nil {
			files++
		}
	}
	all := make([]byte, 0, need)
	b.segs = make([]segment, 0, 2*files+1)
	start := 0
	flush := func() {
		if len(all) > start {
			b.segs = append(b.segs, segment{data: all[start:len(all):len(all)]})
			b.size += int64(len(all) - start)
			start = len(all)
		}
	}
	for i, p := range parts {
		if i > 0 {
			all = append(all, "\r\n"...)
		}
		all = append(all, "--"...)
		all = append(all, b.boundary...)
		all = append(all, "\r\nContent-Disposition: form-data; name=\""...)
		all = appendEscaped(all, p.name)
		all = append(all, '"')
		if p.file != nil {
			all = append(all, `; filename="`...)
			all = appendEscaped(all, p.filename)
			all = append(all, '"')
		}
		all = append(all, "\r\n"...)
		if p.contentType != "" {
			all = append(all, "Content-Type: "...)
			all = append(all, p.contentType...)
			all = append(all, "\r\n"...)
		}
		all = append(all, "\r\n"...)
		if p.file == nil {
			all = append(all, p.value...)
			continue
		}
		flush()
		b.segs = append(b.segs, segment{file: p.file})
		b.size += p.file.size
	}
	all = append(all, "\r\n--"...)
	all = append(all, b.boundary...)
	all = append(all, "--\r\n"...)
	flush()
	return b
}

// appendEscaped appends s as headerEscaper writes it, without a string per name when
// there is nothing to escape (nearly always).
func appendEscaped(b []byte, s string) []byte {
	if !strings.ContainsAny(s, "\\\"\r\n") {
		return append(b, s...)
	}
	return append(b, headerEscaper.Replace(s)...)
}

// ContentType is the request's Content-Type header.
func (b *multipartBody) ContentType() string {
	return "multipart/form-data; boundary=" + b.boundary
}

// Len is the exact number of bytes every reader of the body yields.
func (b *multipartBody) Len() int64 { return b.size }

// open returns a fresh reader over the whole body. onRead, when set, is called after every
// read with the file's item index and how far into that file the reader is (item -1 for
// bytes outside files), so progress and stall detection follow what the network took.
func (b *multipartBody) open(onRead func(item int, pos int64)) *bodyReader {
	return &bodyReader{b: b, onRead: onRead}
}

// bodyReader streams a multipartBody. net/http may Close it from another goroutine
// while a Read is running, hence the mutex.
type bodyReader struct {
	mu     sync.Mutex
	b      *multipartBody
	onRead func(item int, pos int64)
	seg    int
	off    int64
	f      bodyFile // the current file's, while open is set
	open   bool
	atEnd  bool  // the last read of f showed that it ends at its announced size
	err    error // sticky: the first failure, returned by every later Read
	// bw, when set, paces the reads (bandwidth.go) before they count as progress, so that
	// progress, speed and ETA follow what the limit lets through; ctx ends the waits.
	bw  *Bandwidth
	ctx context.Context
}

// limit makes the reader keep to bw, waiting under ctx.
func (r *bodyReader) limit(ctx context.Context, bw *Bandwidth) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bw, r.ctx = bw, ctx
}

// pace waits until the limit allows n bytes just read. A wait cut short by ctx is
// returned with the bytes; the request is ending anyway.
func (r *bodyReader) pace(n int) error {
	if r.bw == nil {
		return nil
	}
	return r.bw.take(r.ctx, n)
}

// maxReached bounds the files one Read reports progress for (and so reaches): a Read can
// span many small or empty files.
const maxReached = 16

// reached is where a Read left a file, reported to onRead once the Read is paced.
type reached struct {
	item int
	pos  int64
}

// Read fills p from as many segments as fit: a part's headers, then its file's bytes,
// then the next part's headers… Each Read becomes one write to the connection, so filling
// it halves the writes of a body of small files, which went out as a short write of
// headers and then the file's bytes (bench/README.md, CPU against curl).
func (r *bodyReader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(p) == 0 {
		return 0, r.err
	}
	if c := r.bw.chunk(); c > 0 && len(p) > c {
		p = p[:c]
	}
	var at [maxReached]reached
	n, nat, outside := 0, 0, false
	for n < len(p) && nat < len(at) && r.err == nil && r.seg < len(r.b.segs) {
		s := r.b.segs[r.seg]
		if s.file == nil {
			k := copy(p[n:], s.data[r.off:])
			n, r.off, outside = n+k, r.off+int64(k), true
			if r.off == int64(len(s.data)) {
				r.seg, r.off = r.seg+1, 0
			}
			continue
		}
		fr := s.file
		if !r.open {
			// Opened here, not earlier, so a body of many files holds one descriptor.
			f, err := openChecked(fr)
			if err != nil {
				r.fail(err)
				break
			}
			r.f, r.open = f, true
		}
		if r.off < fr.size {
			k, err := r.readFile(fr, p[n:])
			n += k
			if err != nil {
				r.fail(err)
				break
			}
		}
		// An empty file has nothing to read, but it had to be there.
		at[nat] = reached{fr.item, r.off}
		nat++
		if r.off == fr.size {
			r.endFile(fr) // a file that grew is failed here, after its bytes were counted
		}
	}
	if n == 0 && nat == 0 {
		if r.err != nil {
			return 0, r.err
		}
		return 0, io.EOF
	}
	if err := r.pace(n); err != nil {
		return n, err
	}
	if r.onRead != nil {
		if outside {
			r.onRead(-1, 0)
		}
		for _, a := range at[:nat] {
			r.onRead(a.item, a.pos)
		}
	}
	return n, r.err
}

// readFile reads at most what is left of the announced size. When p has room for more
// it asks for one byte more: a read that comes back without it shows that the file ends
// where it was announced to, which endFile then need not ask the system (an fstat per
// file). A read that brings it shows that the file grew.
func (r *bodyReader) readFile(fr *fileRef, p []byte) (int, error) {
	rest := fr.size - r.off
	probe := int64(len(p)) > rest
	if probe {
		p = p[:rest+1]
	}
	n, err := r.f.Read(p)
	switch {
	case int64(n) > rest:
		// Longer than announced; the extra byte is not part of the body.
		r.off += rest
		return int(rest), &FileError{Rel: fr.rel, Err: ErrFileChangedWhileSent}
	case err == io.EOF:
		// Shorter than announced: it was truncated after it was walked.
		r.off += int64(n)
		return n, &FileError{Rel: fr.rel, Err: ErrFileChangedWhileSent}
	case err != nil:
		r.off += int64(n)
		return n, &FileError{Rel: fr.rel, Err: fileChange(err)}
	}
	r.off += int64(n)
	r.atEnd = probe && r.off == fr.size
	return n, nil
}

// endFile closes the current file, checking that it did not grow while it was read.
func (r *bodyReader) endFile(fr *fileRef) {
	atEnd := r.atEnd
	r.atEnd = false
	if !atEnd {
		size, regular, err := r.f.stat()
		if err != nil {
			r.closeFile()
			r.fail(&FileError{Rel: fr.rel, Err: err})
			return
		}
		if !regular || size != fr.size {
			r.closeFile()
			r.fail(&FileError{Rel: fr.rel, Err: ErrFileChangedWhileSent})
			return
		}
	}
	r.closeFile()
	r.seg, r.off = r.seg+1, 0
}

func (r *bodyReader) closeFile() {
	if r.open {
		r.f.Close()
		r.open = false
	}
}

func (r *bodyReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.closeFile()
}

// Close releases the open file, if any; later Reads fail.
func (r *bodyReader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fail(errBodyClosed)
	return nil
}

var errBodyClosed = errors.New("request body closed")

// complete reports whether the whole body has been read.
func (r *bodyReader) complete() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seg == len(r.b.segs)
}

// fileErr reports the file failure that stopped this reader, if that is what happened.
func (r *bodyReader) fileErr() *FileError {
	r.mu.Lock()
	defer r.mu.Unlock()
	var fe *FileError
	if errors.As(r.err, &fe) {
		return fe
	}
	return nil
}

// openChecked opens a file that must still be the one that was walked. Its size is not
// asked for here (a system call per file): the reads check it — readFile's byte more at
// the end shows a file that grew, an early end one that shrank — and a file that is no
// longer a regular one fails its first read (fileChange) or, when there is nothing to
// read, endFile's stat.
func openChecked(fr *fileRef) (bodyFile, error) {
	f, err := openBodyFile(fr.path)
	if err != nil {
		return bodyFile{}, &FileError{Rel: fr.rel, Err: fileChange(err)}
	}
	return f, nil
}

// fileChange is what an open or a read of a walked file says: that it is gone, that it is
// no longer a regular file (a folder, a pipe or a socket in its place), or err itself.
func fileChange(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrFileGone
	case errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.EAGAIN), errors.Is(err, syscall.ENXIO):
		// Reading a folder; reading a pipe (opened without waiting) that a writer holds
		// open; opening a socket.
		return ErrFileChanged
	}
	return err
}

// checkFile is the cheap look before a file is put in a request: the body reader checks
// again while sending, since the file may change in between.
func checkFile(fr *fileRef) error {
	size, regular, err := statPath(fr.path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = ErrFileGone
		}
		return &FileError{Rel: fr.rel, Err: err}
	}
	if !regular || size != fr.size {
		return &FileError{Rel: fr.rel, Err: ErrFileChanged}
	}
	return nil
}
