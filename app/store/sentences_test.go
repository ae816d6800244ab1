package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"hoist/internal/words"
)

// The store's errors are written by words.Error in the language current when they are
// shown: the same error value reads in French, then in Japanese.
func TestStoreErrorsInFrenchAndJapanese(t *testing.T) {
	defer words.Use(words.Current())
	locked := &KeychainUnavailableError{Op: "save", SessionOnly: true, Err: errors.New("locked collection")}
	dir := t.TempDir()
	path := filepath.Join(dir, profilesFile)
	if err := os.WriteFile(path, []byte("{\"format\": \"hoist-profiles/1\",\n  \"profiles\": [ {\"name\": \"A\",, } ]\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, broken := (&Profiles{Dir: dir}).List()
	cases := []struct {
		lang string
		err  error
		want string
	}{
		{"fr", locked, "Hoist ne peut pas utiliser le trousseau du système (il est absent ou verrouillé\u00a0; sous Linux, il faut un service Secret Service comme GNOME Keyring)\u00a0: il gardera donc ce mot de passe en mémoire pour cette session seulement. Il vous sera redemandé après la fermeture de Hoist."},
		{"ja", locked, "システムのキーチェーンを使えません（見つからないか、ロックされています。Linux では GNOME Keyring などの Secret Service が必要です）。そのため、このパスワードはこのセッションの間だけメモリーに保持します。Hoist を閉じた後は、もう一度入力が必要です。"},
		{"fr", broken, "Impossible de lire le fichier des connexions " + path + " (ligne 2, colonne 30)\u00a0: ce n’est pas du JSON valide à partir de «\u00a0,\u00a0» (il manque une virgule, un guillemet ou une accolade, ou il y en a une de trop, à cet endroit ou juste avant). Corrigez-le dans un éditeur de texte, ou déplacez-le pour repartir avec le bac à sable local."},
		{"ja", broken, "接続ファイル " + path + " を読み込めません（2行目、30文字目）：JSON として正しくありません（「,」かその直前で、カンマ・引用符・括弧が足りないか、多すぎます）。テキストエディターで修正するか、ファイルを別の場所に移してローカルサンドボックスからやり直してください。"},
		{"fr", (&Presets{Dir: dir}).Delete("Été"), "Aucun préréglage ne s’appelle «\u00a0Été\u00a0»."},
		{"ja", (&Profiles{Dir: t.TempDir()}).Delete("Local sandbox"), "「Local sandbox」は組み込みのローカルサンドボックス接続のため、変更も削除もできません。複製して自分用の接続を作ってください。"},
	}
	for _, c := range cases {
		words.Use(c.lang)
		if got := words.Error(c.err); got != c.want {
			t.Errorf("%s: words.Error(%T) =\n%q\nwant\n%q", c.lang, c.err, got, c.want)
		}
		if !words.Knows(c.err) {
			t.Errorf("%s: words does not know %T", c.lang, c.err)
		}
	}
	// errors.Is still sees the sentinels behind the sentences.
	if err := (&Presets{Dir: dir}).Delete("x"); !errors.Is(err, ErrPresetNotFound) {
		t.Errorf("Delete of a missing preset: %v is not ErrPresetNotFound", err)
	}
}

// A check of a profile names every wrong field in the current language.
func TestProfileProblemsInJapanese(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("ja")
	var pe *ProfileError
	if err := (Profile{Name: "Brand", Service: "scene7", Region: "na"}).Validate(); !errors.As(err, &pe) {
		t.Fatalf("Validate = %v", err)
	}
	if got, want := pe.Field("company"), "Scene7 の会社ハンドルを入力してください（例：「c|2101」）。"; got != want {
		t.Errorf("company: %q, want %q", got, want)
	}
	if got, want := pe.Field("user"), "サーバーに登録されているユーザー名を入力してください。"; got != want {
		t.Errorf("user: %q, want %q", got, want)
	}
}
