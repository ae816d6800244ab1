package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/app/session"
	"hoist/uploader"
)

func TestJobLogFiltersCopiesAndSaves(t *testing.T) {
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "Thumbs.db": "x"})
	e.w.Drop(fileURIs(filepath.Join(dir, "a.jpg"), filepath.Join(dir, "Thumbs.db")))
	// The test engine refuses uploads: that is logged as an error of the job.
	if err := e.q.Start(session.Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: uploader.Scene7, UploadURL: "http://127.0.0.1:9/x"}}}); err != nil {
		t.Fatal(err)
	}
	e.q.Wait()
	e.w.Log.update()
	all := len(e.w.Log.Shown())
	if all < 2 {
		t.Fatalf("log has %d entries", all)
	}
	e.w.Log.level.SetSelected(levelErrors)
	for _, en := range e.w.Log.Shown() {
		if en.Level != session.Error {
			t.Errorf("errors only shows %+v", en)
		}
	}
	if len(e.w.Log.Shown()) == 0 {
		t.Fatal("no error shown")
	}
	e.w.Log.level.SetSelected(levelAll)
	e.w.Log.file.SetText("thumbs")
	for _, en := range e.w.Log.Shown() {
		if !strings.Contains(strings.ToLower(en.File), "thumbs") {
			t.Errorf("file filter shows %+v", en)
		}
	}
	e.w.Log.file.SetText("")
	e.w.Log.Content.Refresh()

	e.pick.save = filepath.Join(t.TempDir(), "log.csv")
	e.w.Log.save("x.csv", session.WriteCSV)
	data, err := os.ReadFile(e.pick.save)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "time,level,source,file,message\n") || strings.Count(string(data), "\n") != all+1 {
		t.Errorf("saved CSV:\n%s", data)
	}
	if !strings.Contains(e.w.Log.status.Text, "saved to") {
		t.Errorf("status = %q", e.w.Log.status.Text)
	}
}
