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
		scope     faultScope
		live      jobLiveness
		files     int
		continued bool
		want      faultAction
	}{
		// The job lives (or the POST opened none): the fault is about this POST.
		{scopeRequest, liveAlive, 3, false, actStop},
		{scopeRequest, liveAlive, 1, true, actStop},
		{scopeRequest, liveNone, 3, false, actStop},
		{scopeFiles, liveAlive, 3, false, actIsolate},
		{scopeFiles, liveAlive, 1, false, actFail},
		{scopeFiles, liveNone, 2, true, actIsolate},
		{scopeFiles, liveNone, 1, false, actFail},
		// The job is gone, or nobody can say: a new job, once.
		{scopeRequest, liveGone, 3, false, actNewJob},
		{scopeFiles, liveGone, 1, false, actNewJob},
		{scopeFiles, liveUnknown, 3, false, actNewJob},
		{scopeRequest, liveUnknown, 1, false, actNewJob},
		// A second fault for the same files after that: their failure, not a loop.
		{scopeFiles, liveGone, 3, true, actFail},
		{scopeRequest, liveGone, 1, true, actFail},
		{scopeFiles, liveUnknown, 1, true, actFail},
	}
	for _, tt := range tests {
		if got := decideFault(tt.scope, tt.live, tt.files, tt.continued); got != tt.want {
			t.Errorf("decideFault(scope %d, live %d, %d files, continued %v) = %v, want %v",
				tt.scope, tt.live, tt.files, tt.continued, got, tt.want)
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
	if !errors.As(err, &rr) || res.Count(StateFailed) != len(items) {
		t.Fatalf("err %v, %d failed", err, res.Count(StateFailed))
	}
	if f.count() != 1 {
		t.Fatalf("%d requests, want 1", f.count())
	}
}
