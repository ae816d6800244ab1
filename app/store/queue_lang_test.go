package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"hoist/app/session"
	"hoist/internal/words"
)

// A queue file written by the version before the languages (format 2, its sentences in
// English, what Scene7 made of the files as outcomeText) still loads; restored in French
// or Japanese, what Scene7 made of a file is written again in that language, and a reason
// kept only as English text is not shown in another language.
func TestPreviousVersionsQueueFileReadsInEveryLanguage(t *testing.T) {
	defer words.Use(words.Current())
	const id = "20261125T101500Z-5e55a0b2"
	data, err := os.ReadFile(filepath.Join("testdata", "queue-v2", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, ready, failed, skipped string }{
		{"en", "Ready in Scene7.",
			"Scene7 could not process it: Unsupported file format. Fix the file (or save it in a supported format) and upload it again.",
			".DS_Store is a Finder settings file, not something to publish."},
		{"fr", "Prêt dans Scene7.",
			"Scene7 n’a pas pu le traiter\u00a0: Unsupported file format. Corrigez le fichier (ou enregistrez-le dans un format pris en charge) et envoyez-le de nouveau.",
			"Écarté à l’ajout\u00a0; Hoist en a noté la raison dans une autre langue. Ajoutez-le de nouveau pour la lire."},
		{"ja", "Scene7 で準備ができました。",
			"Scene7 で処理できませんでした：Unsupported file format。ファイルを修正して（または対応している形式で保存し直して）、もう一度アップロードしてください。",
			"追加したときにスキップされました。理由は別の言語で記録されています。理由を確認するには、もう一度追加してください。"},
	}
	for _, c := range cases {
		words.Use(c.lang)
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "queue"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "queue", id+".json"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		snap, err := (&QueueStore{Dir: dir}).Restore(time.Date(2026, 11, 25, 10, 20, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		q := session.New(session.Config{})
		if waiting := q.Restore(snap); waiting != 2 {
			t.Fatalf("%s: %d files waiting, want 2 (the cancelled and the paused one)", c.lang, waiting)
		}
		rows := q.Rows()
		if len(rows) != 6 || rows[0].Outcome != session.Ready || rows[1].Outcome != session.FailedInScene7 || rows[3].State != session.Skipped {
			t.Fatalf("%s: rows %+v", c.lang, rows)
		}
		for _, g := range []struct{ what, got, want string }{
			{"ready", rows[0].OutcomeText, c.ready},
			{"failed in Scene7", rows[1].OutcomeText, c.failed},
			{"skipped", rows[3].Reason, c.skipped},
			{"paused", rows[5].Reason, ""},
		} {
			if g.got != g.want {
				t.Errorf("%s %s:\n%q\nwant\n%q", c.lang, g.what, g.got, g.want)
			}
		}
	}
}
