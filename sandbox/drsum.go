package sandbox

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Dr.Sum error codes (docs/protocol.md §Dr.Sum upload).
const (
	drsumNoRequiredParameter   = "NO_REQUIRED_PARAMETER"
	drsumNotUnderRootPath      = "NOT_UNDER_ROOT_PATH"
	drsumFileLimitExceeded     = "FILE_LIMIT_EXCEEDED"
	drsumInvalidParameterValue = "INVALID_PARAMETER_VALUE"
	drsumParameterLimit        = "REQUEST_PARAMETER_LIMIT_EXCEEDED"
	drsumFileAlreadyExists     = "FILE_ALREADY_EXISTS"
	drsumInvalidSettingJSON    = "INVALID_SETTING_JSON"
	drsumIOError               = "IO_ERROR"
)

// drsumMaxParams is the sandbox's limit on request parameters (multipart parts).
const drsumMaxParams = 10

// drsumError is one element of an error body. The seed names the codes but not the Web
// API's common error format; the sandbox answers
// {"errors":[{"code":"…","parameter":"…","message":"…"}]} (clients should look for the
// code names whatever the shape, docs/protocol.md §Dr.Sum upload).
type drsumError struct {
	Code      string `json:"code"`
	Parameter string `json:"parameter,omitempty"`
	Message   string `json:"message"`
}

func drsumReply(status int, errs ...drsumError) reply {
	body, _ := json.Marshal(struct {
		Errors []drsumError `json:"errors"`
	}{errs})
	return reply{status, http.Header{"Content-Type": {"application/json;charset=UTF-8"}}, body}
}

// drsumUpload is a Dr.Sum request's parameters as they stream in.
type drsumUpload struct {
	params           int
	destDir          *string
	overwrite        *string
	dupDest, dupOver bool // sent more than once
	badDest, badOver bool // sent as a file, or longer than any sane value
	files            int
	fileName, temp   string
	size             int64
}

// handleDrSum serves POST /api/v1.0/file/upload.
func (s *Server) handleDrSum(r *http.Request, rec *Request) reply {
	if r.Method != http.MethodPost {
		drain(r.Body)
		return reply{http.StatusMethodNotAllowed, http.Header{"Allow": {http.MethodPost}}, nil}
	}
	user, pass, ok := r.BasicAuth()
	rec.User = user
	if !ok || user != DrSumUser || pass != DrSumPassword {
		drain(r.Body)
		rec.Fault = "UNAUTHORIZED"
		rp := drsumReply(http.StatusUnauthorized, drsumError{Code: "UNAUTHORIZED", Message: "Basic authentication with a Web API execution user is required"})
		rp.header.Set("WWW-Authenticate", `Basic realm="Dr.Sum Cloud Hub"`)
		return rp
	}
	if r.ContentLength < 0 {
		return htmlReply(http.StatusLengthRequired, "Length Required", "This endpoint requires a Content-Length header.")
	}
	d := &drsumUpload{}
	defer func() {
		if d.temp != "" {
			_ = os.Remove(d.temp)
		}
	}()
	fail := func(status int, errs ...drsumError) reply {
		drain(r.Body)
		codes := make([]string, len(errs))
		for i, e := range errs {
			codes[i] = e.Code
		}
		rec.Fault = strings.Join(codes, ",")
		return drsumReply(status, errs...)
	}
	faults := s.currentFaults()
	if faults.DrSumBrokenSettings {
		return fail(http.StatusInternalServerError, drsumError{Code: drsumInvalidSettingJSON, Message: "setting.json could not be read or filer.rootPath is not set"})
	}
	if err := s.readDrSum(r, d); err != nil {
		var ioErr *fs.PathError
		if errors.As(err, &ioErr) {
			return fail(http.StatusInternalServerError, drsumError{Code: drsumIOError, Message: "could not write to the working folder"})
		}
		return fail(http.StatusBadRequest, drsumError{Code: drsumInvalidParameterValue, Message: "malformed multipart/form-data body: " + err.Error()})
	}
	drain(r.Body)
	if d.destDir != nil {
		rec.DestDir = *d.destDir
	}
	if d.files > 0 {
		rec.Files = []ReceivedFile{{Field: "file", FileName: d.fileName, Size: d.size}}
	}
	destDir, errs := d.check()
	if len(errs) > 0 {
		return fail(http.StatusBadRequest, errs...)
	}
	if faults.DrSumIOError {
		return fail(http.StatusInternalServerError, drsumError{Code: drsumIOError, Parameter: "dest_dir", Message: "could not write the file (injected by the sandbox)"})
	}
	status, err := s.placeDrSum(d, destDir)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fail(http.StatusConflict, drsumError{Code: drsumFileAlreadyExists, Parameter: "file", Message: "a file of that name exists in dest_dir and overwrite is false"})
		}
		return fail(http.StatusInternalServerError, drsumError{Code: drsumIOError, Parameter: "dest_dir", Message: "could not create the folder or write the file"})
	}
	return reply{status: status}
}

// readDrSum streams the parameters; the one file goes to the working folder.
func (s *Server) readDrSum(r *http.Request, d *drsumUpload) error {
	mt, mp, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || mp["boundary"] == "" {
		return nil // no parameters at all: check() reports the missing ones
	}
	mr := multipart.NewReader(r.Body, mp["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		d.params++
		fp, err := parseFormPart(p.Header)
		if err != nil {
			return err
		}
		switch {
		case fp.name == "file" && fp.isFile:
			d.files++
			if d.files > 1 || d.params > drsumMaxParams {
				_, _ = io.Copy(io.Discard, p)
				continue
			}
			// Dr.Sum decodes names as UTF-8 (docs/protocol.md §Dr.Sum upload: parameters are UTF-8).
			d.fileName = strings.ToValidUTF8(fp.filename, "\uFFFD")
			tmp, err := os.CreateTemp(s.drsumWork, "upload-*")
			if err != nil {
				return err
			}
			d.temp = tmp.Name()
			d.size, err = io.Copy(tmp, p)
			if cerr := tmp.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		case fp.name == "dest_dir" || fp.name == "overwrite":
			b, err := io.ReadAll(io.LimitReader(p, 64<<10+1))
			if err != nil {
				return err
			}
			v := string(b)
			bad := len(b) > 64<<10 || fp.isFile
			if fp.name == "dest_dir" {
				d.dupDest, d.badDest = d.dupDest || d.destDir != nil, d.badDest || bad
				d.destDir = &v
			} else {
				d.dupOver, d.badOver = d.dupOver || d.overwrite != nil, d.badOver || bad
				d.overwrite = &v
			}
		default:
			// Unknown parameters are ignored but still count towards the limit.
			_, _ = io.Copy(io.Discard, p)
		}
	}
}

// check lists every bad parameter, in the order dest_dir, file, overwrite, count.
func (d *drsumUpload) check() (string, []drsumError) {
	var errs []drsumError
	add := func(code, param, msg string) { errs = append(errs, drsumError{code, param, msg}) }
	destDir := ""
	switch {
	case d.destDir == nil || *d.destDir == "":
		add(drsumNoRequiredParameter, "dest_dir", "dest_dir is required")
	default:
		var ok bool
		destDir, ok = drsumDestDir(*d.destDir)
		if !ok || d.dupDest || d.badDest {
			add(drsumNotUnderRootPath, "dest_dir", "dest_dir must be one absolute folder path under "+DrSumRoot)
		}
	}
	switch {
	case d.files == 0 || d.fileName == "":
		add(drsumNoRequiredParameter, "file", "file (one file with its filename) is required")
	case d.files > 1:
		add(drsumFileLimitExceeded, "file", "only one file may be uploaded per request")
	case strings.ContainsAny(d.fileName, "/\\\x00") || d.fileName == "." || d.fileName == "..":
		add(drsumInvalidParameterValue, "file", "the filename must be a plain file name")
	}
	if d.overwrite != nil && (d.dupOver || d.badOver || (*d.overwrite != "true" && *d.overwrite != "false")) {
		add(drsumInvalidParameterValue, "overwrite", `overwrite must be "true" or "false"`)
	}
	if d.params > drsumMaxParams {
		add(drsumParameterLimit, "", "too many request parameters")
	}
	return destDir, errs
}

// drsumDestDir checks that dest_dir is an absolute folder under the filer root (case
// sensitive) and returns it cleaned. ".." is refused outright, wherever it points.
func drsumDestDir(d string) (string, bool) {
	if !strings.HasPrefix(d, "/") || strings.ContainsAny(d, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(d, "/") {
		if seg == ".." {
			return "", false
		}
	}
	c := path.Clean(d)
	if c != DrSumRoot && !strings.HasPrefix(c, DrSumRoot+"/") {
		return "", false
	}
	return c, true
}

// placeDrSum creates the destination folders and renames the working file into place:
// 200 for a new file, 201 when overwrite=true replaced one. fs.ErrExist means the file
// exists and overwrite is false.
func (s *Server) placeDrSum(d *drsumUpload, destDir string) (int, error) {
	s.drsumMu.Lock()
	defer s.drsumMu.Unlock()
	dst := s.DrSumFile(destDir, d.fileName)
	status := http.StatusOK
	info, err := os.Lstat(dst)
	switch {
	case err == nil && info.IsDir():
		return 0, errors.New("a folder of that name exists")
	case err == nil && (d.overwrite == nil || *d.overwrite != "true"):
		return 0, fs.ErrExist
	case err == nil:
		status = http.StatusCreated
	case !errors.Is(err, fs.ErrNotExist):
		return 0, err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, err
	}
	if err := os.Rename(d.temp, dst); err != nil {
		return 0, err
	}
	d.temp = ""
	return status, nil
}

// DrSumFile is where a Dr.Sum upload lands on disk: destDir as sent (e.g.
// "/filer/campaign") mapped under Dir/drsum.
func (s *Server) DrSumFile(destDir, name string) string {
	parts := []string{s.drsumDir}
	for _, seg := range strings.Split(path.Clean("/"+destDir), "/") {
		if seg != "" {
			parts = append(parts, diskName(seg))
		}
	}
	return filepath.Join(append(parts, diskName(name))...)
}
