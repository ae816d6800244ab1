package uploader_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"testing"
	"time"

	"hoist/sandbox"
	"hoist/uploader"
)

// openJob opens a job in the sandbox with one POST that carries no endJob, as an upload
// cut short by closing the app leaves it, and returns its handle.
func openJob(t *testing.T, b *box, name string) string {
	t.Helper()
	opts := uploader.DefaultOptions()
	auth, _ := uploader.NewAuthHeader(uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}).Document()
	params, err := uploader.UploadPostParam{CompanyHandle: sandbox.DemoCompany, JobName: name, DestFolder: "spring/2026", UploadParams: &opts}.Document()
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range []struct {
		name string
		data []byte
	}{{"auth", auth}, {"uploadParams", params}} {
		w, _ := mw.CreatePart(textproto.MIMEHeader{"Content-Disposition": {`form-data; name="` + p.name + `"`}, "Content-Type": {"text/xml; charset=UTF-8"}})
		w.Write(p.data)
	}
	w, _ := mw.CreateFormFile("file1", "first.jpg")
	w.Write([]byte("sent before the app was closed"))
	mw.Close()
	resp, err := http.Post(b.url+uploader.Scene7UploadPath, mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	handle, err := uploader.ParseUploadReply(resp.StatusCode, resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return handle
}

// A job left open by an earlier upload takes the remaining files, and is ended.
func TestE2EScene7ResumeOpenJob(t *testing.T) {
	b := startBox(t, 0)
	handle := openJob(t, b, "resume")
	items := awkwardTree(t)
	req := b.scene7Request(t, items)
	req.JobName, req.JobHandle, req.JobLastPost = "resume", handle, time.Now()
	res, err := testClient().Upload(context.Background(), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.checkScene7(t, items, res, 1)
	if len(res.Jobs) != 1 || res.Jobs[0].Handle != handle || !res.Jobs[0].Ended {
		t.Fatalf("jobs %+v, want only the resumed %s, ended", res.Jobs, handle)
	}
	if got := b.Jobs()[0].Files; len(got) != len(items)+1 {
		t.Errorf("the resumed job holds %d files, want %d", len(got), len(items)+1)
	}
}

// A handle the server no longer accepts (expired while the app was closed), or one that
// idled beyond the expiry, moves the upload to a new job; nothing is lost.
func TestE2EScene7ResumeExpiredJob(t *testing.T) {
	for name, lastPost := range map[string]time.Duration{"expired on the server": 0, "idle too long": 31 * time.Minute} {
		t.Run(name, func(t *testing.T) {
			b := startBox(t, 0)
			handle := openJob(t, b, "resume")
			if lastPost == 0 {
				b.ExpireJobs()
			}
			items := awkwardTree(t)
			req := b.scene7Request(t, items)
			req.JobName, req.JobHandle, req.JobLastPost = "resume", handle, time.Now().Add(-lastPost)
			res, err := testClient().Upload(context.Background(), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			b.checkScene7(t, items, res, 2)
			if len(res.Jobs) != 2 || res.Jobs[1].Name != "resume-2" {
				t.Fatalf("jobs %+v", res.Jobs)
			}
		})
	}
}
