package ui

import (
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/assets"
	"hoist/internal/words"
	"hoist/uploader"
)

// speaking makes code the language of the test, and puts the last one back after it.
func speaking(t testing.TB, code string) {
	t.Helper()
	was := words.Current()
	if got := words.Use(code); got != code {
		t.Fatalf("words.Use(%q) = %q", code, got)
	}
	t.Cleanup(func() { words.Use(was) })
}

// languages are the languages the window is tested in.
var languages = []string{"en", "fr", "ja"}

// eachLanguage runs f once per language, as a subtest named after it.
func eachLanguage(t *testing.T, f func(t *testing.T, code string)) {
	for _, code := range languages {
		t.Run(code, func(t *testing.T) {
			speaking(t, code)
			f(t, code)
		})
	}
}

// shownTexts are the words of every label, button, check box and tab on screen.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if !x.Visible() {
			continue
		}
		switch x := x.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.Card:
			out = append(out, x.Title)
		case *container.AppTabs:
			for _, it := range x.Items {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

// The main window speaks the chosen language: its buttons, the empty queue's sentence,
// counted sentences in the language's plural forms, the figures, and a problem row.
func TestMainWindowSpeaksTheLanguage(t *testing.T) {
	want := map[string]struct {
		upload, tab, drop, empty, added3, added1, skipped, done, problems string
	}{
		"en": {"Upload", "Queue", "Drop files and folders here", "No files yet.",
			"3 files added.", "1 file added.", "3 files added; 1 file skipped (the list says why).",
			"0 of 4 files done", "Show problems only (1)"},
		"fr": {"Envoyer", "File d’attente", "Déposez vos fichiers et dossiers ici", "Aucun fichier pour l’instant.",
			"3 fichiers ajoutés.", "1 fichier ajouté.", "3 fichiers ajoutés\u00a0; 1 fichier ignoré (la liste indique pourquoi).",
			"Terminés\u00a0: 0 sur 4 fichiers", "Problèmes seulement (1)"},
		"ja": {"アップロード", "キュー", "ここにファイルやフォルダーをドロップ", "ファイルはまだありません。",
			"3件のファイルを追加しました。", "1件のファイルを追加しました。", "3件のファイルを追加しました。1件をスキップしました（理由はリストに表示されています）。",
			"4件中 0件完了", "問題のあるファイルのみ（1）"},
	}
	eachLanguage(t, func(t *testing.T, code string) {
		w := want[code]
		e := newTestEnv(t)
		v := e.w.Queue
		if v.Upload.Text != w.upload || e.w.Tabs.Items[tabQueue].Text != w.tab {
			t.Errorf("Upload button %q, queue tab %q; want %q, %q", v.Upload.Text, e.w.Tabs.Items[tabQueue].Text, w.upload, w.tab)
		}
		shown := strings.Join(shownTexts(e.w.Win.Content()), "\n")
		if !strings.Contains(shown, w.drop) {
			t.Errorf("the empty queue does not say %q; shown:\n%s", w.drop, shown)
		}
		if v.summary.Text != w.empty {
			t.Errorf("summary of the empty queue = %q, want %q", v.summary.Text, w.empty)
		}

		dir := files(t, map[string]string{"a.jpg": "a", "b.jpg": "b", "c.jpg": "c", "d/e.jpg": "e", "d/.DS_Store": "x"})
		e.w.AddPaths([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg"), filepath.Join(dir, "c.jpg")})
		if v.status.Text != w.added3 {
			t.Errorf("status after adding 3 files = %q, want %q", v.status.Text, w.added3)
		}
		e.w.AddPaths([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "d", "e.jpg")})
		if v.status.Text != w.added1 {
			t.Errorf("status after adding 1 file = %q, want %q", v.status.Text, w.added1)
		}
		if got := addedText(3, 1); got != w.skipped {
			t.Errorf("3 added, 1 skipped = %q, want %q", got, w.skipped)
		}
		if !strings.HasPrefix(v.summary.Text, w.done) || !strings.Contains(v.summary.Text, words.Size(4)) {
			t.Errorf("summary = %q, want it to start with %q and count %s", v.summary.Text, w.done, words.Size(4))
		}
		e.w.AddPaths([]string{filepath.Join(dir, "d")})
		if v.ProblemsOnly.Text != w.problems {
			t.Errorf("problems filter = %q, want %q", v.ProblemsOnly.Text, w.problems)
		}
		rows := shownRows(v)
		if got, skipped := rows["d/.DS_Store"], words.T("row.skipped", words.A{"Reason": ""}); !strings.HasPrefix(got, strings.TrimSpace(skipped)) {
			t.Errorf("the skipped row says %q, want it to start with %q", got, skipped)
		}
		if code != "en" {
			leftInEnglish(t, e)
		}
	})
}

// leftInEnglish fails for any of the window's own sentences (window.*.json) still shown
// in English, while the language is another one: on the tabs, the queue, the banners, the
// options' cards and the admin view (the other panels' words are in panels.*.json).
func leftInEnglish(t *testing.T, e *testEnv) {
	t.Helper()
	data, err := fs.ReadFile(assets.Messages, words.MessageDir+"/window.en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]any
	if err := json.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	english := map[string]string{}
	for id, v := range en {
		if s, ok := v.(string); ok && !strings.Contains(s, "{{") && s != words.T(id, nil) {
			english[s] = id
		}
	}
	check := func(where string, o fyne.CanvasObject) {
		for _, s := range shownTexts(o) {
			if id, ok := english[s]; ok {
				t.Errorf("%s shows %q in English (%s)", where, s, id)
			}
		}
	}
	for i, tab := range e.w.Tabs.Items {
		e.w.Tabs.SelectIndex(i)
		check("the tabs", widget.NewLabel(tab.Text))
		check("the header", e.w.header)
		if i == tabOptions {
			for _, o := range test.LaidOutObjects(tab.Content) {
				if c, ok := o.(*widget.Card); ok {
					check("the options' cards", widget.NewLabel(c.Title))
				}
			}
		}
	}
	e.w.Tabs.SelectIndex(tabAdmin)
	check("the admin view", e.w.Admin.Content)
	e.w.Tabs.SelectIndex(tabQueue)
	check("the queue", e.w.Queue.Content)
}

// A Japanese line of the job log takes the room of its wide characters: counted as
// letters, its last line was clipped.
func TestWideCharactersWrapOnMoreLines(t *testing.T) {
	ja := "アップロード済み。Scene7 で処理中です。"
	if got := wrappedLines(ja, 20); got != 2 {
		t.Errorf("%q on 20 columns: %d lines, want 2 (its 19 wide characters take 38 columns)", ja, got)
	}
	if got := wrappedLines("日本語", 5); got != 2 {
		t.Errorf("3 wide characters on 5 columns: %d lines, want 2", got)
	}
	w := lineWrap{width: 300}
	if en, ja := w.height(strings.Repeat("a", 40)), w.height(strings.Repeat("あ", 40)); ja <= en {
		t.Errorf("40 Japanese characters are %v tall, no taller than 40 letters (%v)", ja, en)
	}
}

// The job log's row height (lineWrap) is at least what Fyne's own word-wrapped label in
// the line's style (logStyle) needs for the same line, in every language: no line is clipped.
func TestJobLogRowsHoldTheirWholeLine(t *testing.T) {
	test.NewTempApp(t)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	stamp := "2026-11-30 13:10:41.689  warning hoist  printemps-2026/.DS_Store: "
	lines := []string{
		stamp + ".DS_Store is a macOS Finder settings file, not something to publish.",
		stamp + ".DS_Store は macOS の Finder の設定ファイルで、公開するものではありません。アップロードしませんでした。",
		stamp + "アップロード済み。Scene7 で処理中です。準備ができると各行に表示されます。ジョブログは「ジョブログ」タブにあります。",
		stamp + "«\u00a0.DS_Store\u00a0» est un fichier de réglages du Finder de macOS\u00a0: il n’est pas destiné à être publié.",
	}
	for _, width := range []float32{400, 500, 640, 760, 900, 1000, 1300} {
		w := lineWrap{width: width}
		for _, line := range lines {
			l := widget.NewLabel(line)
			l.TextStyle = logStyle(line)
			l.Wrapping = fyne.TextWrapWord
			// A list row is the list's width less its scroll bar.
			l.Resize(fyne.NewSize(width-theme.ScrollBarSize(), 10))
			need, got := l.MinSize().Height, w.height(line)
			if got < need {
				t.Errorf("at %v: the row is %v tall, the label needs %v: %q", width, got, need, line)
			}
			if oneLine := fyne.MeasureText("M", theme.TextSize(), l.TextStyle).Height; got > need+oneLine {
				t.Errorf("at %v: the row is %v tall, more than a line taller than the label (%v): %q", width, got, need, line)
			}
		}
	}
}

// The line about the options is whole in every language: its choice labels keep their
// first letter (a Japanese one was cut in the middle of its bytes) and its blocks are
// named in the language.
func TestOptionsLineInEachLanguage(t *testing.T) {
	o := uploader.DefaultOptions()
	o.EmailSetting = "None"
	if err := o.Set("manualCropOptions", true); err != nil {
		t.Fatal(err)
	}
	eachLanguage(t, func(t *testing.T, code string) {
		line := optionsSummary("", o, uploader.Scene7)
		if !utf8.ValidString(line) {
			t.Fatalf("%q is not valid UTF-8", line)
		}
		choice := ChoiceLabel("emailSetting", "None")
		if !strings.Contains(strings.ToLower(line), strings.ToLower(choice)) {
			t.Errorf("%q does not say %q", line, choice)
		}
		if !strings.Contains(line, words.OptionLabel("manualCropOptions")) {
			t.Errorf("%q does not name the block %q", line, words.OptionLabel("manualCropOptions"))
		}
	})
}

// A log line with Japanese is drawn in the regular style, whole; a line of letters stays
// monospaced so its columns line up (logStyle says why).
func TestLogLinesWithJapaneseAreNotMonospaced(t *testing.T) {
	if !logStyle("2026-11-30 13:10:41  info  hero.jpg: uploaded").Monospace {
		t.Error("a line of letters is not monospaced")
	}
	if logStyle("2026-11-30 13:10:41  info  商品画像001.jpg: アップロード済み").Monospace {
		t.Error("a line with Japanese is monospaced: Fyne cuts its descenders")
	}
}
