package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/app/store"
	"hoist/internal/words"
)

// When part of the saved queue cannot be read at the start, the status says which saved
// upload is damaged and how, and what to do, in the language of the window; two damaged
// saved uploads are both named.
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
	odd := filepath.Join(dir, "queue", "odd.json")
	if err := os.WriteFile(odd, []byte("{\"format\":2,,}"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := (&store.QueueStore{Dir: dir}).Restore(time.Now())
	if err == nil {
		t.Fatal("a torn saved upload was read")
	}
	for _, c := range []struct{ lang, want string }{
		{"fr", "Une partie de la file enregistrée n’a pas pu être lue\u00a0: L’envoi enregistré " + torn + " est endommagé (ligne 1, colonne 24)\u00a0: le fichier s’arrête trop tôt (il est vide ou tronqué). Le reste de la file est rétabli\u00a0; ajoutez à nouveau les fichiers de cet envoi s’ils restent à envoyer, puis déplacez le fichier endommagé."},
		{"ja", "保存されたキューの一部を読み込めませんでした：保存されたアップロード " + torn + " が壊れています（1行目、24文字目）：ファイルが途中で終わっています（空か、途中で切れています）。キューの残りは元に戻しました。このアップロードのファイルをまだ送る場合はもう一度追加し、壊れたファイルは別の場所に移してください。"},
	} {
		words.Use(c.lang)
		if got := savedQueueTrouble(err); !strings.Contains(got, c.want) || !strings.Contains(got, odd) {
			t.Errorf("%s:\n%q\nwant it to hold\n%q\nand %s", c.lang, got, c.want, odd)
		}
	}
}

// Only a list of damaged saved uploads is said file by file: a sentence with its cause
// inside (a queue folder that cannot be read) stays whole, in Hoist's words rather than
// the system's, and a finished upload whose history could not be written gets no advice
// to add its files again (they were uploaded).
func TestSavedQueueTroubleSplitsOnlyFileLists(t *testing.T) {
	defer words.Use(words.Use("en"))
	cause := &fs.PathError{Op: "open", Path: "/cfg/queue", Err: fs.ErrPermission}
	whole := words.Fail("store.queue.unreadable", words.A{"Path": "/cfg/queue", "Reason": cause}, cause)
	if got, want := savedQueueTrouble(whole), words.T("app.queue.partly_unreadable", words.A{"Reason": whole}); got != want {
		t.Errorf("a folder that cannot be read: %q, want %q", got, want)
	}
	finished := words.Fail("store.saved_upload.not_removed", words.A{"ID": "spring", "Reason": cause}, cause)
	if got := savedQueueTrouble(store.FileErrors{finished}); strings.Contains(got, "add this upload's files again") {
		t.Errorf("a finished upload is to be sent again: %q", got)
	}
}
