package uploader_test

import (
	"context"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// Test connection tells right credentials from wrong ones for both services, against the
// sandbox, and never shows the password in its details.
func TestTestConnectionAgainstSandbox(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	scene7, _ := uploader.CustomEndpoint(uploader.Scene7, srv.Scene7UploadURL(), "", false)
	drsum, _ := uploader.CustomEndpoint(uploader.DrSum, srv.DrSumUploadURL(), "", false)
	tests := []struct {
		name     string
		ep       uploader.Endpoint
		user, pw string
		company  string
		ok       bool
	}{
		{"scene7 right", scene7, sandbox.DemoUser, sandbox.DemoPassword, sandbox.DemoCompany, true},
		{"scene7 wrong password", scene7, sandbox.DemoUser, "wrong-pw-9", sandbox.DemoCompany, false},
		{"scene7 wrong company", scene7, sandbox.DemoUser, sandbox.DemoPassword, "c|9999", false},
		{"drsum right", drsum, sandbox.DrSumUser, sandbox.DrSumPassword, "", true},
		{"drsum wrong password", drsum, sandbox.DrSumUser, "wrong-pw-9", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := uploader.TestConnection(context.Background(), nil, uploader.Conn{Endpoint: tt.ep, Credentials: uploader.Credentials{User: tt.user, Password: tt.pw}, Company: tt.company})
			if err != nil {
				t.Fatalf("no verdict: %v", err)
			}
			if v.OK != tt.ok || words.Verdict(v) == "" {
				t.Fatalf("OK=%v want %v: %s", v.OK, tt.ok, words.Verdict(v))
			}
			if strings.Contains(v.Exchange.Request, tt.pw) || v.Exchange.Status == 0 || v.Exchange.Response == "" && tt.ep.Service == uploader.Scene7 {
				t.Errorf("details: %+v", v.Exchange)
			}
		})
	}
	for _, f := range srv.Jobs() {
		t.Errorf("Test connection must not start a job: %+v", f)
	}
}
