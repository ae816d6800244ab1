package uploader

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
)

func TestDecideFault(t *testing.T) {
	tests := []struct {
		scope faultScope
		live  jobLiveness
		files int
		want  faultAction
	}{
		// The job lives (or the POST opened none, or the API could not say after the
		// upload's one new job): the fault is about this POST.
		{scopeRequest, liveAlive, 3, actStop},
		{scopeRequest, liveAssumed, 1, actStop},
		{scopeRequest, liveNone, 3, actStop},
		{scopeFiles, liveAlive, 3, actIsolate},
		{scopeFiles, liveAssumed, 3, actIsolate},
		{scopeFiles, liveAlive, 1, actFail},
		{scopeFiles, liveAssumed, 1, actFail},
		{scopeFiles, liveNone, 2, actIsolate},
		{scopeFiles, liveNone, 1, actFail},
		// The job is gone, or nobody can say: a new job (jobState.judge allows one).
		{scopeRequest, liveGone, 3, actNewJob},
		{scopeFiles, liveGone, 1, actNewJob},
		{scopeFiles, liveUnknown, 3, actNewJob},
		{scopeRequest, liveUnknown, 1, actNewJob},
		// Gone again after that: the upload stops, whatever the fault is about.
		{scopeFiles, liveStopped, 3, actJobGone},
		{scopeRequest, liveStopped, 1, actJobGone},
	}
	for _, tt := range tests {
		if got := decideFault(tt.scope, tt.live, tt.files); got != tt.want {
			t.Errorf("decideFault(scope %d, live %d, %d files) = %v, want %v",
				tt.scope, tt.live, tt.files, got, tt.want)
		}
	}
}

func TestScopeOf(t *testing.T) {
	files := []string{"", "a.jpg", "bad\x01.jpg"}
	tests := []struct {
		code   FaultCode
		reason string
		want   faultScope
	}{
		{CodeInvalidRequestXML, "Unexpected subelement knockoutBackground", scopeRequest},
		{CodeInvalidRequestXML, `could not read file part "a.jpg"`, scopeRequest},
		{CodeMissingParameter, "Missing required parameter: auth", scopeRequest},
		{CodeMissingParameter, `file "a.jpg" has no name`, scopeFiles},
		{CodeInvalidParameter, "Invalid asset path \"spring/bad\x01.jpg\": control characters are not allowed", scopeFiles},
		{CodeInvalidParameter, "Upload job j|1 is not active (unknown, ended or expired)", scopeFiles},
		{CodeInvalidParameter, "Invalid parameter uploadParams/emailSetting: Sometimes", scopeRequest},
		{CodeException, "Could not store the upload", scopeFiles},
	}
	for _, tt := range tests {
		if got := scopeOf(&Fault{Kind: IpsApiFault, Code: tt.code, Reason: tt.reason}, files); got != tt.want {
			t.Errorf("%d %q: scope %d, want %d", tt.code, tt.reason, got, tt.want)
		}
	}
}

func TestRequestRefusedErrorKeepsItsFault(t *testing.T) {
	var err error = &RequestRefusedError{Fault: &Fault{Kind: IpsApiFault, Code: CodeInvalidRequestXML, Reason: "Unexpected subelement x"}}
	var f *Fault
	var rr *RequestRefusedError
	if !errors.As(err, &f) || f.Code != CodeInvalidRequestXML || !errors.As(err, &rr) {
		t.Fatal("the fault and its code are not reachable with errors.As")
	}
}

// Invalid request XML is refused the same way for every POST: one request, then the upload
// stops, even with no API to ask (the refusal came before any job existed).
func TestScene7RequestLevelFaultIsNotRetried(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		io.Copy(io.Discard, r.Body)
		w.Write([]byte(faultXML("ipsApiFault", 30003, "Unexpected subelement knockoutBackground")))
		return true
	}
	items := testTree(t, nil)
	res, err := fastClient().Upload(context.Background(), f.request(items), nil)
	var rr *RequestRefusedError
	if !errors.As(err, &rr) {
		t.Fatalf("err %v", err)
	}
	checkStopped(t, res, err)
	if f.count() != 1 {
		t.Fatalf("%d requests, want 1", f.count())
	}
}

func TestNamesJob(t *testing.T) {
	f := &Fault{Kind: IpsApiFault, Code: CodeInvalidParameter, Reason: "Upload job j|2101||e2e|7 is not active (unknown, ended or expired)"}
	if !namesJob(f, "j|2101||e2e|7") || namesJob(f, "j|2101||e2e|8") || namesJob(f, "") {
		t.Fatal("namesJob must tell a fault about the POST's own job, and only that")
	}
}
