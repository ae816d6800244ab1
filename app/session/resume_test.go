package session

import (
	"path/filepath"
	"testing"
	"time"

	"hoist/uploader"
)

// After a restart, the next upload to the same connection continues the job the earlier
// run left open; an upload elsewhere opens its own, and the open job is offered once only.
func TestResumeContinuesTheOpenJob(t *testing.T) {
	dir := tree(t, map[string]string{"f/a.jpg": "1", "f/b.jpg": "2", "g/c.jpg": "3"})
	open := OpenJob{Profile: "Production", Company: "c|1", Name: "spring", Handle: "j|1||spring|7", LastPost: time.Now().Add(-time.Minute)}
	scene7 := uploader.Endpoint{Service: uploader.Scene7, UploadURL: "https://example.invalid/scene7/UploadFile"}
	tests := []struct {
		name   string
		target Target
		handle string
	}{
		{"same connection", Target{Profile: "Production", Conn: uploader.Conn{Company: "c|1", Endpoint: scene7}}, open.Handle},
		{"another profile", Target{Profile: "Staging", Conn: uploader.Conn{Company: "c|1", Endpoint: scene7}}, ""},
		{"another company", Target{Profile: "Production", Conn: uploader.Conn{Company: "c|2", Endpoint: scene7}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eng := &fakeEngine{}
			q := New(Config{Uploader: eng})
			rec := newRecorder(q)
			q.Add([]string{filepath.Join(dir, "f")})
			q.ResumeJob(open)
			if err := q.Start(tt.target); err != nil {
				t.Fatal(err)
			}
			<-rec.ended
			req := eng.calls[0]
			if req.JobHandle != tt.handle || (tt.handle != "" && (req.JobName != open.Name || !req.JobLastPost.Equal(open.LastPost))) {
				t.Fatalf("request job %q %q %v, want handle %q", req.JobName, req.JobHandle, req.JobLastPost, tt.handle)
			}
			if tt.handle == "" {
				return
			}
			q.Add([]string{filepath.Join(dir, "g")})
			if err := q.Start(tt.target); err != nil {
				t.Fatal(err)
			}
			<-rec.ended
			if again := eng.calls[1]; again.JobHandle != "" {
				t.Errorf("the open job was offered twice: %q", again.JobHandle)
			}
		})
	}
}

// What the queue saves says where its waiting files go: the settings given last while
// idle (not those of an earlier upload), the running upload's while it runs; never a
// password.
func TestSnapshotKeepsTheTargetTheFilesWaitWith(t *testing.T) {
	dir := tree(t, map[string]string{"a.jpg": "1", "slow.jpg": "2", "c.jpg": "3"})
	eng := &fakeEngine{started: make(chan struct{})}
	q := New(Config{Uploader: eng})
	rec := newRecorder(q)
	scene7 := uploader.Endpoint{Service: uploader.Scene7, UploadURL: "https://example.invalid/scene7/UploadFile"}
	first := Target{Profile: "Production", Options: uploader.DefaultOptions(),
		Conn: uploader.Conn{Endpoint: scene7, Company: "c|1", Credentials: uploader.Credentials{User: "u", Password: "secret"}}}
	if got := q.Snapshot().Last; got.Profile != "" {
		t.Fatalf("before anything: %+v", got)
	}
	q.SetTarget(first)
	if got := q.Snapshot().Last; got.Profile != "Production" || !got.Options.Overwrite || got.Credentials.Password != "" {
		t.Fatalf("idle snapshot target %+v", got)
	}

	q.Add([]string{filepath.Join(dir, "slow.jpg")})
	if err := q.Start(first); err != nil {
		t.Fatal(err)
	}
	<-eng.started
	second := first
	second.Options.Overwrite, second.DestFolder = false, "later"
	q.SetTarget(second) // the settings on screen change during the upload
	if got := q.Snapshot().Last; !got.Options.Overwrite || got.DestFolder != "" || got.Credentials.Password != "" {
		t.Errorf("while running, the snapshot has %+v", got)
	}
	q.Cancel()
	<-rec.ended

	q.Add([]string{filepath.Join(dir, "c.jpg")})
	if got := q.Snapshot().Last; got.Options.Overwrite || got.DestFolder != "later" {
		t.Errorf("after the upload, files added with other settings are saved with %+v", got)
	}
}
