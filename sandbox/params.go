package sandbox

import (
	"errors"
	"strconv"
	"strings"
)

// authInfo is what an authHeader carried.
type authInfo struct {
	user, password string
}

// requestedFaultStatus reads authHeader/faultHttpStatusCode before anything else, so
// that even a fault about the authHeader itself comes back with the status the client
// asked for when it can be read.
func requestedFaultStatus(n *node) int {
	if n == nil || n.Local != "authHeader" {
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.text("faultHttpStatusCode")))
	if err != nil {
		return 0
	}
	return v
}

// readAuthHeader validates an authHeader element and checks its credentials.
// namespaces lists the namespaces the element may be in.
func readAuthHeader(n *node, namespaces ...string) (authInfo, *ipsFault) {
	if n.Local != "authHeader" || !oneOf(n.Space, namespaces) {
		return authInfo{}, apiFault(codeInvalidRequestXML,
			"Invalid request XML: expected authHeader in namespace %s, got %s in %q",
			strings.Join(namespaces, " or "), n.Local, n.Space)
	}
	t := authHeaderVersioned
	if n.Space == nsIPS {
		t = authHeaderUnversioned
	}
	if f := validate(n, t, true); f != nil {
		return authInfo{}, f
	}
	a := authInfo{user: n.text("user"), password: n.text("password")}
	return a, checkCredentials(a.user, a.password)
}

// checkCredentials compares with the demo login. E-mail addresses compare without case,
// passwords exactly.
func checkCredentials(user, password string) *ipsFault {
	if user == "" && password == "" {
		return authFault(codeNoCredentials, "No credentials: authHeader user and password are required")
	}
	if !strings.EqualFold(user, DemoUser) || password != DemoPassword {
		return authFault(codeInvalidCredentials, "Invalid username/password")
	}
	return nil
}

// postParams is a validated uploadPostParam.
type postParams struct {
	company, jobName, jobHandle string
	locale, description         string
	destFolder, fileName        string
	endJob                      bool
	options                     *node // UploadPostJob; set for a new job
}

// parsePostParams validates an uploadPostParam document. A POST that names a jobHandle
// continues a job: its uploadParams, if any, must still parse (the whole document is read
// into the schema's types) but its values are ignored.
func parsePostParams(raw []byte, contentType string) (*postParams, *ipsFault) {
	n, err := parseXML(raw, contentType)
	if err != nil {
		return nil, xmlFault("uploadParams", err)
	}
	// Only the versioned schema declares uploadPostParam (docs/protocol.md §uploadPostParam).
	if n.Local != "uploadPostParam" || n.Space != nsIPS2014 {
		return nil, apiFault(codeInvalidRequestXML,
			"Invalid request XML: the uploadParams part must hold an uploadPostParam in namespace %s, got %s in %q",
			nsIPS2014, n.Local, n.Space)
	}
	continuing := strings.TrimSpace(n.text("jobHandle")) != ""
	if f := validate(n, uploadPostParam, !continuing); f != nil {
		return nil, f
	}
	p := &postParams{
		company:     n.text("companyHandle"),
		jobName:     strings.TrimSpace(n.text("jobName")),
		jobHandle:   strings.TrimSpace(n.text("jobHandle")),
		locale:      n.text("locale"),
		description: n.text("description"),
		destFolder:  n.text("destFolder"),
		fileName:    n.text("fileName"),
		endJob:      xsdTrue(n.text("endJob")),
	}
	switch {
	case p.jobName != "" && p.jobHandle != "":
		return nil, apiFault(codeInvalidParameter, "Invalid parameters: give either jobName (a new job) or jobHandle (an active job), not both")
	case p.jobName == "" && p.jobHandle == "":
		return nil, apiFault(codeMissingParameter, "Missing required parameter: uploadPostParam/jobName or uploadPostParam/jobHandle")
	}
	if !continuing {
		p.options = n.child("uploadParams")
		if p.options == nil {
			return nil, apiFault(codeMissingParameter,
				"Missing required parameter: uploadPostParam/uploadParams (the first POST of a job must carry its UploadPostJob)")
		}
	}
	return p, nil
}

// xmlFault turns a parse error into the fault for an invalid request document.
func xmlFault(part string, err error) *ipsFault {
	if errors.Is(err, errXML) {
		return apiFault(codeInvalidRequestXML, "Invalid request XML in %s: %v", part, strings.TrimPrefix(err.Error(), errXML.Error()+": "))
	}
	return apiFault(codeException, "Could not read %s: %v", part, err)
}

func oneOf(s string, set []string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}
