package sandbox

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// uploadPost is one POST to the UploadFile servlet while its parts stream in.
type uploadPost struct {
	s   *Server
	r   *http.Request
	rec *Request

	authRaw, paramsRaw []byte // the XML parts, kept until both are in
	authCT, paramsCT   string
	faultStatus        int // authHeader/faultHttpStatusCode, 0 = default
	user               string

	params    *postParams
	job       *job // the pinned job of a jobHandle POST
	ready     bool // auth and parameters accepted: file parts may follow
	earlyFile bool // a file part came before auth or uploadParams
	files     []*receivedFile
}

// receivedFile is a file part written to the incoming folder, waiting for the POST to
// succeed.
type receivedFile struct {
	field, asset, temp string
	size               int64
	began              time.Time
	head               []byte // the first bytes, to judge the content (processing.go)
}

// handleUpload serves POST /scene7/UploadFile.
// inj is a fault injected after the POST was read (faults.go).
func (s *Server) handleUpload(r *http.Request, rec *Request, inj injection) reply {
	if r.Method != http.MethodPost {
		return methodNotAllowed(http.MethodPost)
	}
	if r.ContentLength < 0 {
		// Like many servlet containers and proxies in front of them, the sandbox
		// wants the length up front: a chunked upload is refused.
		return htmlReply(http.StatusLengthRequired, "Length Required", "This endpoint requires a Content-Length header.")
	}
	u := &uploadPost{s: s, r: r, rec: rec}
	defer u.cleanup()
	fault := u.read()
	if fault == nil {
		fault = s.injectedFault(u, inj)
	}
	var handle string
	if fault == nil {
		handle, fault = u.commit()
	}
	drain(r.Body)
	if fault != nil {
		rec.Fault = fault.label()
		return bareFaultReply(fault, faultStatus(u.faultStatus))
	}
	var sb strings.Builder
	sb.WriteString(xmlDecl + `<uploadPostReturn xmlns="` + nsIPS2014 + `">`)
	elem(&sb, "jobHandle", handle)
	sb.WriteString(`</uploadPostReturn>`)
	return xmlReply(http.StatusOK, sb.String())
}

// read streams the multipart body: the XML parts are kept in memory (they are small),
// each file part goes straight to a temporary file.
func (u *uploadPost) read() *ipsFault {
	mt, mp, err := mime.ParseMediaType(u.r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || mp["boundary"] == "" {
		return apiFault(codeInvalidRequestXML, "Invalid request: the body must be multipart/form-data with a boundary")
	}
	mr := multipart.NewReader(u.r.Body, mp["boundary"])
	for {
		// NextRawPart: a servlet does not undo quoted-printable either.
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return apiFault(codeInvalidRequestXML, "Invalid request: malformed multipart body: %v", err)
		}
		fp, err := parseFormPart(p.Header)
		if err != nil {
			return apiFault(codeInvalidRequestXML, "Invalid request: a part has an invalid Content-Disposition %q", p.Header.Get("Content-Disposition"))
		}
		if f := u.readPart(p, fp); f != nil {
			return f
		}
	}
	if u.earlyFile {
		return u.earlyFileFault()
	}
	if f := u.prepare(); f != nil {
		return f
	}
	if !u.ready {
		// prepare checked what was there; name what is missing.
		if u.authRaw == nil {
			return apiFault(codeMissingParameter, "Missing required parameter: auth (the authHeader part)")
		}
		return apiFault(codeMissingParameter, "Missing required parameter: uploadParams (the uploadPostParam part)")
	}
	if u.params.fileName != "" && len(u.files) != 1 {
		return apiFault(codeInvalidParameter, "Invalid parameter uploadPostParam/fileName: it names one file, but the POST carries %d", len(u.files))
	}
	return nil
}

func (u *uploadPost) readPart(p *multipart.Part, fp formPart) *ipsFault {
	if fp.isFile {
		if !u.ready {
			if f := u.prepare(); f != nil {
				return f
			}
		}
		if !u.ready || u.earlyFile {
			// Keep reading to tell a missing part from a misplaced one.
			u.earlyFile = true
			_, _ = io.Copy(io.Discard, p)
			return nil
		}
		return u.receiveFile(p, fp)
	}
	switch fp.name {
	case "auth", "uploadParams":
		raw, err := readLimited(p)
		if err != nil {
			return xmlFault(fp.name, err)
		}
		ct := p.Header.Get("Content-Type")
		if fp.name == "auth" {
			if u.authRaw != nil {
				return apiFault(codeInvalidRequestXML, "Invalid request: more than one auth part")
			}
			u.authRaw, u.authCT = raw, ct
			if n, err := parseXML(raw, ct); err == nil {
				u.faultStatus = requestedFaultStatus(n)
			}
		} else {
			if u.paramsRaw != nil {
				return apiFault(codeInvalidRequestXML, "Invalid request: more than one uploadParams part")
			}
			u.paramsRaw, u.paramsCT = raw, ct
		}
		if u.earlyFile {
			return nil
		}
		return u.prepare()
	}
	// Other form fields mean nothing to the servlet.
	_, _ = io.Copy(io.Discard, p)
	return nil
}

// earlyFileFault names the problem of a POST whose files came before its XML parts.
func (u *uploadPost) earlyFileFault() *ipsFault {
	switch {
	case u.authRaw == nil:
		return apiFault(codeMissingParameter, "Missing required parameter: auth (it must come before the file parts)")
	case u.paramsRaw == nil:
		return apiFault(codeMissingParameter, "Missing required parameter: uploadParams (it must come before the file parts)")
	}
	return apiFault(codeInvalidRequestXML, "Invalid request: the auth and uploadParams parts must come before the file parts")
}

// prepare checks, in the real service's order, what has arrived so far: the
// authHeader (credentials), then the uploadPostParam (company, job). It does nothing
// until the auth part is in, and marks the POST ready when both are accepted.
func (u *uploadPost) prepare() *ipsFault {
	if u.ready || u.authRaw == nil {
		return nil
	}
	if u.user == "" {
		n, err := parseXML(u.authRaw, u.authCT)
		if err != nil {
			return xmlFault("auth", err)
		}
		a, f := readAuthHeader(n, nsIPS2014, nsIPS)
		u.rec.User = a.user
		if f != nil {
			return f
		}
		u.user = a.user
	}
	if u.paramsRaw == nil {
		return nil
	}
	p, f := parsePostParams(u.paramsRaw, u.paramsCT)
	if f != nil {
		return f
	}
	u.rec.JobName, u.rec.JobHandle, u.rec.EndJob = p.jobName, p.jobHandle, p.endJob
	if p.company != DemoCompany {
		return companyFault(p.company)
	}
	if p.jobHandle != "" {
		j, f := u.s.pinJob(p.jobHandle, p.company, remoteIP(u.r))
		if f != nil {
			return f
		}
		u.job = j
	} else if f := u.s.checkNewJobName(p.company, p.jobName); f != nil {
		return f
	}
	u.params, u.ready = p, true
	return nil
}

// receiveFile writes one file part to the incoming folder.
func (u *uploadPost) receiveFile(p *multipart.Part, fp formPart) *ipsFault {
	if u.params.fileName != "" && len(u.files) == 1 {
		return apiFault(codeInvalidParameter, "Invalid parameter uploadPostParam/fileName: it names one file, but the POST carries several")
	}
	name := sceneFileName(fp.filename)
	if u.params.fileName != "" {
		name = u.params.fileName
	}
	asset, f := assetPath(u.params.destFolder, name)
	if f != nil {
		return f
	}
	tmp, err := os.CreateTemp(u.s.incomingDir, "upload-*")
	if err != nil {
		return apiFault(codeException, "Could not store the upload: %v", err)
	}
	rf := &receivedFile{field: fp.name, asset: asset, temp: tmp.Name(), began: time.Now()}
	u.files = append(u.files, rf) // cleanup removes it whatever happens next
	var head headWriter
	rf.size, err = io.Copy(io.MultiWriter(tmp, &head), p)
	rf.head = head.head
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	u.rec.Files = append(u.rec.Files, ReceivedFile{Field: fp.name, FileName: sceneFileName(fp.filename), Asset: asset, Size: rf.size})
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return apiFault(codeException, "Could not store the upload: %v", err)
		}
		return apiFault(codeInvalidRequestXML, "Invalid request: could not read file part %q: %v", fp.name, err)
	}
	return nil
}

// checkNewJobName refuses the name of a job that is still running.
func (s *Server) checkNewJobName(company, name string) *ipsFault {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireIdleLocked(time.Now())
	if s.activeByNameLocked(company, name) != nil {
		return apiFault(codeInvalidParameter, "Invalid parameter uploadPostParam/jobName: an active job is already named %q", name)
	}
	return nil
}

// cleanup removes the temporary files that were not moved into place and releases the
// job.
func (u *uploadPost) cleanup() {
	for _, f := range u.files {
		if f.temp != "" {
			_ = os.Remove(f.temp)
		}
	}
	if u.job != nil {
		u.s.unpinJob(u.job)
	}
}

// remoteIP is the client address without its port.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
