package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"hoist/app/store"
	"hoist/internal/words"
)

// When part of the saved queue cannot be read at the start, the status says which saved
// upload is damaged and how, in the language of the window.
func TestSavedQueueTroubleInFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	dir := t.TempDir()
	torn := filepath.Join(dir, "queue", "torn.json")
	if err := os.MkdirAll(filepath.Dir(torn), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(torn, []byte(`{"format":2,"id":"torn",`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := (&store.QueueStore{Dir: dir}).Restore(time.Now())
	if err == nil {
		t.Fatal("a torn saved upload was read")
	}
	for _, c := range []struct{ lang, want string }{
		{"fr", "Une partie de la file enregistrée n’a pas pu être lue\u00a0: L’envoi enregistré " + torn + " est endommagé (ligne 1, colonne 24)\u00a0: le fichier s’arrête trop tôt (il est vide ou tronqué)."},
		{"ja", "保存されたキューの一部を読み込めませんでした：保存されたアップロード " + torn + " が壊れています（1行目、24文字目）：ファイルが途中で終わっています（空か、途中で切れています）。"},
	} {
		words.Use(c.lang)
		if got := savedQueueTrouble(err); got != c.want {
			t.Errorf("%s:\n%q\nwant\n%q", c.lang, got, c.want)
		}
	}
}
