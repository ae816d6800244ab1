package session

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"hoist/internal/sheet"
	"hoist/internal/words"
	"hoist/uploader"
)

func TestAddWalksFoldersOnceAndShowsSkipped(t *testing.T) {
	dir := tree(t, map[string]string{
		"Campaign/a.jpg":      "aaaa",
		"Campaign/img/b.png":  "bb",
		"Campaign/.DS_Store":  "x",
		"Campaign/Été 日本.tif": "ccc",
	})
	q := New(Config{Uploader: &fakeEngine{}})
	rec := newRecorder(q)
	added, skipped := q.Add([]string{filepath.Join(dir, "Campaign")})
	if added != 3 || skipped != 1 {
		t.Fatalf("Add = %d added, %d skipped; want 3, 1", added, skipped)
	}
	// The same folder again, and a file inside it: nothing new.
	added, skipped = q.Add([]string{filepath.Join(dir, "Campaign"), filepath.Join(dir, "Campaign", "a.jpg")})
	if added != 0 || skipped != 0 || q.Len() != 4 {
		t.Fatalf("second drop added %d, skipped %d, rows %d; want 0, 0, 4", added, skipped, q.Len())
	}
	want := map[string]State{"Campaign/a.jpg": Queued, "Campaign/img/b.png": Queued, "Campaign/Été 日本.tif": Queued, "Campaign/.DS_Store": Skipped}
	if got := statesOf(q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("states = %v, want %v", got, want)
	}
	for _, r := range q.Rows() {
		if r.State == Skipped && !strings.Contains(r.Reason, "macOS") {
			t.Errorf("skipped reason %q does not say what the file is", r.Reason)
		}
	}
	if tot := q.Totals(); tot.Count(Queued) != 3 || tot.Count(Skipped) != 1 || tot.Rows != 4 {
		t.Errorf("totals = %+v", tot)
	}
	if rec.lists != 1 {
		t.Errorf("List notified %d times, want 1 (only the first drop changed the rows)", rec.lists)
	}
}

func TestSameRelativePathFromAnotherFolderIsSkipped(t *testing.T) {
	one := tree(t, map[string]string{"Campaign/a.jpg": "1"})
	two := tree(t, map[string]string{"Campaign/a.jpg": "22"})
	q := New(Config{Uploader: &fakeEngine{}})
	q.Add([]string{filepath.Join(one, "Campaign")})
	if added, skipped := q.Add([]string{filepath.Join(two, "Campaign")}); added != 0 || skipped != 1 {
		t.Fatalf("added %d skipped %d, want 0 1", added, skipped)
	}
	r, _ := q.Row(1)
	if r.State != Skipped || !strings.Contains(r.Reason, "rename one of them") {
		t.Fatalf("row = %+v", r)
	}
}

// The run happens in a synctest bubble: the session's save delay passes on the fake clock,
// so the test knows when the queue has been saved instead of polling for it.
func TestStartTakesRowsToTheirOutcome(t *testing.T) {
	synctest.Test(t, testStartTakesRowsToTheirOutcome)
}

func testStartTakesRowsToTheirOutcome(t *testing.T) {
	dir := tree(t, map[string]string{"f/good.jpg": "12345678", "f/bad.jpg": "1234"})
	eng := &fakeEngine{}
	store := &memStore{}
	q := New(Config{Uploader: eng, Store: store})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "f")})
	if err := q.Start(Target{Profile: "Local sandbox", Conn: uploader.Conn{Company: "c|1", Credentials: uploader.Credentials{User: "u", Password: "secret"}}}); err != nil {
		t.Fatal(err)
	}
	sum := <-rec.ended
	if sum.Done != 1 || sum.Failed != 1 || sum.JobName != "job-1" || len(sum.Handles) != 1 {
		t.Fatalf("summary = %+v", sum)
	}
	want := map[string]State{"f/good.jpg": Done, "f/bad.jpg": Failed}
	if got := statesOf(q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("states = %v, want %v", got, want)
	}
	for _, r := range q.Rows() {
		switch r.State {
		case Done:
			if r.Fraction() != 1 || r.JobHandle != "h-1" {
				t.Errorf("done row = %+v", r)
			}
		case Failed:
			if r.Reason != errBad.Error() { // words.Error of an error the engine does not type: its own text
				t.Errorf("failed row reason = %q", r.Reason)
			}
		}
	}
	if q.Running() {
		t.Error("still running after Ended")
	}
	rec.mu.Lock()
	if len(rec.rows) != 2 || rec.logs == 0 {
		t.Errorf("row notifications %v, log notifications %d", rec.rows, rec.logs)
	}
	rec.mu.Unlock()

	// Retry sends only the failed file again.
	if err := q.Retry(Target{Profile: "Local sandbox", Conn: uploader.Conn{Company: "c|1"}}); err != nil {
		t.Fatal(err)
	}
	<-rec.ended
	if n := len(eng.calls); n != 2 || len(eng.calls[1].Items) != 1 || eng.calls[1].Items[0].Rel != "f/bad.jpg" {
		t.Fatalf("second upload = %+v", eng.calls[1].Items)
	}
	time.Sleep(DefaultSaveDelay)
	synctest.Wait()
	_, last := store.get()
	if len(last.Rows) != 2 || last.Last.Profile != "Local sandbox" || last.Last.Credentials.Password != "" || last.LastPost.IsZero() {
		t.Fatalf("snapshot rows %d, target = %+v, last post %v", len(last.Rows), last.Last, last.LastPost)
	}
}

// Changes are written once the save delay has passed since the first of them, all in one
// write; Flush writes at once and cancels the pending write.
func TestSavesWaitForTheDelayAndGroupChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := tree(t, map[string]string{"a.jpg": "1", "b.jpg": "2", "c.jpg": "3"})
		store := &memStore{}
		q := New(Config{Uploader: &fakeEngine{}, Store: store})
		q.Add([]string{filepath.Join(dir, "a.jpg")})
		time.Sleep(DefaultSaveDelay / 2)
		q.Add([]string{filepath.Join(dir, "b.jpg")})
		synctest.Wait()
		if n, _ := store.get(); n != 0 {
			t.Fatalf("%d saves before the delay", n)
		}
		time.Sleep(DefaultSaveDelay / 2)
		synctest.Wait()
		if n, last := store.get(); n != 1 || len(last.Rows) != 2 {
			t.Fatalf("%d saves, %d rows after the delay; want 1 save of both files", n, len(last.Rows))
		}
		q.Add([]string{filepath.Join(dir, "c.jpg")})
		if err := q.Flush(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * DefaultSaveDelay)
		synctest.Wait()
		if n, last := store.get(); n != 2 || len(last.Rows) != 3 {
			t.Fatalf("%d saves, %d rows after Flush; want 2 saves, the last with 3 files", n, len(last.Rows))
		}
	})
}

func TestStartWithNothingQueued(t *testing.T) {
	q := New(Config{Uploader: &fakeEngine{}})
	if err := q.Start(Target{}); !errors.Is(err, ErrNothingQueued) {
		t.Fatalf("Start = %v, want ErrNothingQueued", err)
	}
}

func TestCancelStopsTheUpload(t *testing.T) {
	dir := tree(t, map[string]string{"f/1-slow.mov": "123456", "f/2-after.jpg": "12"})
	eng := &fakeEngine{started: make(chan struct{})}
	q := New(Config{Uploader: eng})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "f")})
	if err := q.Start(Target{}); err != nil {
		t.Fatal(err)
	}
	<-eng.started
	if err := q.Start(Target{}); !errors.Is(err, ErrRunning) {
		t.Errorf("second Start = %v, want ErrRunning", err)
	}
	if err := q.Remove([]int{0}); !errors.Is(err, ErrInUpload) {
		t.Errorf("Remove during upload = %v, want ErrInUpload", err)
	}
	if r, _ := q.Row(0); r.State != Sending || r.Fraction() != 0.5 {
		t.Errorf("slow row mid-upload = %+v", r)
	}
	q.Cancel()
	sum := <-rec.ended
	if !errors.Is(sum.Err, uploader.ErrCancelled) || sum.Cancelled != 2 {
		t.Fatalf("summary = %+v", sum)
	}
	for _, r := range q.Rows() {
		if r.State != Cancelled || r.Reason == "" {
			t.Errorf("row after cancel = %+v", r)
		}
	}
}

func TestCancelOneFileDuringTheUpload(t *testing.T) {
	dir := tree(t, map[string]string{"f/1-slow.mov": "123456", "f/2.jpg": "12", "f/3.jpg": "123"})
	eng := &fakeEngine{started: make(chan struct{})}
	q := New(Config{Uploader: eng})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "f")})
	if err := q.Start(Target{JobName: "spring"}); err != nil {
		t.Fatal(err)
	}
	<-eng.started
	if err := q.CancelRow(0); err != nil {
		t.Fatal(err)
	}
	sum := <-rec.ended
	if sum.Err != nil || sum.Done != 2 || sum.Cancelled != 1 || sum.JobName != "job-1" {
		t.Fatalf("summary = %+v", sum)
	}
	want := map[string]State{"f/1-slow.mov": Cancelled, "f/2.jpg": Done, "f/3.jpg": Done}
	if got := statesOf(q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("states = %v, want %v", got, want)
	}
	if r, _ := q.Row(0); !strings.Contains(r.Reason, "Cancelled by you") {
		t.Errorf("reason = %q", r.Reason)
	}
	eng.mu.Lock()
	defer eng.mu.Unlock()
	if len(eng.calls) != 2 || eng.calls[1].JobName != "spring-2" || len(eng.calls[1].Items) != 2 {
		t.Fatalf("calls = %d, second job %q with %d files", len(eng.calls), eng.calls[1].JobName, len(eng.calls[1].Items))
	}
	select {
	case s := <-rec.ended:
		t.Fatalf("a second summary was sent: %+v", s)
	default:
	}
}

func TestCancelRowRemoveAndClearFinished(t *testing.T) {
	dir := tree(t, map[string]string{"a.jpg": "1", "b.jpg": "2", "c.jpg": "3", "Thumbs.db": "x"})
	q := New(Config{Uploader: &fakeEngine{}})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg"), filepath.Join(dir, "c.jpg"), filepath.Join(dir, "Thumbs.db")})
	if err := q.CancelRow(1); err != nil {
		t.Fatal(err)
	}
	if r, _ := q.Row(1); r.State != Cancelled {
		t.Fatalf("row 1 = %+v", r)
	}
	if err := q.Remove([]int{2}); err != nil {
		t.Fatal(err)
	}
	if err := q.Start(Target{}); err != nil {
		t.Fatal(err)
	}
	<-rec.ended
	want := map[string]State{"a.jpg": Done, "b.jpg": Cancelled, "Thumbs.db": Skipped}
	if got := statesOf(q); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("states = %v, want %v", got, want)
	}
	if n := q.ClearFinished(); n != 2 || q.Len() != 1 {
		t.Fatalf("ClearFinished removed %d, left %d rows", n, q.Len())
	}
	if r, _ := q.Row(0); r.Rel != "b.jpg" {
		t.Fatalf("left row %+v", r)
	}
	// Dropping a cancelled file again queues it again.
	if added, _ := q.Add([]string{filepath.Join(dir, "b.jpg")}); added != 1 {
		t.Fatalf("re-adding a cancelled file added %d", added)
	}
	if tot := q.Totals(); tot.Count(Queued) != 1 || tot.Count(Cancelled) != 0 || tot.Rows != 1 {
		t.Fatalf("totals = %+v", tot)
	}
}

func TestSnapshotAndRestore(t *testing.T) {
	saved := []Saved{
		{Path: "/x/a.jpg", Rel: "a.jpg", Size: 3, State: Done, JobHandle: "h"},
		{Path: "/x/b.jpg", Rel: "b.jpg", Size: 4, State: Sending},
		{Path: "/x/c.jpg", Rel: "c.jpg", Size: 5, State: Failed, Reason: "why"},
	}
	q := New(Config{Uploader: &fakeEngine{}})
	if waiting := q.Restore(Snapshot{Rows: saved}); waiting != 1 {
		t.Fatalf("Restore = %d waiting, want 1", waiting)
	}
	got := q.Snapshot().Rows
	if got[1].State != Queued || got[0].State != Done || got[2].Reason != "why" {
		t.Fatalf("snapshot = %+v", got)
	}
	if n := q.ForgetRestored(); n != 1 || q.Len() != 2 {
		t.Fatalf("ForgetRestored = %d, rows %d", n, q.Len())
	}
}

// Forget them takes off the files an earlier run left, and only them: a file given on the
// command line or dropped since the offer stays queued.
func TestForgetRestoredKeepsFilesAddedSince(t *testing.T) {
	dir := t.TempDir()
	added := filepath.Join(dir, "new.jpg")
	if err := os.WriteFile(added, []byte("jpeg"), 0o600); err != nil {
		t.Fatal(err)
	}
	q := New(Config{Uploader: &fakeEngine{}})
	saved := []Saved{{Path: "/x/a.jpg", Rel: "a.jpg", Size: 3, State: Queued}, {Path: "/x/b.jpg", Rel: "b.jpg", Size: 4, State: Failed, Reason: "why"}}
	if waiting := q.Restore(Snapshot{Rows: saved}); waiting != 1 {
		t.Fatalf("Restore = %d waiting", waiting)
	}
	if n, _ := q.Add([]string{added}); n != 1 {
		t.Fatalf("%d added", n)
	}
	if n := q.ForgetRestored(); n != 1 {
		t.Fatalf("ForgetRestored took %d files off, want the 1 restored", n)
	}
	rows := q.Snapshot().Rows
	if len(rows) != 2 || rows[0].Rel != "b.jpg" || rows[1].Path != added || rows[1].State != Queued {
		t.Fatalf("left %+v", rows)
	}
	if n := q.ForgetRestored(); n != 0 {
		t.Errorf("a second ForgetRestored took %d off", n)
	}
}

func TestLogWriters(t *testing.T) {
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	es := []Entry{
		{Time: at, Level: Info, File: "a.jpg", Message: "Uploaded."},
		{Time: at, Level: Error, Source: Server, File: "=cmd.jpg", Message: "Bad, \"quoted\""},
	}
	var txt, csvOut bytes.Buffer
	if err := WriteText(&txt, es); err != nil {
		t.Fatal(err)
	}
	if want := "2026-11-22 10:00:00.000  info    hoist  a.jpg: Uploaded.\n"; !strings.HasPrefix(txt.String(), want) {
		t.Errorf("text = %q", txt.String())
	}
	if err := WriteCSV(&csvOut, es); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFtime,level,source,file,message\n2026-11-22 10:00:00,info,hoist,a.jpg,Uploaded.\n2026-11-22 10:00:00,error,server,'=cmd.jpg,\"Bad, \"\"quoted\"\"\"\n"
	if csvOut.String() != want {
		t.Errorf("csv = %q\nwant %q", csvOut.String(), want)
	}
}

// A name or a server's words with a control character leave a text log's line one line,
// with the character escaped as everywhere; the CSV keeps them as they are, in a cell.
func TestLogLinesEscapeNamesAndServerWords(t *testing.T) {
	defer words.Use(words.Use("en"))
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)
	es := ServerEntries([]uploader.JobLog{{JobName: "spring\x1b[2J", FileSuccessCount: 1, TotalFileCount: 1, EndDate: uploader.Timestamp{Time: at},
		Details: []uploader.LogDetail{{LogType: "UploadSuccess", AssetName: "a\u009bb", LogMessage: "w/a\u009bb.jpg was processed\ninto IPS", Date: uploader.Timestamp{Time: at}}}}})
	es = append(es, Entry{Time: at, Level: Warning, File: "nl\nname.jpg", Message: "Skipped."})
	var txt bytes.Buffer
	if err := WriteText(&txt, es); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(txt.String(), "\n"), "\n")
	if len(lines) != 3 || strings.ContainsAny(txt.String(), "\x1b\u009b") {
		t.Fatalf("text log:\n%s", txt.String())
	}
	for i, want := range []string{`"spring\x1b[2J"`, `server "a\u009bb": w/a\u009bb.jpg was processed\ninto IPS`, `hoist  "nl\nname.jpg": Skipped.`} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d %q does not contain %q", i, lines[i], want)
		}
	}
	var csvOut bytes.Buffer
	if err := WriteCSV(&csvOut, es[1:]); err != nil {
		t.Fatal(err)
	}
	recs, err := sheet.NewReader(&csvOut).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][3] != "a\u009bb" || recs[1][4] != "w/a\u009bb.jpg was processed\ninto IPS" || recs[2][3] != "nl\nname.jpg" {
		t.Errorf("csv %q %v", recs, err)
	}
}

func TestServerEntries(t *testing.T) {
	logs := []uploader.JobLog{{JobName: "j", FileSuccessCount: 1, FileErrorCount: 1, TotalFileCount: 2, Details: []uploader.LogDetail{
		{LogType: "Error", AssetName: "b.jpg", LogMessage: "corrupt"},
		{LogType: "Info", AssetName: "a.jpg", LogMessage: "ok"},
		{LogType: "Warning", AssetName: "c.jpg", LogMessage: "hmm"},
	}}}
	if es := ServerEntries([]uploader.JobLog{{JobName: "ok", FileSuccessCount: 2, TotalFileCount: 2, FatalError: "false"}}); es[0].Level != Info {
		t.Errorf("fatalError false reads as %s: %+v", es[0].Level, es[0])
	}
	if es := ServerEntries([]uploader.JobLog{{JobName: "bad", FatalError: "true"}}); es[0].Level != Error || !strings.Contains(es[0].Message, "fatal error") {
		t.Errorf("fatalError true reads as %+v", es[0])
	}
	es := ServerEntries(logs)
	if len(es) != 4 || es[0].Level != Error || es[1].Level != Error || es[2].Level != Info || es[3].Level != Warning {
		t.Fatalf("entries = %+v", es)
	}
	if es[1].Source != Server || es[1].File != "b.jpg" {
		t.Fatalf("entry = %+v", es[1])
	}
}

// States travel by name in the saved queue, and a name no version wrote is refused.
func TestStateText(t *testing.T) {
	for s := Queued; s < numStates; s++ {
		b, err := s.MarshalText()
		if err != nil || string(b) != s.String() {
			t.Fatalf("%d: %q, %v", s, b, err)
		}
		var back State
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Fatalf("%q read as %v, %v", b, back, err)
		}
	}
	var s State
	if err := s.UnmarshalText([]byte("lost")); err == nil {
		t.Fatal("an unknown state was read")
	}
	if _, err := numStates.MarshalText(); err == nil {
		t.Fatal("an out-of-range state was written")
	}
}

// A file the person gives again (opened with Hoist, dropped) while it is still listed as
// restored is theirs now: Forget them keeps it. So is one removed and dropped again.
func TestForgetRestoredKeepsFilesGivenAgain(t *testing.T) {
	dir := tree(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "c.jpg": "c", "d/e.jpg": "e"})
	path := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	var saved []Saved
	for _, rel := range []string{"a.jpg", "b.jpg", "c.jpg", "d/e.jpg"} {
		saved = append(saved, Saved{Path: path(rel), Rel: filepath.Base(rel), Size: 1, State: Queued})
	}
	q := New(Config{Uploader: &fakeEngine{}})
	if waiting := q.Restore(Snapshot{Rows: saved}); waiting != 4 {
		t.Fatalf("Restore = %d waiting", waiting)
	}
	if n, _ := q.Add([]string{path("a.jpg")}); n != 0 {
		t.Fatalf("a listed file was added again (%d)", n)
	}
	if n, _ := q.Add([]string{path("d")}); n != 0 { // its folder, as a drop gives it
		t.Fatalf("a listed file was added again (%d)", n)
	}
	if err := q.Remove([]int{1}); err != nil {
		t.Fatal(err)
	}
	if n, _ := q.Add([]string{path("b.jpg")}); n != 1 {
		t.Fatalf("the removed file dropped again: %d added", n)
	}
	if n := q.ForgetRestored(); n != 1 {
		t.Fatalf("ForgetRestored took %d files off, want c.jpg alone", n)
	}
	var left []string
	for _, r := range q.Rows() {
		left = append(left, filepath.Base(r.Path))
	}
	if strings.Join(left, " ") != "a.jpg e.jpg b.jpg" {
		t.Fatalf("left %v", left)
	}
}

// Once the person chose to upload the restored files, they are files like any other: a
// later ForgetRestored (there is no offer any more) takes none off.
func TestKeepRestoredEndsTheOffer(t *testing.T) {
	q := New(Config{Uploader: &fakeEngine{}})
	q.Restore(Snapshot{Rows: []Saved{{Path: "/x/a.jpg", Rel: "a.jpg", Size: 3, State: Queued}}})
	q.KeepRestored()
	if n := q.ForgetRestored(); n != 0 || q.Len() != 1 {
		t.Fatalf("ForgetRestored after KeepRestored took %d off, %d rows left", n, q.Len())
	}
}
