package sandbox

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
)

// After endJob (or the idle expiry) Scene7 goes on working: it converts, rasterises and
// extracts, the job stays in getActiveJobs meanwhile, and the job log gains one line per
// file saying what became of it (docs/protocol.md §Following a job). The sandbox plays
// this out: a job is "processing" for Config.ProcessingTime, then each file it received
// gets its line, judged from the file's extension and first bytes.

// JobProcessing is the state Jobs reports while a job that takes no more files is being
// processed; getActiveJobs shows it as Running, as the service does.
const JobProcessing = "Processing"

// headSize is how many leading bytes of each file are kept to judge its content.
const headSize = 8

// pendingFile is a file stored by a job, waiting for its processing line.
type pendingFile struct {
	asset     string
	size      int64
	replacing bool
	replaces  string // the path of the asset it replaced, when that was another file
	head      []byte
}

// headWriter keeps the first headSize bytes written through it, so that a file's content
// can be judged without reading it again.
type headWriter struct{ head []byte }

func (h *headWriter) Write(p []byte) (int, error) {
	if n := headSize - len(h.head); n > 0 {
		h.head = append(h.head, p[:min(n, len(p))]...)
	}
	return len(p), nil
}

// active reports whether the job shows in getActiveJobs: taking files or processing them.
func (j *job) active() bool { return j.state == JobRunning || j.state == JobProcessing }

// queueLocked records a stored file for processing. A file stored twice in one job (a
// client that sent it again after losing the answer) is processed once, as last stored;
// it replaces an earlier version only if one existed before the job. Caller holds s.mu.
func (j *job) queueLocked(f pendingFile) {
	for i := range j.pending {
		if j.pending[i].asset == f.asset {
			f.replacing = j.pending[i].replacing
			j.pending[i] = f
			return
		}
	}
	j.pending = append(j.pending, f)
}

// closeLocked stops a running job taking files: it is processed for the server's
// processing time, then ends in state (JobDone or JobExpired). Caller holds s.mu.
func (s *Server) closeLocked(j *job, t time.Time, state, why string) {
	j.state, j.endState, j.endWhy = JobProcessing, state, why
	j.processUntil = t.Add(s.processing)
	if s.processing <= 0 {
		s.finishLocked(j, t)
	}
}

// finishLocked writes each stored file's processing line and ends the job. Caller holds
// s.mu.
func (s *Server) finishLocked(j *job, t time.Time) {
	for _, f := range j.pending {
		typ, msg := verdict(f)
		switch typ {
		case "UploadError":
			j.errors++
		case "UploadWarning":
			j.warnings++
			j.success++
		case "FileUpdated":
			j.updates++
			j.success++
		default:
			j.success++
		}
		j.addLog(t, typ, f.asset, "%s", msg)
	}
	j.pending = nil
	j.state, j.end = j.endState, t
	j.addLog(t, "EndUpload", "", "Upload job %s %s: %d file(s) processed, %d error(s), %d warning(s), %d duplicate(s) skipped",
		j.name, j.endWhy, j.success, j.errors, j.warnings, j.duplicates)
}

// finishDueLocked ends the processing of the jobs whose processing time is over. Caller
// holds s.mu.
func (s *Server) finishDueLocked(now time.Time) {
	for _, j := range s.jobs {
		if j.state == JobProcessing && !now.Before(j.processUntil) {
			s.finishLocked(j, j.processUntil)
		}
	}
}

// FinishProcessing ends the processing of every job now, as if its processing time were
// over (for tests and demos that do not want to wait).
func (s *Server) FinishProcessing() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for _, j := range s.jobs {
		if j.state == JobProcessing {
			s.finishLocked(j, now)
		}
	}
}

// imageMagic are the signatures of the image formats whose content the sandbox checks
// against the extension.
var imageMagic = map[string]struct {
	format string
	magic  [][]byte
}{
	".jpg":  {"JPEG", [][]byte{{0xFF, 0xD8, 0xFF}}},
	".jpeg": {"JPEG", [][]byte{{0xFF, 0xD8, 0xFF}}},
	".png":  {"PNG", [][]byte{{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}}},
	".gif":  {"GIF", [][]byte{[]byte("GIF87a"), []byte("GIF89a")}},
	".tif":  {"TIFF", [][]byte{{'I', 'I', '*', 0}, {'M', 'M', 0, '*'}}},
	".tiff": {"TIFF", [][]byte{{'I', 'I', '*', 0}, {'M', 'M', 0, '*'}}},
	".bmp":  {"BMP", [][]byte{[]byte("BM")}},
}

// supportedExt are the source formats Scene7 processes (docs/protocol.md §Asset names).
// PSB is missing on purpose: Scene7 refuses it.
var supportedExt = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`bmp fpx gif jpg jpeg png pict pct tif tiff psd ai indd indt pdf eps ps fxg svg svgx
		afm otf pfb pfm ttc ttf icc icm css js xml zip tar 3gp avi m2p m2t m2ts m2v m4v mov mp4 mpeg mpg mts ogv ts vob
		wmv asf aac ac3 wav wma aiff aif mp3 doc ppt rtf xls`) {
		supportedExt["."+e] = true
	}
}

// verdict is the processing line of a stored file: its log type and message. The
// sandbox refuses what Scene7 cannot process (a PSB, a PDF that is not one, an image
// whose content is not what its extension says), warns about a type it does not process
// (kept as a plain file), and processes everything else.
func verdict(f pendingFile) (logType, message string) {
	ext := strings.ToLower(path.Ext(f.asset))
	fail := func(format string, args ...any) (string, string) {
		return "UploadError", fmt.Sprintf("%s could not be processed: ", f.asset) + fmt.Sprintf(format, args...)
	}
	switch {
	case ext == ".psb":
		return fail("Photoshop Large Document (PSB) files are not supported; save it as PSD (up to 30,000 pixels a side) or as TIFF")
	case ext == ".pdf" && !bytes.HasPrefix(f.head, []byte("%PDF")):
		return fail("the file is not a PDF document (it does not begin with %%PDF); export it again as PDF")
	}
	if m, ok := imageMagic[ext]; ok {
		match := false
		for _, sig := range m.magic {
			match = match || bytes.HasPrefix(f.head, sig)
		}
		if !match {
			return fail("its content is not a %s image although its name ends in %s; save it again as %s or rename it to its real type", m.format, ext, m.format)
		}
	}
	if !supportedExt[ext] {
		what := "files without an extension"
		if ext != "" {
			what = ext + " files"
		}
		return "UploadWarning", fmt.Sprintf("%s was stored as a plain file: Scene7 does not process %s", f.asset, what)
	}
	if f.replaces != "" && f.replaces != f.asset {
		return "FileUpdated", fmt.Sprintf("%s was processed into IPS as asset %s, replacing %s", f.asset, assetIDOf(path.Base(f.asset)), f.replaces)
	}
	if f.replacing {
		return "FileUpdated", fmt.Sprintf("%s was processed into IPS, replacing the earlier version", f.asset)
	}
	return "UploadSuccess", fmt.Sprintf("%s was processed into IPS", f.asset)
}
