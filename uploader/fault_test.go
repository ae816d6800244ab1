package uploader

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
)

func unmarshalDoc(doc []byte, v any) error { return xml.Unmarshal(doc, v) }

func TestParseUploadReply(t *testing.T) {
	const seedFault = `<?xml version='1.0' encoding='UTF-8'?><tns:authenticationFault xmlns:tns="http://www.scene7.com/IpsApi/xsd"><tns:code>10001</tns:code><tns:reason>Invalid username/password</tns:reason></tns:authenticationFault>`
	tests := []struct {
		name      string
		status    int
		body      string
		handle    string
		fault     *Fault
		transient bool // for a *ReplyError
	}{
		{name: "seed success", status: 200, body: `<?xml version='1.0' encoding='UTF-8'?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03">
  <jobHandle>j|2101||uploadFileServlet-1376682217351|54091</jobHandle>
</uploadPostReturn>`, handle: "j|2101||uploadFileServlet-1376682217351|54091"},
		{name: "seed success with its truncated declaration", status: 200, body: `'1.0' encoding='UTF-8'?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>j|1</jobHandle></uploadPostReturn>`, handle: "j|1"},
		{name: "fault with 200", status: 200, body: seedFault, fault: &Fault{Kind: AuthenticationFault, Code: 10001, Reason: "Invalid username/password", Status: 200}},
		{name: "fault with 500", status: 500, body: seedFault, fault: &Fault{Kind: AuthenticationFault, Code: 10001, Reason: "Invalid username/password", Status: 500}},
		{name: "ipsApiFault", status: 200, body: `<ipsApiFault xmlns="http://www.scene7.com/IpsApi/xsd"><code>30001</code><reason>bad</reason></ipsApiFault>`, fault: &Fault{Kind: IpsApiFault, Code: 30001, Reason: "bad", Status: 200}},
		{name: "soap fault", status: 500, body: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>x</faultstring><detail><ns:authorizationFault xmlns:ns="http://www.scene7.com/IpsApi/xsd"><ns:code>20000</ns:code><ns:reason>Invalid company</ns:reason></ns:authorizationFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`},
		// SOAP 1.2 (W3C SOAP 1.2 Part 1, 5.4): Code/Value, Reason/Text, Detail.
		{name: "soap 1.2 fault", status: 500, body: `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">x</env:Text></env:Reason><env:Detail><ns:authorizationFault xmlns:ns="http://www.scene7.com/IpsApi/xsd"><ns:code>20000</ns:code><ns:reason>Invalid company</ns:reason></ns:authorizationFault></env:Detail></env:Fault></env:Body></env:Envelope>`,
			fault: &Fault{Kind: AuthorizationFault, Code: CodeInvalidCompany, Reason: "Invalid company", Status: 500}},
		{name: "soap 1.2 fault without detail", status: 500, body: `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Unexpected subelement knockoutBackground</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`,
			fault: &Fault{Kind: "soapFault", Reason: "Unexpected subelement knockoutBackground", Status: 500}},
		{name: "html 500", status: 500, body: "<html><body><h1>Internal Server Error</h1></body></html>", transient: true},
		{name: "garbage 200", status: 200, body: "\x00\x01garbage", transient: true},
		{name: "empty 200", status: 200, body: "", transient: true},
		{name: "return without handle", status: 200, body: `<uploadPostReturn><jobHandle> </jobHandle></uploadPostReturn>`, transient: true},
		{name: "404 page", status: 404, body: "Not Found", transient: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			handle, err := ParseUploadReply(tt.status, strings.NewReader(tt.body))
			switch {
			case tt.handle != "":
				if err != nil || handle != tt.handle {
					t.Fatalf("got %q, %v; want %q", handle, err, tt.handle)
				}
			case tt.fault != nil:
				var f *Fault
				if !errors.As(err, &f) || *f != *tt.fault {
					t.Fatalf("got %#v; want fault %#v", err, tt.fault)
				}
			case tt.name == "soap fault":
				var f *Fault
				if !errors.As(err, &f) || f.Kind != AuthorizationFault || f.Code != CodeInvalidCompany {
					t.Fatalf("got %#v", err)
				}
			default:
				var re *ReplyError
				if !errors.As(err, &re) {
					t.Fatalf("got %v; want a *ReplyError", err)
				}
				if re.Transient() != tt.transient {
					t.Errorf("Transient() = %v, want %v", re.Transient(), tt.transient)
				}
			}
		})
	}
}

func TestParseUploadReplyBoundsMemory(t *testing.T) {
	huge := strings.NewReader(strings.Repeat("x", 10<<20))
	_, err := ParseUploadReply(200, huge)
	var re *ReplyError
	if !errors.As(err, &re) || len(re.Snippet) > 300 {
		t.Fatalf("got %v", err)
	}
	if huge.Len() == 0 {
		t.Error("read the whole 10 MiB body; replies must be bounded")
	}
}
