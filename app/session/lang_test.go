package session

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/uploader"
)

// savedAndRead is q's snapshot as the queue file keeps it: written to JSON and read back.
func savedAndRead(t *testing.T, q *Queue) Snapshot {
	t.Helper()
	data, err := json.Marshal(q.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var snap Snapshot
	if err := json.Unmarshal(data, &snap); err != nil {
		t.Fatal(err)
	}
	return snap
}

// A queue saved while Hoist spoke French reads in Japanese after a switch: the reasons the
// session wrote and what Scene7 made of the files are kept as messages and outcomes, not
// as French sentences; a sentence the engine wrote is shown only in its own language.
func TestSavedQueueSpeaksTheLanguageOfTheRestore(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("fr")
	one := tree(t, map[string]string{"Campaign/a.jpg": "1"})
	two := tree(t, map[string]string{"Campaign/a.jpg": "22"})
	q := New(Config{Uploader: &fakeEngine{}})
	q.Add([]string{filepath.Join(one, "Campaign")})
	q.Add([]string{filepath.Join(two, "Campaign")})
	q.mu.Lock()
	q.rows[0].State, q.rows[0].Outcome, q.rows[0].Said = Done, FailedInScene7, "Format non pris en charge"
	q.rows[0].OutcomeText = outcomeText(FailedInScene7, "Format non pris en charge", false, "")
	q.appendLocked(&Row{Path: "/x/.DS_Store", Rel: ".DS_Store", State: Skipped, Reason: "Un fichier de réglages du Finder."})
	q.mu.Unlock()
	if r, _ := q.Row(1); r.Reason != "Un autre fichier ("+filepath.Join(one, "Campaign", "a.jpg")+") est déjà dans la file sous le nom Campaign/a.jpg\u00a0; renommez l’un des deux." {
		t.Fatalf("French reason %q", r.Reason)
	}
	snap := savedAndRead(t, q)
	words.Use("ja")
	back := New(Config{})
	back.Restore(snap)
	rows := back.Rows()
	want := []struct{ what, got, want string }{
		{"outcome", rows[0].OutcomeText, "Scene7 で処理できませんでした：Format non pris en charge。ファイルを修正して（または対応している形式で保存し直して）、もう一度アップロードしてください。"},
		{"session's reason", rows[1].Reason, "別のファイル（" + filepath.Join(one, "Campaign", "a.jpg") + "）が Campaign/a.jpg としてすでにキューにあります。どちらかの名前を変えてください。"},
		{"engine's reason in French", rows[2].Reason, "追加したときにスキップされました。理由は別の言語で記録されています。理由を確認するには、もう一度追加してください。"},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("%s:\n%q\nwant\n%q", w.what, w.got, w.want)
		}
	}

	words.Use("fr")
	again := New(Config{})
	again.Restore(snap)
	if r, _ := again.Row(2); r.Reason != "Un fichier de réglages du Finder." {
		t.Errorf("in its own language the engine's reason is kept: %q", r.Reason)
	}
}

// A file the walk left out says why again in the language of the restore: the queue file
// keeps the engine's typed reason, not its French sentence.
func TestSkippedRowSaysItsReasonInTheLanguageOfTheRestore(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("fr")
	root := tree(t, map[string]string{"Campaign/a.jpg": "1", "Campaign/.DS_Store": "x"})
	q := New(Config{Uploader: &fakeEngine{}})
	q.Add([]string{filepath.Join(root, "Campaign")})
	var french string
	for _, r := range q.Rows() {
		if r.State == Skipped {
			french = r.Reason
		}
	}
	if !strings.Contains(french, "Finder") {
		t.Fatalf("the .DS_Store row was not skipped as a Finder file: %q", french)
	}
	snap := savedAndRead(t, q)
	words.Use("ja")
	back := New(Config{})
	back.Restore(snap)
	for _, r := range back.Rows() {
		if r.State != Skipped {
			continue
		}
		want := words.Skip(uploader.Skipped{Path: r.Path, Rel: r.Rel, Kind: uploader.SkipSystem, Name: ".DS_Store", System: uploader.SysFinderSettings})
		if r.Reason != want || r.Reason == french || !strings.Contains(r.Reason, "Finder") {
			t.Errorf("restored in Japanese: %q, want %q", r.Reason, want)
		}
		return
	}
	t.Error("the skipped row did not come back")
}

// What the follow-ups found, and a paused upload, in French and Japanese.
func TestSummariesInFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	p := Processed{Ready: 2, Warnings: 1, Failed: 1, Pending: 3}
	for _, c := range []struct{ lang, want string }{
		{"fr", "Fichiers prêts dans Scene7\u00a0: 2 sur 6. 1 avec un avertissement. 1 en échec dans Scene7. 3 encore en traitement."},
		{"ja", "Scene7 で 6件中 2件のファイルの準備ができました。そのうち 1件に警告があります。1件は Scene7 で処理できませんでした。3件はまだ処理中です。"},
	} {
		words.Use(c.lang)
		if got := p.sentences(); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
