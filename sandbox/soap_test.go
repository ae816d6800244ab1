package sandbox

import (
	"compress/gzip"
	"encoding/base64"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"
)

// envelope builds a SOAP 1.1 request with an optional SOAP header.
func envelope(header, body string) string {
	s := `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="` + nsSOAP11 + `">`
	if header != "" {
		s += `<soapenv:Header>` + header + `</soapenv:Header>`
	}
	return s + `<soapenv:Body>` + body + `</soapenv:Body></soapenv:Envelope>`
}

// soapAuth is an authHeader for the SOAP header (unversioned namespace).
func soapAuth(user, password string, status int) string {
	return strings.Replace(authXML(user, password, status), nsIPS2014, nsIPS, 1)
}

func checkLoginBody(email, password string) string {
	return `<checkLoginParam xmlns="` + nsIPS2014 + `"><email>` + email + `</email><password>` + password + `</password></checkLoginParam>`
}

// soapCall posts an envelope with a SOAPAction header ("-" sends none).
func soapCall(t *testing.T, r *Running, action, env string, header ...string) answer {
	t.Helper()
	h := header
	if action != "-" {
		h = append([]string{"SOAPAction", `"` + action + `"`}, h...)
	}
	status, ct, body := post(t, r.Scene7APIURL(), "text/xml; charset=UTF-8", []byte(env), h...)
	if ct != xmlContentType {
		t.Errorf("Content-Type %q", ct)
	}
	return answer{status, body}
}

// soapFault is the part of a SOAP fault the tests look at.
type soapFault struct {
	Body struct {
		Fault struct {
			Code   string `xml:"faultcode"`
			String string `xml:"faultstring"`
			Detail struct {
				Inner bareFault `xml:",any"`
			} `xml:"detail"`
		} `xml:"Fault"`
	} `xml:"Body"`
}

func mustSOAPFault(t *testing.T, a answer, wantStatus int, kind string, code int) soapFault {
	t.Helper()
	var f soapFault
	if err := xml.Unmarshal([]byte(a.body), &f); err != nil || a.status != wantStatus ||
		f.Body.Fault.Detail.Inner.XMLName.Local != kind || f.Body.Fault.Detail.Inner.XMLName.Space != nsIPS ||
		f.Body.Fault.Detail.Inner.Code != code || f.Body.Fault.String == "" {
		t.Fatalf("want HTTP %d soap fault %s %d, got %d %s", wantStatus, kind, code, a.status, a.body)
	}
	return f
}

func TestCheckLogin(t *testing.T) {
	r := start(t, Config{})
	auth := soapAuth(DemoUser, DemoPassword, 0)
	var ret struct {
		Status string `xml:"Body>checkLoginReturn>status"`
	}
	for _, tc := range []struct{ email, password, want string }{
		{DemoUser, DemoPassword, "ValidLogin"},
		{strings.ToUpper(DemoUser), DemoPassword, "ValidLogin"},
		{DemoUser, "wrong", "InvalidLogin"},
		{"x@y", DemoPassword, "InvalidLogin"},
	} {
		a := soapCall(t, r, "checkLogin", envelope(auth, checkLoginBody(tc.email, tc.password)))
		if err := xml.Unmarshal([]byte(a.body), &ret); err != nil || a.status != 200 || ret.Status != tc.want {
			t.Errorf("%s/%s: %d %s", tc.email, tc.password, a.status, a.body)
		}
	}
	// HTTP Basic auth instead of the authHeader; an authHeader in the versioned namespace.
	a := soapCall(t, r, "checkLogin", envelope("", checkLoginBody(DemoUser, DemoPassword)),
		"Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(DemoUser+":"+DemoPassword)))
	if !strings.Contains(a.body, "<status>ValidLogin</status>") {
		t.Errorf("basic auth: %s", a.body)
	}
	a = soapCall(t, r, "checkLogin", envelope(authXML(DemoUser, DemoPassword, 0), checkLoginBody(DemoUser, DemoPassword)))
	if !strings.Contains(a.body, "<status>ValidLogin</status>") {
		t.Errorf("versioned authHeader: %s", a.body)
	}
	// gzipResponse: the answer is compressed for a client that accepts gzip.
	gz := `<authHeader xmlns="` + nsIPS + `"><user>` + DemoUser + `</user><password>` + DemoPassword + `</password><gzipResponse>true</gzipResponse></authHeader>`
	req, _ := http.NewRequest(http.MethodPost, r.Scene7APIURL(), strings.NewReader(envelope(gz, checkLoginBody(DemoUser, DemoPassword))))
	req.Header.Set("Content-Type", "text/xml; charset=UTF-8")
	req.Header.Set("SOAPAction", "checkLogin")
	req.Header.Set("Accept-Encoding", "gzip") // set by hand: net/http then leaves the body compressed
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body)
	if err != nil || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip answer: %v %v", err, resp.Header)
	}
	if b, _ := io.ReadAll(zr); !strings.Contains(string(b), "<status>ValidLogin</status>") {
		t.Errorf("gzip body %q", b)
	}
	if reqs := r.Requests(); reqs[0].Operation != "checkLogin" || reqs[0].User != DemoUser {
		t.Errorf("recorded %+v", reqs[0])
	}
}

// TestGzipByDefault: answers are gzip-compressed whenever Accept-Encoding allows it, unless
// the authHeader's gzipResponse is false (docs/protocol.md §authHeader); faults too.
func TestGzipByDefault(t *testing.T) {
	r := start(t, Config{})
	header := func(gzipResponse string) string {
		return `<authHeader xmlns="` + nsIPS + `"><user>` + DemoUser + `</user><password>` + DemoPassword + `</password>` + gzipResponse + `</authHeader>`
	}
	for _, tc := range []struct {
		name, auth, body, accept string
		gzipped                  bool
	}{
		{"default", header(""), checkLoginBody(DemoUser, DemoPassword), "gzip", true},
		{"default, gzip among others", header(""), checkLoginBody(DemoUser, DemoPassword), "deflate, gzip;q=0.5", true},
		{"gzipResponse true", header("<gzipResponse>true</gzipResponse>"), checkLoginBody(DemoUser, DemoPassword), "gzip", true},
		{"gzipResponse false", header("<gzipResponse>false</gzipResponse>"), checkLoginBody(DemoUser, DemoPassword), "gzip", false},
		{"gzipResponse 0", header("<gzipResponse>0</gzipResponse>"), checkLoginBody(DemoUser, DemoPassword), "gzip", false},
		{"gzip refused", header("<gzipResponse>true</gzipResponse>"), checkLoginBody(DemoUser, DemoPassword), "gzip;q=0", false},
		{"no Accept-Encoding", header(""), checkLoginBody(DemoUser, DemoPassword), "", false},
		{"a fault", header(""), `<checkLoginParam xmlns="` + nsIPS2014 + `"><password>p</password></checkLoginParam>`, "gzip", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, r.Scene7APIURL(), strings.NewReader(envelope(tc.auth, tc.body)))
			req.Header.Set("Content-Type", "text/xml; charset=UTF-8")
			req.Header.Set("SOAPAction", "checkLogin")
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept) // set by hand: net/http then leaves the body as sent
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body io.Reader = resp.Body
			if gz := resp.Header.Get("Content-Encoding") == "gzip"; gz != tc.gzipped {
				t.Fatalf("Content-Encoding %q, want gzip %v", resp.Header.Get("Content-Encoding"), tc.gzipped)
			} else if gz {
				if body, err = gzip.NewReader(resp.Body); err != nil {
					t.Fatal(err)
				}
			}
			if b, _ := io.ReadAll(body); !strings.Contains(string(b), "soapenv:Envelope") {
				t.Errorf("body %q", b)
			}
		})
	}
}

func TestSOAPFaults(t *testing.T) {
	r := start(t, Config{})
	good := soapAuth(DemoUser, DemoPassword, 0)
	login := checkLoginBody(DemoUser, DemoPassword)
	for _, tc := range []struct {
		name, action, env string
		status            int
		kind              string
		code              int
		faultcode         string
	}{
		{"wrong password", "checkLogin", envelope(soapAuth(DemoUser, "x", 0), login), 500, "authenticationFault", 10001, "soapenv:Server"},
		{"wrong password, status 200", "checkLogin", envelope(soapAuth(DemoUser, "x", 200), login), 200, "authenticationFault", 10001, "soapenv:Server"},
		{"no credentials", "checkLogin", envelope("", login), 500, "authenticationFault", 10000, "soapenv:Server"},
		{"unknown company", "checkLogin", envelope(good, strings.Replace(login, "<email>", "<companyHandle>c|1</companyHandle><email>", 1)), 500, "authorizationFault", 20000, "soapenv:Server"},
		{"not XML", "checkLogin", "hello", 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"SOAP 1.2 envelope", "checkLogin", strings.Replace(envelope(good, login), nsSOAP11, "http://www.w3.org/2003/05/soap-envelope", 1), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"no body", "checkLogin", `<soapenv:Envelope xmlns:soapenv="` + nsSOAP11 + `"><soapenv:Header/></soapenv:Envelope>`, 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"two operations", "checkLogin", envelope(good, login+login), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"no SOAPAction", "-", envelope(good, login), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"SOAPAction mismatch", "getActiveJobs", envelope(good, login), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"unknown operation", "searchAssets", envelope(good, `<searchAssetsParam xmlns="`+nsIPS2014+`"/>`), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"wrong body namespace", "checkLogin", envelope(good, strings.Replace(login, nsIPS2014, nsIPS, 1)), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"missing email", "checkLogin", envelope(good, `<checkLoginParam xmlns="`+nsIPS2014+`"><password>p</password></checkLoginParam>`), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"out of order", "checkLogin", envelope(good, `<checkLoginParam xmlns="`+nsIPS2014+`"><password>p</password><email>e</email></checkLoginParam>`), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"versioned authHeader out of order", "checkLogin", envelope(`<authHeader xmlns="`+nsIPS2014+`"><password>sandbox</password><user>demo@hoist.local</user><appName>a</appName><appVersion>1</appVersion></authHeader>`, login), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"versioned authHeader without appName", "checkLogin", envelope(`<authHeader xmlns="`+nsIPS2014+`"><user>demo@hoist.local</user><password>sandbox</password><appVersion>1</appVersion></authHeader>`, login), 500, "ipsApiFault", 30003, "soapenv:Client"},
		{"unversioned authHeader repeats user", "checkLogin", envelope(`<authHeader xmlns="`+nsIPS+`"><user>demo@hoist.local</user><password>sandbox</password><user>x</user></authHeader>`, login), 500, "ipsApiFault", 30003, "soapenv:Client"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := mustSOAPFault(t, soapCall(t, r, tc.action, tc.env), tc.status, tc.kind, tc.code)
			if f.Body.Fault.Code != tc.faultcode {
				t.Errorf("faultcode %q", f.Body.Fault.Code)
			}
		})
	}
	status, _, body := post(t, r.Scene7APIURL(), "application/soap+xml", []byte(envelope(good, login)), "SOAPAction", "checkLogin")
	mustSOAPFault(t, answer{status, body}, 500, "ipsApiFault", 30003)
	resp, err := http.Get(r.Scene7APIURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %d", resp.StatusCode)
	}
}

type activeJobs struct {
	Items []struct {
		CompanyHandle   string `xml:"companyHandle"`
		JobHandle       string `xml:"jobHandle"`
		Name            string `xml:"name"`
		OriginalName    string `xml:"originalName"`
		Type            string `xml:"type"`
		State           string `xml:"state"`
		SubmitUserEmail string `xml:"submitUserEmail"`
		StartDate       string `xml:"startDate"`
		Progress        int    `xml:"progress"`
		UploadPostJob   struct {
			Overwrite    string `xml:"overwrite"`
			EmailSetting string `xml:"emailSetting"`
		} `xml:"uploadPostJob"`
	} `xml:"Body>getActiveJobsReturn>jobArray>items"`
}

func TestGetActiveJobs(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	running := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("running", "", minimalJob)), filePart("f", "a.jpg", []byte("a"))))
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("ended", "<endJob>true</endJob>", minimalJob))))
	other := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("other", "", minimalJob))))

	call := func(param string) activeJobs {
		t.Helper()
		a := soapCall(t, r, "getActiveJobs", envelope(soapAuth(DemoUser, DemoPassword, 0),
			`<getActiveJobsParam xmlns="`+nsIPS2014+`">`+param+`</getActiveJobsParam>`))
		var ret activeJobs
		if err := xml.Unmarshal([]byte(a.body), &ret); err != nil || a.status != 200 {
			t.Fatalf("%d %s", a.status, a.body)
		}
		return ret
	}
	all := call("")
	if len(all.Items) != 2 || all.Items[0].JobHandle != running || all.Items[1].JobHandle != other {
		t.Fatalf("active jobs %+v", all.Items)
	}
	it := all.Items[0]
	if it.CompanyHandle != DemoCompany || it.Name != "running" || it.OriginalName != "running" || it.Type != "UploadFile" ||
		it.State != "Running" || it.SubmitUserEmail != DemoUser || it.StartDate == "" || it.Progress != 1 ||
		it.UploadPostJob.Overwrite != "true" || it.UploadPostJob.EmailSetting != "None" {
		t.Errorf("item %+v", it)
	}
	if got := call("<companyHandle>" + DemoCompany + "</companyHandle><jobHandle>" + xmlEscape(other) + "</jobHandle>"); len(got.Items) != 1 || got.Items[0].Name != "other" {
		t.Errorf("by handle %+v", got.Items)
	}
	if got := call("<originalName>running</originalName>"); len(got.Items) != 1 || got.Items[0].JobHandle != running {
		t.Errorf("by name %+v", got.Items)
	}
	r.ExpireJobs()
	if got := call(""); len(got.Items) != 0 {
		t.Errorf("expired jobs listed: %+v", got.Items)
	}
}

type jobLogs struct {
	Items []struct {
		JobHandle          string `xml:"jobHandle"`
		JobName            string `xml:"jobName"`
		LogType            string `xml:"logType"`
		StartDate          string `xml:"startDate"`
		EndDate            string `xml:"endDate"`
		FileSuccessCount   int    `xml:"fileSuccessCount"`
		FileWarningCount   int    `xml:"fileWarningCount"`
		FileDuplicateCount int    `xml:"fileDuplicateCount"`
		TotalFileCount     int    `xml:"totalFileCount"`
		DetailTotalRows    int    `xml:"detailTotalRows"`
		Details            []struct {
			LogMessage  string `xml:"logMessage"`
			LogType     string `xml:"logType"`
			DateCreated string `xml:"dateCreated"`
			AssetName   string `xml:"assetName"`
			AssetType   string `xml:"assetType"`
		} `xml:"detailArray>items"`
	} `xml:"Body>getJobLogDetailsReturn>jobLogArray>items"`
}

func TestGetJobLogDetails(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	noOverwrite := strings.Replace(minimalJob, "<overwrite>true", "<overwrite>false", 1)
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("seed", "<endJob>true</endJob>", minimalJob)), filePart("f", "x.jpg", []byte("x"))))
	h := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("logged", "<destFolder>d/</destFolder>", noOverwrite)),
		filePart("f", "a.jpg", jpg("a")), filePart("g", "b.mp4", []byte("b"))))
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", laterParams(h, "<endJob>true</endJob>")), filePart("f", "x.jpg", []byte("dup"))))
	open := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("open", "", minimalJob))))

	call := func(param string) (jobLogs, answer) {
		t.Helper()
		a := soapCall(t, r, "getJobLogDetails", envelope(soapAuth(DemoUser, DemoPassword, 0),
			`<getJobLogDetailsParam xmlns="`+nsIPS2014+`"><companyHandle>c|2101</companyHandle>`+param+`</getJobLogDetailsParam>`))
		var ret jobLogs
		_ = xml.Unmarshal([]byte(a.body), &ret)
		return ret, a
	}
	all, _ := call("")
	if len(all.Items) != 3 || all.Items[2].JobHandle != open || all.Items[2].LogType != "BeginUpload" || all.Items[2].EndDate != "" {
		t.Fatalf("job logs %+v", all.Items)
	}
	got, _ := call("<jobHandle>" + xmlEscape(h) + "</jobHandle>")
	if len(got.Items) != 1 {
		t.Fatalf("by handle %+v", got.Items)
	}
	l := got.Items[0]
	if l.JobName != "logged" || l.LogType != "EndUpload" || l.EndDate == "" || l.FileSuccessCount != 2 ||
		l.FileDuplicateCount != 1 || l.FileWarningCount != 1 || l.TotalFileCount != 3 || l.DetailTotalRows != 8 || len(l.Details) != 8 {
		t.Fatalf("log %+v", l)
	}
	var types []string
	for _, d := range l.Details {
		types = append(types, d.LogType)
		if d.DateCreated == "" || d.LogMessage == "" {
			t.Errorf("detail %+v", d)
		}
	}
	if strings.Join(types, " ") != "BeginUpload FileBegin FileBegin FileBegin DuplicateSkipped UploadSuccess UploadSuccess EndUpload" {
		t.Errorf("types %v", types)
	}
	if l.Details[1].AssetName != "a" || l.Details[1].AssetType != "Image" || l.Details[2].AssetType != "Video" || l.Details[4].AssetName != "x" {
		t.Errorf("details %+v", l.Details)
	}

	// Paging, type filter and order apply to the details.
	got, _ = call("<originalName>logged</originalName><logTypeArray><items>UploadSuccess</items><items>DuplicateSkipped</items></logTypeArray><recordsPerPage>2</recordsPerPage><resultsPage>1</resultsPage><sortBy>Date</sortBy><sortDirection>Descending</sortDirection>")
	if len(got.Items) != 1 || got.Items[0].DetailTotalRows != 3 || len(got.Items[0].Details) != 2 || got.Items[0].Details[0].LogType != "UploadSuccess" {
		t.Errorf("filtered %+v", got.Items)
	}
	got, _ = call("<jobHandle>" + xmlEscape(h) + "</jobHandle><recordsPerPage>3</recordsPerPage><resultsPage>3</resultsPage>")
	if len(got.Items[0].Details) != 2 || got.Items[0].Details[1].LogType != "EndUpload" {
		t.Errorf("page 3 %+v", got.Items[0].Details)
	}
	_, a := call("<recordsPerPage>1001</recordsPerPage>")
	mustSOAPFault(t, a, 500, "ipsApiFault", 30001)
	_, a = call("<sortBy>Name</sortBy>")
	mustSOAPFault(t, a, 500, "ipsApiFault", 30001)
	a = soapCall(t, r, "getJobLogDetails", envelope(soapAuth(DemoUser, DemoPassword, 200), `<getJobLogDetailsParam xmlns="`+nsIPS2014+`"><companyHandle>c|7</companyHandle></getJobLogDetailsParam>`))
	mustSOAPFault(t, a, 200, "authorizationFault", 20000)
}
