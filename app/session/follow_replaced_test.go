package session

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/sheet"
	"hoist/sandbox"
)

// Two files of one upload become the same asset "hero" (over the real sandbox): the one
// Scene7 kept is ready; the other is replaced by it, not ready, in the rows, the counts,
// the notification, the outcomes CSV's rows and the saved queue.
func TestAFileReplacedInItsJobIsNotReady(t *testing.T) {
	r, q, tg, got := followSetup(t, 0, 0)
	png := "\x89PNG\r\n\x1a\n"
	addFiles(t, q, map[string]string{"c/a/hero.png": png + "a", "c/b/hero.png": png + "b", "c/logo.png": png})
	if err := q.Start(tg); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	kept := ""
	for _, a := range r.Assets(sandbox.DemoCompany) {
		if a.ID == "hero" {
			kept = strings.TrimPrefix(a.Path, tg.DestFolder+"/")
		}
	}
	other := map[string]string{"c/a/hero.png": "c/b/hero.png", "c/b/hero.png": "c/a/hero.png"}[kept]
	if other == "" {
		t.Fatalf("the sandbox kept %q", kept)
	}
	want := map[string]Outcome{kept: Ready, other: ReplacedInJob, "c/logo.png": Ready}
	for _, row := range q.Rows() {
		if row.Outcome != want[row.Rel] {
			t.Errorf("%s: %v (%s)", row.Rel, row.Outcome, row.OutcomeText)
		}
		if row.Rel == other && (row.ReplacedBy() != kept || !strings.Contains(row.OutcomeText, kept) || !row.NeedsALook()) {
			t.Errorf("replaced row: by %q, %q, needs a look %v", row.ReplacedBy(), row.OutcomeText, row.NeedsALook())
		}
	}
	tot := q.Totals()
	if done, of := tot.Files(); done != 2 || of != 3 || tot.Outcome(ReplacedInJob) != 1 || tot.Problems() != 1 {
		t.Errorf("files %d of %d; outcomes %v; problems %d", done, of, tot.Outcomes, tot.Problems())
	}
	if len(*got) != 1 || (*got)[0].Message != "2 of 3 files ready in Scene7. 1 replaced by a later file with the same asset ID." {
		t.Errorf("processed %+v", *got)
	}
	for _, f := range FileOutcomes(q.Rows()) {
		if f.Rel == other && (f.ReplacedBy != kept || f.Message != "") {
			t.Errorf("outcome for the CSV %+v", f)
		}
	}
	// The window's "Save outcomes as CSV…" file names the file that replaced it.
	csvPath := filepath.Join(t.TempDir(), "outcomes.csv")
	if err := SaveOutcomesCSV(csvPath, FileOutcomes(q.Rows()), ""); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := sheet.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) != 4 || recs[0][0] != "file" || recs[0][5] != "replaced by" {
		t.Fatalf("outcomes CSV %q %v", recs, err)
	}
	for _, rec := range recs[1:] {
		if by := map[string]string{other: kept}[rec[0]]; rec[5] != by {
			t.Errorf("CSV row %q: replaced by %q, want %q", rec, rec[5], by)
		}
	}
	// Saved and restored: still replaced, by the same file, with its sentence.
	b, err := json.Marshal(q.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var snap Snapshot
	if err := json.Unmarshal(b, &snap); err != nil {
		t.Fatal(err)
	}
	next := New(Config{})
	next.Restore(snap)
	for _, row := range next.Rows() {
		if row.Rel == other && (row.Outcome != ReplacedInJob || row.ReplacedBy() != kept || !strings.Contains(row.OutcomeText, kept)) {
			t.Errorf("restored %+v", row)
		}
	}
}
