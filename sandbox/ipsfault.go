package sandbox

import (
	"fmt"
	"net/http"
	"strings"
)

// Namespaces of the IPS API. Faults and the SOAP authHeader live in the unversioned
// namespace; request and response bodies in the versioned one.
const (
	nsIPS     = "http://www.scene7.com/IpsApi/xsd"
	nsIPS2014 = "http://www.scene7.com/IpsApi/xsd/2014-04-03"
	nsSOAP11  = "http://schemas.xmlsoap.org/soap/envelope/"
)

// IPS fault element names.
const (
	authenticationFault = "authenticationFault"
	authorizationFault  = "authorizationFault"
	ipsAPIFault         = "ipsApiFault"
)

// IPS fault codes the sandbox answers with (docs/protocol.md §Faults).
const (
	codeNoCredentials      = 10000
	codeInvalidCredentials = 10001
	codeInvalidCompany     = 20000
	codeException          = 30000
	codeInvalidParameter   = 30001
	codeMissingParameter   = 30002
	codeInvalidRequestXML  = 30003
)

// ipsFault is one IPS API fault: the whole body of an UploadFile answer, or the detail
// of a SOAP fault.
type ipsFault struct {
	kind   string
	code   int
	reason string
}

func (f *ipsFault) Error() string { return fmt.Sprintf("%s %d: %s", f.kind, f.code, f.reason) }

// label is how a fault is recorded in Request.Fault.
func (f *ipsFault) label() string { return fmt.Sprintf("%s %d", f.kind, f.code) }

func authFault(code int, format string, args ...any) *ipsFault {
	return &ipsFault{authenticationFault, code, fmt.Sprintf(format, args...)}
}

func companyFault(company string) *ipsFault {
	return &ipsFault{authorizationFault, codeInvalidCompany, fmt.Sprintf("Invalid company: %q", company)}
}

func apiFault(code int, format string, args ...any) *ipsFault {
	return &ipsFault{ipsAPIFault, code, fmt.Sprintf(format, args...)}
}

// element renders the bare fault element, as in Adobe's error example (docs/protocol.md §Faults).
func (f *ipsFault) element() string {
	var sb strings.Builder
	sb.WriteString(`<tns:` + f.kind + ` xmlns:tns="` + nsIPS + `"><tns:code>`)
	fmt.Fprintf(&sb, "%d", f.code)
	sb.WriteString(`</tns:code><tns:reason>`)
	xmlText(&sb, f.reason)
	sb.WriteString(`</tns:reason></tns:` + f.kind + `>`)
	return sb.String()
}

const xmlDecl = `<?xml version='1.0' encoding='UTF-8'?>`

const xmlContentType = "text/xml;charset=utf-8"

// bareFaultReply is the UploadFile servlet's answer to a failed POST.
func bareFaultReply(f *ipsFault, status int) reply {
	return xmlReply(status, xmlDecl+f.element())
}

// soapFaultReply wraps the fault in a SOAP 1.1 Fault. Request errors the client must fix
// before retrying are soapenv:Client, everything else soapenv:Server.
func soapFaultReply(f *ipsFault, status int) reply {
	code := "soapenv:Server"
	if f.kind == ipsAPIFault && f.code != codeException {
		code = "soapenv:Client"
	}
	var sb strings.Builder
	sb.WriteString(xmlDecl + `<soapenv:Envelope xmlns:soapenv="` + nsSOAP11 + `"><soapenv:Body><soapenv:Fault>`)
	sb.WriteString(`<faultcode>` + code + `</faultcode><faultstring>`)
	xmlText(&sb, f.reason)
	sb.WriteString(`</faultstring><detail>` + f.element() + `</detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
	return xmlReply(status, sb.String())
}

// faultStatus is the HTTP status of a fault: the authHeader's faultHttpStatusCode when
// it gave a usable one, 500 otherwise.
func faultStatus(requested int) int {
	if requested >= 200 && requested <= 599 {
		return requested
	}
	return http.StatusInternalServerError
}
