package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/uploader"
)

// loggedRefusedUpload is a window whose job log holds an upload of a.jpg and Thumbs.db
// (skipped) that the test engine refused: that is logged as an error of the job.
func loggedRefusedUpload(t *testing.T) *testEnv {
	t.Helper()
	e := newTestEnv(t)
	dir := files(t, map[string]string{"a.jpg": "a", "Thumbs.db": "x"})
	e.w.Drop(fileURIs(filepath.Join(dir, "a.jpg"), filepath.Join(dir, "Thumbs.db")))
	if err := e.q.Start(session.Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: uploader.Scene7, UploadURL: "http://127.0.0.1:9/x"}}}); err != nil {
		t.Fatal(err)
	}
	e.q.Wait()
	e.w.Log.update()
	return e
}

func TestJobLogFiltersCopiesAndSaves(t *testing.T) {
	e := loggedRefusedUpload(t)
	all := len(e.w.Log.Shown())
	if all < 2 {
		t.Fatalf("log has %d entries", all)
	}
	e.w.Log.level.SetSelectedIndex(2) // errors only
	for _, en := range e.w.Log.Shown() {
		if en.Level != session.Error {
			t.Errorf("errors only shows %+v", en)
		}
	}
	if len(e.w.Log.Shown()) == 0 {
		t.Fatal("no error shown")
	}
	e.w.Log.level.SetSelectedIndex(0) // everything
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
	if !strings.HasPrefix(string(data), "\uFEFFtime,level,source,file,message\n") || strings.Count(string(data), "\n") != all+1 {
		t.Errorf("saved CSV:\n%s", data)
	}
	if !strings.Contains(e.w.Log.status.Text, "saved to") {
		t.Errorf("status = %q", e.w.Log.status.Text)
	}
}

// A log line longer than the window wraps onto more lines, and its row is tall enough for
// all of them: nothing is cut.
func TestJobLogLinesWrap(t *testing.T) {
	long := strings.Repeat("The server said something long about Thumbs.db and what to do next. ", 4)
	e := newTestEnvWith(t, sayThenRefuse{long})
	e.w.Drop(fileURIs(filepath.Join(files(t, map[string]string{"a.jpg": "a"}), "a.jpg")))
	if err := e.q.Start(session.Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: uploader.Scene7, UploadURL: "http://127.0.0.1:9/x"}}}); err != nil {
		t.Fatal(err)
	}
	e.q.Wait()
	e.w.Win.Resize(MinWindow)
	e.w.Tabs.SelectIndex(tabLog)
	e.w.Log.update()
	found := false
	for _, o := range test.LaidOutObjects(e.w.Log.list) {
		l, ok := o.(*widget.Label)
		if !ok || !strings.Contains(l.Text, "Thumbs.db") {
			continue
		}
		found = true
		if l.Truncation != fyne.TextTruncateOff || l.Wrapping != fyne.TextWrapWord {
			t.Errorf("the line is cut (truncation %v, wrapping %v)", l.Truncation, l.Wrapping)
		}
		if one := e.w.Log.wrap.oneLine(); l.Size().Height < 2*one-1 {
			t.Errorf("a line of %d characters in a row %v tall at width %v", len(l.Text), l.Size().Height, l.Size().Width)
		}
		if l.Size().Height+1 < l.MinSize().Height {
			t.Errorf("row %v tall, the wrapped text needs %v", l.Size().Height, l.MinSize().Height)
		}
	}
	if !found {
		t.Fatal("the skipped file's line is not in the log")
	}
}

func TestWrappedLines(t *testing.T) {
	for _, c := range []struct {
		text    string
		perLine int
		want    int
	}{
		{"short", 10, 1}, {"two words", 5, 2}, {"abcdefghijkl", 5, 3}, {"a b c d", 3, 2}, {"one\ntwo", 10, 2}, {"", 5, 1},
	} {
		if got := wrappedLines(c.text, c.perLine); got != c.want {
			t.Errorf("wrappedLines(%q, %d) = %d, want %d", c.text, c.perLine, got, c.want)
		}
	}
}

// sayThenRefuse ends every upload at once with a message.
type sayThenRefuse struct{ message string }

func (s sayThenRefuse) Upload(_ context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	err := errors.New(s.message)
	on(uploader.Event{Kind: uploader.JobEnded, Item: -1, Err: err})
	return nil, err
}

// Copy and the saves act on the lines shown, Clear on the whole log: each is enabled only
// while there is something for it to act on, and follows the entries and the filter.
func TestJobLogActionsNeedEntries(t *testing.T) {
	e := newTestEnv(t)
	v := e.w.Log
	shownActions := map[string]*widget.Button{"Copy": v.copyBtn, "Save as text": v.saveTextBtn, "Save as CSV": v.saveCSVBtn}
	check := func(when string, shown, clear bool) {
		t.Helper()
		for name, b := range shownActions {
			if b.Disabled() == shown {
				t.Errorf("%s: %s enabled = %v, want %v", when, name, !b.Disabled(), shown)
			}
		}
		if v.clearBtn.Disabled() == clear {
			t.Errorf("%s: Clear enabled = %v, want %v", when, !v.clearBtn.Disabled(), clear)
		}
	}
	check("empty log", false, false)

	e = loggedRefusedUpload(t)
	v = e.w.Log
	shownActions = map[string]*widget.Button{"Copy": v.copyBtn, "Save as text": v.saveTextBtn, "Save as CSV": v.saveCSVBtn}
	check("entries arrived", true, true)
	v.file.SetText("no file is named so")
	check("a filter that shows nothing", false, true)
	v.file.SetText("")
	check("the filter cleared", true, true)
	v.level.SetSelectedIndex(2) // errors only
	check("a filter that shows some", true, true)
	test.Tap(v.clearBtn)
	if n := len(v.Shown()); n != 0 {
		t.Fatalf("%d entries shown after Clear", n)
	}
	check("cleared", false, false)
}
