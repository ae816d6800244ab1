package sandbox

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"strings"
)

// soapOp is one IPS operation the sandbox serves.
type soapOp struct {
	param *complexType
	run   func(s *Server, param *node) (string, *ipsFault) // returns the body element
}

var soapOps = map[string]soapOp{
	"checkLogin":       {checkLoginParam, (*Server).checkLogin},
	"getActiveJobs":    {getActiveJobsParam, (*Server).getActiveJobs},
	"getJobLogDetails": {getJobLogDetailsParam, (*Server).getJobLogDetails},
}

// handleSOAP serves POST /scene7/services/IpsApiService: SOAP 1.1, the operation named
// by the SOAPAction header and the body element, credentials in the SOAP header's
// authHeader or in HTTP Basic auth.
func (s *Server) handleSOAP(r *http.Request, rec *Request) reply {
	if r.Method != http.MethodPost {
		drain(r.Body)
		return methodNotAllowed(http.MethodPost)
	}
	status, gzipOff := 0, false
	fail := func(f *ipsFault) reply {
		drain(r.Body)
		rec.Fault = f.label()
		return compressed(soapFaultReply(f, faultStatus(status)), r, gzipOff)
	}
	ct := r.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/xml" {
		return fail(apiFault(codeInvalidRequestXML, "Invalid request: a SOAP 1.1 request must have Content-Type text/xml, not %q", ct))
	}
	raw, err := readLimited(r.Body)
	if err != nil {
		return fail(xmlFault("the SOAP envelope", err))
	}
	env, err := parseXML(raw, ct)
	if err != nil {
		return fail(xmlFault("the SOAP envelope", err))
	}
	header, body, f := splitEnvelope(env)
	if f != nil {
		return fail(f)
	}
	authN := header.child("authHeader")
	status = requestedFaultStatus(authN)
	if authN != nil {
		v := authN.text("gzipResponse")
		gzipOff = authN.has("gzipResponse") && (v == "false" || v == "0")
	}

	op := body.Kids[0]
	name := strings.TrimSuffix(op.Local, "Param")
	rec.Operation = name
	action, sent := r.Header["Soapaction"]
	if !sent {
		return fail(apiFault(codeInvalidRequestXML, "Invalid request: the SOAPAction header is missing (it names the operation, e.g. %q)", name))
	}
	if a := strings.Trim(strings.TrimSpace(strings.Join(action, "")), `"`); a != name {
		return fail(apiFault(codeInvalidRequestXML, "Invalid request: SOAPAction %q does not match the body element %s", a, op.Local))
	}
	handler, known := soapOps[name]
	if !known || op.Local != name+"Param" {
		return fail(apiFault(codeInvalidRequestXML, "Invalid request: unknown operation %s (the sandbox serves checkLogin, getActiveJobs and getJobLogDetails)", op.Local))
	}
	if op.Space != nsIPS2014 {
		return fail(apiFault(codeInvalidRequestXML, "Invalid request XML: %s must be in namespace %s, not %q", op.Local, nsIPS2014, op.Space))
	}

	switch user, pass, basic := r.BasicAuth(); {
	case authN != nil:
		// Adobe's guide puts the header in the unversioned namespace, the 2014-04-03
		// WSDL's binding in the versioned one (docs/protocol.md §authHeader): each is
		// read by its own schema.
		a, f := readAuthHeader(authN, nsIPS, nsIPS2014)
		rec.User = a.user
		if f != nil {
			return fail(f)
		}
	case basic:
		rec.User = user
		if f := checkCredentials(user, pass); f != nil {
			return fail(f)
		}
	default:
		return fail(authFault(codeNoCredentials, "No credentials: send an authHeader in the SOAP header or use HTTP Basic auth"))
	}

	if f := validate(op, handler.param, true); f != nil {
		return fail(f)
	}
	out, f := handler.run(s, op)
	if f != nil {
		return fail(f)
	}
	rp := xmlReply(http.StatusOK, xmlDecl+`<soapenv:Envelope xmlns:soapenv="`+nsSOAP11+`"><soapenv:Body>`+out+`</soapenv:Body></soapenv:Envelope>`)
	return compressed(rp, r, gzipOff)
}

// compressed gzips an answer as the service does (docs/protocol.md §authHeader): by
// default whenever the request's Accept-Encoding takes gzip, unless the authHeader's
// gzipResponse is false.
func compressed(rp reply, r *http.Request, off bool) reply {
	if off || !acceptsGzip(r.Header.Values("Accept-Encoding")) {
		return rp
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = zw.Write(rp.body)
	_ = zw.Close()
	rp.body = b.Bytes()
	rp.header.Set("Content-Encoding", "gzip")
	rp.header.Add("Vary", "Accept-Encoding")
	return rp
}

// acceptsGzip reads Accept-Encoding (RFC 9110 §12.5.3): gzip, or *, with a q-value
// other than 0.
func acceptsGzip(values []string) bool {
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(item, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != "gzip" && coding != "x-gzip" && coding != "*" {
				continue
			}
			q := strings.ReplaceAll(strings.ToLower(params), " ", "")
			if q == "q=0" || strings.HasPrefix(q, "q=0.") && strings.Trim(q[4:], "0") == "" {
				continue
			}
			return true
		}
	}
	return false
}

// splitEnvelope checks the SOAP 1.1 envelope: an optional Header, then a Body holding
// exactly one element.
func splitEnvelope(env *node) (header, body *node, f *ipsFault) {
	bad := func(why string) (*node, *node, *ipsFault) {
		return nil, nil, apiFault(codeInvalidRequestXML, "Invalid SOAP envelope: %s", why)
	}
	if env.Local != "Envelope" || env.Space != nsSOAP11 {
		return bad("the root must be a SOAP 1.1 Envelope (namespace " + nsSOAP11 + ")")
	}
	for i, k := range env.Kids {
		switch {
		case k.Space != nsSOAP11:
			return bad("unexpected element " + k.Local)
		case k.Local == "Header" && i == 0:
			header = k
		case k.Local == "Body" && body == nil:
			body = k
		default:
			return bad("unexpected or misplaced element " + k.Local)
		}
	}
	if body == nil {
		return bad("no Body")
	}
	if len(body.Kids) != 1 {
		return bad("the Body must hold exactly one operation element")
	}
	return header, body, nil
}
