package uploader

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// The IPS SOAP operations an upload client needs: checkLogin (Test connection), getActiveJobs
// and getJobLogDetails (the admin view and the server-side job log). SOAP 1.1,
// document/literal; credentials in an authHeader in the SOAP header.

// API calls the IPS SOAP service of one Scene7 connection.
type API struct {
	HTTP *http.Client // nil: http.DefaultClient
	Conn
}

// Exchange is what one call sent and received, for the Details views: the request with the
// password replaced by "*", the raw answer (bounded), how long it took, and the server's
// certificate for https.
type Exchange struct {
	Operation string
	URL       string
	Request   string
	Status    int
	Response  string
	Duration  time.Duration
	TLS       *CertInfo
}

// CertInfo describes the certificate a https server presented.
type CertInfo struct {
	Subject  string
	Issuer   string
	NotAfter time.Time
	// Root is the name of the authority the verified chain ends in. Private is true
	// when that authority is not a public one (publicroots.go): the company's own, as
	// when it inspects HTTPS, or a private server's. Not a failure: the system trusts it.
	Root    string
	Private bool
}

type soapAuthHeader struct {
	XMLName             xml.Name `xml:"http://www.scene7.com/IpsApi/xsd authHeader"`
	User                string   `xml:"user"`
	Password            string   `xml:"password"`
	Locale              string   `xml:"locale,omitempty"`
	AppName             string   `xml:"appName"`    // sent always, as in the UploadFile auth part
	AppVersion          string   `xml:"appVersion"` // (docs/protocol.md, "authHeader")
	FaultHTTPStatusCode int      `xml:"faultHttpStatusCode,omitempty"`
}

type envelope struct {
	XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Envelope"`
	Header  struct {
		Auth soapAuthHeader
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Header"`
	Body struct {
		Payload any
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

func (a *API) envelope(payload any, password string) ([]byte, error) {
	var env envelope
	h := NewAuthHeader(a.Credentials)
	env.Header.Auth = soapAuthHeader{User: h.User, Password: password, Locale: h.Locale, AppName: h.AppName, AppVersion: h.AppVersion}
	env.Body.Payload = payload
	return document(env)
}

// call posts one operation. maskedPayload is the same payload with passwords as "*", used
// for Exchange.Request. out receives the first element of the SOAP body.
func (a *API) call(ctx context.Context, op string, payload, maskedPayload any, out any) (Exchange, error) {
	ex := Exchange{Operation: op, URL: a.Endpoint.APIURL}
	if err := CheckURL(a.Endpoint.APIURL, false); err != nil {
		return ex, err
	}
	masked, err := a.envelope(maskedPayload, "*")
	if err != nil {
		return ex, err
	}
	ex.Request = string(masked)
	body, err := a.envelope(payload, a.Credentials.Password)
	if err != nil {
		return ex, err
	}
	tctx, connected := connTrace(ctx)
	req, err := http.NewRequestWithContext(tctx, http.MethodPost, a.Endpoint.APIURL, bytes.NewReader(body))
	if err != nil {
		return ex, fmt.Errorf("%s: %w", op, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=UTF-8")
	req.Header.Set("SOAPAction", op)
	req.Header.Set("User-Agent", "Hoist/"+Version)
	client, err := httpFor(a.HTTP, a.Conn.Network)
	if err != nil {
		return ex, fmt.Errorf("%s: %w", op, err)
	}
	start := time.Now()
	resp, err := client.Do(req)
	ex.Duration = time.Since(start)
	if err != nil {
		return ex, fmt.Errorf("%s: %w", op, namedProxy(client, req, err, connected.Load()))
	}
	defer resp.Body.Close()
	ex.Status = resp.StatusCode
	if pa := proxyLoginAnswer(client, req, resp.StatusCode); pa != nil {
		return ex, fmt.Errorf("%s: %w", op, pa)
	}
	ex.TLS = certInfo(resp)
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	ex.Duration = time.Since(start)
	ex.Response = string(data)
	if err != nil {
		return ex, fmt.Errorf("%s: reading the answer: %w", op, apiReply(req, resp, data, err))
	}
	root, err := firstElement(data)
	if err != nil {
		return ex, fmt.Errorf("%s: %w", op, apiReply(req, resp, data, nil))
	}
	if f, ok := parseFault(root, data, resp.StatusCode); ok {
		return ex, fmt.Errorf("%s: %w", op, f)
	}
	if resp.StatusCode/100 != 2 || root.Name.Local != op+"Return" {
		return ex, fmt.Errorf("%s: %w", op, apiReply(req, resp, data, nil))
	}
	if err := xml.NewDecoder(bytes.NewReader(data[root.offset:])).Decode(out); err != nil {
		return ex, fmt.Errorf("%s: %w", op, apiReply(req, resp, data, err))
	}
	return ex, nil
}

// apiReply is a SOAP answer that is not the operation's answer nor a fault: an HTML page
// (a proxy's, a sign-in page), a redirect, a busy or failing server, garbage; err is the
// failure to read or decode it, if any. It is marked API, so that it is said as an answer
// of the Scene7 API, not of an upload (Test connection, hoist jobs, job-log).
func apiReply(req *http.Request, resp *http.Response, data []byte, err error) *ReplyError {
	re := &ReplyError{Status: resp.StatusCode, Host: req.URL.Host, ContentType: resp.Header.Get("Content-Type"), Snippet: snippet(data), Err: err,
		Location: resp.Header.Get("Location"), RetryAfter: retryAfter(resp, time.Now()), API: true}
	if looksHTML(re.ContentType, data) {
		re.Kind = ReplyHTML
	}
	return re
}

func certInfo(resp *http.Response) *CertInfo {
	if resp.TLS == nil || len(resp.TLS.PeerCertificates) == 0 {
		return nil
	}
	c := resp.TLS.PeerCertificates[0]
	info := &CertInfo{Subject: c.Subject.String(), Issuer: c.Issuer.String(), NotAfter: c.NotAfter}
	info.Root, info.Private = chainRoot(resp.TLS.VerifiedChains)
	return info
}

type checkLoginParam struct {
	XMLName       xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 checkLoginParam"`
	CompanyHandle string   `xml:"companyHandle,omitempty"`
	Email         string   `xml:"email"`
	Password      string   `xml:"password"`
}

// CheckLogin asks whether the credentials are valid, for the company when one is given.
func (a *API) CheckLogin(ctx context.Context) (valid bool, ex Exchange, err error) {
	p := checkLoginParam{CompanyHandle: a.Company, Email: a.Credentials.User, Password: a.Credentials.Password}
	masked := p
	masked.Password = "*"
	var out struct {
		Status string `xml:"status"`
	}
	ex, err = a.call(ctx, "checkLogin", p, masked, &out)
	if err != nil {
		return false, ex, err
	}
	switch strings.TrimSpace(out.Status) {
	case "ValidLogin":
		return true, ex, nil
	case "InvalidLogin":
		return false, ex, nil
	}
	return false, ex, fmt.Errorf("checkLogin: %w", &ReplyError{Status: ex.Status, Snippet: "status " + out.Status, API: true})
}

// Timestamp is an xsd:dateTime read leniently: IPS dates come with or without fractions
// and zones, and an unreadable one must not lose the rest of a job list.
type Timestamp struct {
	time.Time
	Raw string
}

func (t *Timestamp) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	if err := d.DecodeElement(&t.Raw, &start); err != nil {
		return err
	}
	t.Raw = strings.TrimSpace(t.Raw)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05"} {
		if v, err := time.Parse(layout, t.Raw); err == nil {
			t.Time = v
			return nil
		}
	}
	return nil
}

func (t Timestamp) String() string {
	if t.IsZero() {
		return t.Raw
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

// ActiveJob is one job the server is running or waiting on.
type ActiveJob struct {
	CompanyHandle      string    `xml:"companyHandle"`
	JobHandle          string    `xml:"jobHandle"`
	Name               string    `xml:"name"`
	OriginalName       string    `xml:"originalName"`
	Type               string    `xml:"type"`
	State              string    `xml:"state"`
	SubmitUserEmail    string    `xml:"submitUserEmail"`
	Locale             string    `xml:"locale"`
	Description        string    `xml:"description"`
	ServerName         string    `xml:"serverName"`
	StartDate          Timestamp `xml:"startDate"`
	TotalSize          int64     `xml:"totalSize"`
	Progress           float64   `xml:"progress"`
	ProgressMessage    string    `xml:"progressMessage"`
	LastProgressUpdate Timestamp `xml:"lastProgressUpdate"`
}

type getActiveJobsParam struct {
	XMLName            xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 getActiveJobsParam"`
	CompanyHandle      string   `xml:"companyHandle,omitempty"`
	JobHandle          string   `xml:"jobHandle,omitempty"`
	IncludeWaitingJobs bool     `xml:"includeWaitingJobs"`
}

// ActiveJobs lists the company's active jobs, or the one named by jobHandle. Waiting jobs
// are asked for too: what "waiting" covers is not documented, and an upload job between
// two POSTs may well be one (its state WaitingClient); a job left out would be taken for
// gone (docs/protocol.md §getActiveJobs).
func (a *API) ActiveJobs(ctx context.Context, jobHandle string) ([]ActiveJob, Exchange, error) {
	p := getActiveJobsParam{CompanyHandle: a.Company, JobHandle: jobHandle, IncludeWaitingJobs: true}
	var out struct {
		Jobs []ActiveJob `xml:"jobArray>items"`
	}
	ex, err := a.call(ctx, "getActiveJobs", p, p, &out)
	return out.Jobs, ex, err
}

// JobLog is the server's log of one job.
type JobLog struct {
	CompanyHandle      string      `xml:"companyHandle"`
	JobHandle          string      `xml:"jobHandle"`
	JobName            string      `xml:"jobName"`
	OriginalJobName    string      `xml:"originalJobName"`
	SubmitUserEmail    string      `xml:"submitUserEmail"`
	LogType            string      `xml:"logType"`
	JobSubType         string      `xml:"jobSubType"`
	StartDate          Timestamp   `xml:"startDate"`
	EndDate            Timestamp   `xml:"endDate"`
	Description        string      `xml:"description"`
	FileSuccessCount   int         `xml:"fileSuccessCount"`
	FileErrorCount     int         `xml:"fileErrorCount"`
	FileWarningCount   int         `xml:"fileWarningCount"`
	FileDuplicateCount int         `xml:"fileDuplicateCount"`
	FileUpdateCount    int         `xml:"fileUpdateCount"`
	TotalFileCount     int         `xml:"totalFileCount"`
	FatalError         string      `xml:"fatalError"`
	DetailTotalRows    int         `xml:"detailTotalRows"` // details before paging
	Details            []LogDetail `xml:"detailArray>items"`
}

// LogDetail is one line of a job log.
type LogDetail struct {
	LogMessage  string    `xml:"logMessage"`
	LogType     string    `xml:"logType"`
	Date        Timestamp `xml:"dateCreated"`
	AssetName   string    `xml:"assetName"`
	AssetType   string    `xml:"assetType"`
	AssetHandle string    `xml:"assetHandle"`
}

type getJobLogDetailsParam struct {
	XMLName        xml.Name `xml:"http://www.scene7.com/IpsApi/xsd/2014-04-03 getJobLogDetailsParam"`
	CompanyHandle  string   `xml:"companyHandle"`
	JobHandle      string   `xml:"jobHandle,omitempty"`
	RecordsPerPage int      `xml:"recordsPerPage,omitempty"`
	ResultsPage    int      `xml:"resultsPage,omitempty"`
	SortBy         string   `xml:"sortBy,omitempty"`
	SortDirection  string   `xml:"sortDirection,omitempty"`
}

// maxLogRecords is the service's page size limit for getJobLogDetails
// (docs/protocol.md §getJobLogDetails).
const maxLogRecords = 1000

// logPageSize is the page size JobLog asks for; tests lower it to exercise paging.
var logPageSize = maxLogRecords

// maxLogPages bounds the pages JobLog reads: a server that ignored resultsPage would
// otherwise answer the same full page forever.
const maxLogPages = 1000

// JobLog fetches the server's whole log of a job, oldest line first, page after page
// (docs/protocol.md §Following a job). The Exchange is the first page's.
func (a *API) JobLog(ctx context.Context, jobHandle string) ([]JobLog, Exchange, error) {
	if a.Company == "" {
		return nil, Exchange{Operation: "getJobLogDetails"}, fmt.Errorf("getJobLogDetails: a company handle is required")
	}
	var (
		logs  []JobLog
		first Exchange
		index = map[string]int{} // job handle → position in logs
		got   = map[string]int{} // job handle → details read so far
	)
	for page := 1; page <= maxLogPages; page++ {
		part, ex, err := a.jobLogPage(ctx, jobHandle, page)
		if page == 1 {
			first = ex
		}
		if err != nil {
			return logs, first, err
		}
		more := false
		for _, l := range part {
			got[l.JobHandle] += len(l.Details)
			i, seen := index[l.JobHandle]
			if !seen {
				index[l.JobHandle] = len(logs)
				logs = append(logs, l)
			} else {
				logs[i].Details = append(logs[i].Details, l.Details...)
			}
			// A full page may have a next one, unless the total says this was the last.
			if len(l.Details) >= logPageSize && (l.DetailTotalRows == 0 || got[l.JobHandle] < l.DetailTotalRows) {
				more = true
			}
		}
		if !more {
			break
		}
	}
	return logs, first, nil
}

func (a *API) jobLogPage(ctx context.Context, jobHandle string, page int) ([]JobLog, Exchange, error) {
	p := getJobLogDetailsParam{CompanyHandle: a.Company, JobHandle: jobHandle, RecordsPerPage: logPageSize, ResultsPage: page, SortBy: "Date", SortDirection: "Ascending"}
	var out struct {
		Logs []JobLog `xml:"jobLogArray>items"`
	}
	ex, err := a.call(ctx, "getJobLogDetails", p, p, &out)
	return out.Logs, ex, err
}
