package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/uploader"
)

// A connection's proxy, CA file and stall timeout are kept, checked, and reach its Conn;
// a profile saved before they existed loads without them.
func TestProfileNetwork(t *testing.T) {
	var old Profile
	if err := json.Unmarshal([]byte(`{"name":"Prod","service":"scene7","region":"na","company":"c|1","user":"u@x"}`), &old); err != nil {
		t.Fatal(err)
	}
	if err := old.Validate(); err != nil || !old.Network().IsZero() {
		t.Fatalf("an old profile: %v, %+v", err, old.Network())
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := old
	p.Proxy, p.CAFile, p.StallSeconds = "ftp://nope", ca, MaxStallSeconds+1
	err := p.Validate()
	pe, ok := err.(*ProfileError)
	if !ok || pe.Field("proxy") == "" || !strings.Contains(pe.Field("caFile"), "ca.pem") || pe.Field("stallSeconds") == "" {
		t.Fatalf("bad network settings: %v", err)
	}
	p.Proxy, p.CAFile, p.StallSeconds = " proxy.corp:8080 ", "", 90
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	want := uploader.Network{Proxy: "proxy.corp:8080", StallTimeout: 90 * time.Second}
	if p.Network() != want {
		t.Errorf("network %+v, want %+v", p.Network(), want)
	}
	data, _ := json.Marshal(p)
	var back Profile
	if err := json.Unmarshal(data, &back); err != nil || back != p {
		t.Errorf("round trip %+v (%s)", back, data)
	}
}
