package uploader

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// soapServer answers one canned body and hands the request it got to check.
func soapServer(t *testing.T, status int, answer string, got func(r *http.Request, body string)) *API {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got(r, string(b))
		w.Header().Set("Content-Type", "text/xml;charset=utf-8")
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	ep, err := CustomEndpoint(Scene7, srv.URL+Scene7UploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	return &API{HTTP: srv.Client(), Conn: Conn{Endpoint: ep, Credentials: Credentials{User: "u@x.com", Password: "pw<&>"}}}
}

const envOpen = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>`
const envClose = `</soapenv:Body></soapenv:Envelope>`

func TestCheckLoginRequestAndAnswer(t *testing.T) {
	var action, body string
	api := soapServer(t, 200, envOpen+`<checkLoginReturn xmlns="`+Namespace+`"><status>ValidLogin</status></checkLoginReturn>`+envClose,
		func(r *http.Request, b string) { action, body = r.Header.Get("SOAPAction"), b })
	api.Company = "c|2101"
	valid, ex, err := api.CheckLogin(context.Background())
	if err != nil || !valid {
		t.Fatalf("valid=%v err=%v", valid, err)
	}
	if action != "checkLogin" {
		t.Errorf("SOAPAction %q", action)
	}
	// The envelope is well-formed and carries the credentials where the service wants them.
	var env struct {
		Header struct {
			Auth struct {
				XMLName  xml.Name
				User     string `xml:"user"`
				Password string `xml:"password"`
			} `xml:"authHeader"`
		} `xml:"Header"`
		Body struct {
			Param struct {
				XMLName  xml.Name
				Company  string `xml:"companyHandle"`
				Email    string `xml:"email"`
				Password string `xml:"password"`
			} `xml:"checkLoginParam"`
		} `xml:"Body"`
	}
	if err := xml.Unmarshal([]byte(body), &env); err != nil {
		t.Fatalf("request is not XML: %v\n%s", err, body)
	}
	if env.Header.Auth.XMLName.Space != FaultNamespace || env.Header.Auth.Password != "pw<&>" {
		t.Errorf("authHeader: %+v", env.Header.Auth)
	}
	if env.Body.Param.XMLName.Space != Namespace || env.Body.Param.Company != "c|2101" || env.Body.Param.Email != "u@x.com" || env.Body.Param.Password != "pw<&>" {
		t.Errorf("checkLoginParam: %+v", env.Body.Param)
	}
	if strings.Contains(ex.Request, "pw&lt;") || !strings.Contains(ex.Request, "<password>*</password>") {
		t.Errorf("the previewed request must mask the password:\n%s", ex.Request)
	}
}

func TestCheckLoginInvalidAndFault(t *testing.T) {
	api := soapServer(t, 200, envOpen+`<checkLoginReturn xmlns="`+Namespace+`"><status>InvalidLogin</status></checkLoginReturn>`+envClose, func(*http.Request, string) {})
	if valid, _, err := api.CheckLogin(context.Background()); valid || err != nil {
		t.Errorf("InvalidLogin: valid=%v err=%v", valid, err)
	}
	api = soapServer(t, 500, envOpen+`<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>auth</faultstring><detail><ns1:authenticationFault xmlns:ns1="`+FaultNamespace+`"><ns1:code>10001</ns1:code><ns1:reason>Invalid username/password</ns1:reason></ns1:authenticationFault></detail></soapenv:Fault>`+envClose, func(*http.Request, string) {})
	v, err := TestConnection(context.Background(), api.HTTP, Conn{Endpoint: api.Endpoint, Credentials: api.Credentials, Company: "c|1"})
	if err != nil || v.OK || v.Kind != VerdictFailed || !errors.As(v.Err, new(*Fault)) || v.Exchange.Status != 500 {
		t.Errorf("fault verdict: %+v, %v", v, err)
	}
	api = soapServer(t, 502, "<html>Bad gateway</html>", func(*http.Request, string) {})
	_, _, err = api.CheckLogin(context.Background())
	var re *ReplyError
	if !errors.As(err, &re) || !re.Transient() {
		t.Errorf("HTML answer: %v", err)
	}
}

func TestActiveJobsAndJobLogParse(t *testing.T) {
	var body string
	api := soapServer(t, 200, envOpen+`<getActiveJobsReturn xmlns="`+Namespace+`"><jobArray><items><jobHandle>j|1</jobHandle><name>spring</name><state>Running</state><startDate>2026-11-22T10:00:00.000Z</startDate><progress>40</progress></items><items><jobHandle>j|2</jobHandle><startDate>garbled</startDate></items></jobArray></getActiveJobsReturn>`+envClose,
		func(_ *http.Request, b string) { body = b })
	api.Company = "c|1"
	jobs, _, err := api.ActiveJobs(context.Background(), "")
	if err != nil || len(jobs) != 2 || jobs[0].JobHandle != "j|1" || jobs[0].State != "Running" || jobs[0].StartDate.IsZero() || jobs[1].StartDate.String() != "garbled" {
		t.Fatalf("jobs=%+v err=%v", jobs, err)
	}
	// The WSDL's sequence (docs/protocol.md §getActiveJobs): companyHandle?, jobHandle?,
	// originalName?, includeWaitingJobs?; waiting jobs are asked for.
	if _, _, err := api.ActiveJobs(context.Background(), "j|1"); err != nil {
		t.Fatal(err)
	}
	if want := `<getActiveJobsParam xmlns="` + Namespace + `"><companyHandle>c|1</companyHandle><jobHandle>j|1</jobHandle><includeWaitingJobs>true</includeWaitingJobs></getActiveJobsParam>`; !strings.Contains(body, want) {
		t.Errorf("request:\n%s\nwant it to hold\n%s", body, want)
	}
	api = soapServer(t, 200, envOpen+`<getJobLogDetailsReturn xmlns="`+Namespace+`"><jobLogArray><items><jobHandle>j|1</jobHandle><fileSuccessCount>2</fileSuccessCount><detailArray><items><logType>UploadSuccess</logType><assetName>a.jpg</assetName><logMessage>ok</logMessage></items></detailArray></items></jobLogArray></getJobLogDetailsReturn>`+envClose,
		func(_ *http.Request, b string) { body = b })
	api.Company = "c|1"
	logs, _, err := api.JobLog(context.Background(), "j|1")
	if err != nil || len(logs) != 1 || logs[0].FileSuccessCount != 2 || len(logs[0].Details) != 1 || logs[0].Details[0].AssetName != "a.jpg" {
		t.Fatalf("logs=%+v err=%v", logs, err)
	}
	if !strings.Contains(body, "<jobHandle>j|1</jobHandle>") || !strings.Contains(body, "<recordsPerPage>1000</recordsPerPage>") {
		t.Errorf("request: %s", body)
	}
}

func TestAPIRefusesPlainHTTPToRemoteHosts(t *testing.T) {
	api := &API{Conn: Conn{Endpoint: Endpoint{Service: Scene7, APIURL: "http://example.com/scene7/services/IpsApiService"}, Credentials: Credentials{User: "u", Password: "p"}}}
	_, _, err := api.CheckLogin(context.Background())
	if !errors.Is(err, ErrInsecureURL) {
		t.Fatalf("got %v", err)
	}
}

func TestDrSumTestConnection(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		if len(r.MultipartForm.File) != 0 || r.FormValue("dest_dir") == "" {
			http.Error(w, "probe must carry dest_dir and no file", 500)
			return
		}
		if u, p, _ := r.BasicAuth(); u != "apiuser01" || p != "password01" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"errors":[{"code":"NO_REQUIRED_PARAMETER","parameter":"file"}]}`)
	}))
	defer srv.Close()
	ep, err := CustomEndpoint(DrSum, srv.URL+DrSumUploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	good, err := TestConnection(context.Background(), srv.Client(), Conn{Endpoint: ep, Credentials: Credentials{User: "apiuser01", Password: "password01"}})
	if err != nil || !good.OK || strings.Contains(good.Exchange.Request, "password01") {
		t.Errorf("right password: %+v %v", good, err)
	}
	bad, err := TestConnection(context.Background(), srv.Client(), Conn{Endpoint: ep, Credentials: Credentials{User: "apiuser01", Password: "nope"}})
	if err != nil || bad.OK || bad.Kind != VerdictDrSumRejected || bad.Status != http.StatusUnauthorized {
		t.Errorf("wrong password: %+v %v", bad, err)
	}
}

func TestVerdictOfANetworkError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	ep, _ := CustomEndpoint(Scene7, url+Scene7UploadPath, "", false)
	v, err := TestConnection(context.Background(), nil, Conn{Endpoint: ep, Credentials: Credentials{User: "u", Password: "p"}})
	if err == nil || v.Kind != VerdictFailed || v.Err != err {
		t.Errorf("verdict %+v err %v", v, err)
	}
}

func TestDrSumTestConnectionNeedsADrSumCode(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Bad Request", http.StatusBadRequest) // a proxy, not Dr.Sum
	}))
	defer srv.Close()
	ep, _ := CustomEndpoint(DrSum, srv.URL+DrSumUploadPath, "", false)
	v, err := TestConnection(context.Background(), srv.Client(), Conn{Endpoint: ep, Credentials: Credentials{User: "u", Password: "p"}})
	if err != nil || v.OK || v.Kind != VerdictDrSumNoCode {
		t.Errorf("a bare 400 must not pass as a login: %+v %v", v, err)
	}
}

func TestTestConnectionShowsTheCertificate(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, envOpen+`<checkLoginReturn xmlns="`+Namespace+`"><status>ValidLogin</status></checkLoginReturn>`+envClose)
	}))
	defer srv.Close()
	ep, err := CustomEndpoint(Scene7, srv.URL+Scene7UploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	cred := Credentials{User: "u@x", Password: "p"}
	v, err := TestConnection(context.Background(), srv.Client(), Conn{Endpoint: ep, Credentials: cred, Company: "c|1"})
	if err != nil || !v.OK {
		t.Fatalf("%+v %v", v, err)
	}
	cert := srv.Certificate()
	tls := v.Exchange.TLS
	if tls == nil || tls.Subject != cert.Subject.String() || tls.Issuer != cert.Issuer.String() || !tls.NotAfter.Equal(cert.NotAfter) {
		t.Errorf("certificate shown as %+v, want subject %q issuer %q expiry %v", tls, cert.Subject, cert.Issuer, cert.NotAfter)
	}
	// An unverifiable certificate stops the request before the password is sent.
	v, err = TestConnection(context.Background(), &http.Client{}, Conn{Endpoint: ep, Credentials: cred, Company: "c|1"})
	if err == nil || v.OK || !BadCertificate(v.Err) {
		t.Errorf("self-signed certificate accepted or badly explained: %+v %v", v, err)
	}
}
