package uploader_test

import (
	"context"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// A Dr.Sum server with a private CA (httptest's): refused as unverifiable without the CA
// file, trusted with it, and an unusable file is said so.
func TestE2ECAFileTrustsAPrivateCA(t *testing.T) {
	s, srv := tlsBox(t)
	dir := t.TempDir()
	ca := filepath.Join(dir, "intranet-ca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	ep, err := uploader.CustomEndpoint(uploader.DrSum, srv.URL+uploader.DrSumUploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	conn := uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}}
	files := t.TempDir()
	for name, n := range map[string]int{"sales.csv": 100_000, "plan.xlsx": 3 << 20} {
		if err := os.WriteFile(filepath.Join(files, name), []byte(strings.Repeat("x", n)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := uploader.Walk([]string{files})
	req := uploader.Request{Conn: conn, DestFolder: sandbox.DrSumRoot + "/ca", Items: items}

	c := testClient()
	if _, err := c.Upload(context.Background(), req, nil); err == nil || !strings.Contains(words.Error(err), "certificate") {
		t.Fatalf("without the CA file: %v", err)
	}
	c = testClient()
	if err := uploader.AddCAFile(c.HTTP, ca); err != nil {
		t.Fatal(err)
	}
	if v, err := uploader.TestConnection(context.Background(), c.HTTP, conn); err != nil || !v.OK {
		t.Fatalf("Test connection with the CA file: %+v, %v", v, err)
	}
	res, err := c.Upload(context.Background(), req, nil)
	if err != nil || res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("with the CA file: %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
	}
	for _, it := range items {
		want, _ := os.ReadFile(it.Path)
		got, err := os.ReadFile(s.DrSumFile(sandbox.DrSumRoot+"/ca/"+filepath.ToSlash(filepath.Dir(it.Rel)), filepath.Base(it.Rel)))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: not stored byte for byte (%v)", it.Rel, err)
		}
	}

	bad := filepath.Join(dir, "not-a-cert.pem")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := uploader.AddCAFile(testClient().HTTP, bad); !strings.Contains(words.Error(err), "BEGIN CERTIFICATE") {
		t.Fatalf("a file without a certificate: %v", err)
	}
}
