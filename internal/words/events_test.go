package words

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"hoist/uploader"
)

// sayAll checks a sentence in every language: filled, translated, naming its fields.
func sayAll(t *testing.T, name string, say func() string, fields ...string) {
	t.Helper()
	defer Use(Current())
	Use("en")
	english := say()
	for _, lang := range []string{"en", "fr", "ja"} {
		Use(lang)
		s := say()
		if s == "" || strings.Contains(s, "{{") || strings.Contains(s, "<no value>") || strings.Contains(s, "engine.") || lang != "en" && s == english {
			t.Errorf("%s %s: %q", name, lang, s)
		}
		for _, f := range fields {
			if !strings.Contains(s, f) {
				t.Errorf("%s %s: %q does not name %q", name, lang, s, f)
			}
		}
	}
}

func TestEventSentences(t *testing.T) {
	fault := &uploader.Fault{Kind: uploader.AuthenticationFault, Code: uploader.CodeInvalidCredentials}
	for _, c := range []struct {
		name   string
		ev     uploader.Event
		fields []string
	}{
		{"created", uploader.Event{Kind: uploader.JobCreated, JobName: "hoist-1"}, []string{"hoist-1"}},
		{"resumed", uploader.Event{Kind: uploader.JobContinued, JobName: "hoist-1", Why: uploader.ContinueResumed}, []string{"hoist-1"}},
		{"inactive", uploader.Event{Kind: uploader.JobContinued, JobName: "hoist-1", NextJob: "hoist-1-2", Why: uploader.ContinueInactive}, []string{"hoist-1", "hoist-1-2"}},
		{"idle", uploader.Event{Kind: uploader.JobContinued, JobName: "hoist-1", NextJob: "hoist-1-2", Why: uploader.ContinueIdle}, []string{"hoist-1", "hoist-1-2"}},
		{"unknown", uploader.Event{Kind: uploader.JobContinued, JobName: "hoist-1", NextJob: "hoist-1-2", Why: uploader.ContinueUnknown}, []string{"hoist-1", "hoist-1-2"}},
		{"retrying", uploader.Event{Kind: uploader.FileRetrying, Attempt: 3, Err: &uploader.ReplyError{Status: 503}}, []string{"3", "503"}},
		{"failed", uploader.Event{Kind: uploader.FileFailed, Err: &uploader.FileError{Rel: "a/b.jpg", Err: uploader.ErrFileGone}}, []string{"a/b.jpg"}},
		{"cancelled", uploader.Event{Kind: uploader.FileCancelled}, nil},
		{"skipped", uploader.Event{Kind: uploader.FileSkipped, Skip: &uploader.Skipped{Kind: uploader.SkipSystem, Name: ".DS_Store", System: uploader.SysFinderSettings}}, []string{".DS_Store"}},
		{"ended", uploader.Event{Kind: uploader.JobEnded, Err: fault, Tally: &uploader.Tally{Files: 4, Done: 1, Failed: 1, Cancelled: 1, Skipped: 2, NotEnded: true}}, []string{"1", "4", "2", "30"}},
		{"ended not sent", uploader.Event{Kind: uploader.JobEnded, Tally: &uploader.Tally{Files: 8, Done: 1, NotSent: 7}}, []string{"1", "8", "7"}},
	} {
		sayAll(t, c.name, func() string { return Event(c.ev) }, c.fields...)
	}
	if Event(uploader.Event{Kind: uploader.FileProgress}) != "" {
		t.Error("a progress event has a sentence")
	}
	defer Use(Current())
	Use("en")
	ended := uploader.Event{Kind: uploader.JobEnded, Tally: &uploader.Tally{Files: 4, Done: 3, Failed: 1, Skipped: 1}}
	if got, want := Event(ended), "3 of 4 files uploaded, 1 failed, 1 skipped."; got != want {
		t.Errorf("ended: %q, want %q", got, want)
	}
	// Files the upload stopped before sending are not sent, apart from cancelled ones.
	ended = uploader.Event{Kind: uploader.JobEnded, Tally: &uploader.Tally{Files: 9, Done: 2, Failed: 1, NotSent: 4, Cancelled: 2}}
	if got, want := Event(ended), "2 of 9 files uploaded, 1 failed, 4 not sent, 2 cancelled."; got != want {
		t.Errorf("ended: %q, want %q", got, want)
	}
	ended = uploader.Event{Kind: uploader.JobEnded, Err: fault, Tally: &uploader.Tally{Files: 1, Failed: 1, NotEnded: true}}
	if got, want := Event(ended), "The user name or password was not accepted. Check them in the connection settings; passwords are case-sensitive. 0 of 1 file uploaded, 1 failed. The job could not be ended; the server closes it after 30 idle minutes."; got != want {
		t.Errorf("ended: %q, want %q", got, want)
	}
	Use("ja")
	if got, want := Event(ended), "ユーザー名またはパスワードが受け付けられませんでした。接続の設定で確認してください。パスワードの大文字と小文字は区別されます。アップロード済み：1件中 0件、失敗 1件。ジョブを終了できませんでした。サーバーは 30分間使われなかったジョブを自動で閉じます。"; got != want {
		t.Errorf("ended: %q, want %q", got, want)
	}
}

func TestFollowSentences(t *testing.T) {
	outs := []uploader.FileOutcome{
		{Item: 0, Outcome: uploader.Processed}, {Item: 1, Outcome: uploader.Warnings}, {Item: 2, Outcome: uploader.Failed},
		{Item: 3, Outcome: uploader.NoWord}, {Item: -1, Outcome: uploader.Processed},
	}
	for _, c := range []struct {
		name   string
		ev     uploader.FollowEvent
		fields []string
	}{
		{"started", uploader.FollowEvent{Kind: uploader.FollowStarted, JobHandle: "j|42"}, []string{"j|42"}},
		{"processing", uploader.FollowEvent{Kind: uploader.JobProcessing}, nil},
		{"progress", uploader.FollowEvent{Kind: uploader.JobProcessing, Progress: "3/7"}, []string{"3/7"}},
		{"ready", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.Processed}, nil},
		{"warned", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.Warnings, Said: "Duplicate"}, []string{"Duplicate"}},
		{"failed", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.Failed, Said: "Bad PSB"}, []string{"Bad PSB"}},
		{"fatal", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.Failed, LogType: "FatalError"}, nil},
		{"no word", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.NoWord}, nil},
		{"replaced", uploader.FollowEvent{Kind: uploader.FileProcessed, Outcome: uploader.Replaced, ReplacedBy: "b/hero.png"}, []string{"b/hero.png"}},
		{"summary replaced", uploader.FollowEvent{Kind: uploader.FollowEnded, Files: []uploader.FileOutcome{{Item: 0, Outcome: uploader.Replaced}, {Item: 1, Outcome: uploader.Processed}}}, []string{"1", "2"}},
		{"summary", uploader.FollowEvent{Kind: uploader.FollowEnded, Files: outs}, []string{"4", "1"}},
		{"log unread", uploader.FollowEvent{Kind: uploader.FollowEnded, Err: errors.Join(nil, &uploader.JobLogError{JobHandle: "j|42", Err: &uploader.ReplyError{Status: 502}})}, []string{"502"}},
	} {
		sayAll(t, c.name, func() string { return FollowEvent(c.ev) }, c.fields...)
	}
	defer Use(Current())
	// Scene7's words end with the language's own full stop, whatever stop they had.
	for _, c := range []struct {
		lang string
		f    uploader.FileOutcome
		want string
	}{
		{"en", uploader.FileOutcome{Outcome: uploader.Warnings, Message: "Duplicate. "}, "Ready in Scene7, with a warning: Duplicate. Check the asset in Dynamic Media Classic."},
		{"en", uploader.FileOutcome{Outcome: uploader.Failed, LogType: "FatalError"}, "Scene7 could not process it: The job stopped on a fatal error. Fix the file (or save it in a supported format) and upload it again."},
		{"en", uploader.FileOutcome{Outcome: uploader.Failed}, "Scene7 could not process it: it gave no reason. Fix the file (or save it in a supported format) and upload it again."},
		{"fr", uploader.FileOutcome{Outcome: uploader.Warnings}, "Prêt dans Scene7, avec un avertissement sans explication. Vérifiez la ressource dans Dynamic Media Classic."},
		{"ja", uploader.FileOutcome{Outcome: uploader.Failed, Message: "Bad PSB."}, "Scene7 で処理できませんでした：Bad PSB。ファイルを修正して（または対応している形式で保存し直して）、もう一度アップロードしてください。"},
		{"ja", uploader.FileOutcome{Outcome: uploader.Warnings, Message: "重複しています。"}, "Scene7 で準備ができましたが、警告があります：重複しています。Dynamic Media Classic でアセットを確認してください。"},
	} {
		Use(c.lang)
		if got := Outcome(c.f); got != c.want {
			t.Errorf("%s %+v:\n%q\nwant\n%q", c.lang, c.f, got, c.want)
		}
	}
	Use("en")
	if got, want := OutcomeSummary(outs), "2 of 4 files ready in Scene7 (1 with warnings), 1 failed, 1 without word from Scene7."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	Use("fr")
	// The French wording agrees whatever the counts ("1 fichiers sur 2" was wrong).
	for n, want := range map[int]string{
		1: "Fichiers prêts dans Scene7\u00a0: 1 sur 1.",
		4: "Fichiers prêts dans Scene7\u00a0: 2 sur 4 (1 avec avertissement), 1 en échec, 1 sans nouvelles de Scene7.",
	} {
		if got := OutcomeSummary(outs[:n]); got != want {
			t.Errorf("summary %q, want %q", got, want)
		}
	}
}

func TestSkipAndWarningSentences(t *testing.T) {
	for _, c := range []struct {
		name   string
		s      uploader.Skipped
		fields []string
	}{
		{"system", uploader.Skipped{Kind: uploader.SkipSystem, Name: "Thumbs.db", System: uploader.SysThumbnailCache}, []string{"Thumbs.db", "Windows"}},
		{"control", uploader.Skipped{Kind: uploader.SkipControlChar, Rel: "c/a\tb.jpg", Char: '\t'}, []string{"U+0009"}},
		{"nfc", uploader.Skipped{Kind: uploader.SkipSameNFC, Rel: "c/été.jpg", Other: "/x/c/e\u0301te\u0301.jpg"}, []string{"c/été.jpg", "é"}},
		{"same rel", uploader.Skipped{Kind: uploader.SkipSameRel, Rel: "a/pic.jpg", Other: "/d/a/pic.jpg"}, []string{"a/pic.jpg", "/d/a/pic.jpg"}},
		{"special", uploader.Skipped{Kind: uploader.SkipSpecial, Name: "fifo"}, []string{"fifo"}},
		{"loop", uploader.Skipped{Kind: uploader.SkipLinkLoop, Name: "up"}, []string{"up"}},
		{"outside", uploader.Skipped{Kind: uploader.SkipLinkOutside, Name: "keys"}, []string{"keys"}},
		{"broken", uploader.Skipped{Kind: uploader.SkipLinkBroken, Name: "old"}, []string{"old"}},
		{"self", uploader.Skipped{Kind: uploader.SkipLinkSelf, Name: "self"}, []string{"self"}},
		{"gone", uploader.Skipped{Kind: uploader.SkipGone, Name: "gone.jpg", Err: fs.ErrNotExist}, []string{"gone.jpg"}},
		{"permission", uploader.Skipped{Kind: uploader.SkipUnreadable, Name: "secret.jpg", Err: &fs.PathError{Op: "open", Path: "/s", Err: fs.ErrPermission}}, []string{"secret.jpg"}},
		{"unreadable", uploader.Skipped{Kind: uploader.SkipUnreadable, Name: "bad.jpg", Err: &fs.PathError{Op: "open", Path: "/s", Err: syscall.EIO}}, []string{"bad.jpg", syscall.EIO.Error()}},
		{"folder", uploader.Skipped{Kind: uploader.SkipUnreadable, Name: "locked", Folder: true, Err: &fs.PathError{Op: "open", Path: "/s", Err: fs.ErrPermission}}, []string{"locked"}},
	} {
		sayAll(t, c.name, func() string { return Skip(c.s) }, c.fields...)
	}
	for sys := range systemFiles {
		sayAll(t, "system file", func() string { return Skip(uploader.Skipped{Kind: uploader.SkipSystem, Name: "x", System: sys}) })
	}
	for _, c := range []struct {
		name   string
		w      uploader.NameWarning
		fields []string
	}{
		{"same asset", uploader.NameWarning{Kind: uploader.WarnSameAsset, AssetID: "hero", Other: "c/hero.png"}, []string{"hero", "c/hero.png"}},
		{"chars", uploader.NameWarning{Kind: uploader.WarnCharsRemoved, AssetID: "quotes q"}, []string{"quotes q"}},
		{"all chars", uploader.NameWarning{Kind: uploader.WarnCharsRemoved}, nil},
		{"no ext", uploader.NameWarning{Kind: uploader.WarnUnsupported}, nil},
		{"ext", uploader.NameWarning{Kind: uploader.WarnUnsupported, Ext: "psb"}, []string{".psb"}},
	} {
		sayAll(t, c.name, func() string { return NameWarning(c.w) }, c.fields...)
	}
}

func TestOptionProblemSentences(t *testing.T) {
	o := uploader.DefaultOptions()
	o.EmailSetting = "Sometimes"
	_ = o.Set("unsharpMaskOptions.threshold", 300)
	_ = o.Set("autoSetCreationOptions", true)
	var ve *uploader.ValidationError
	if err := o.Validate(); !errors.As(err, &ve) || len(ve.Problems) != 3 {
		t.Fatalf("Validate = %v", err)
	}
	for i := range ve.Problems {
		p := &ve.Problems[i]
		sayAll(t, p.Path, func() string { return OptionProblem(p) })
	}
	sayAll(t, "all", func() string { return Error(ve) }, "300", "255", "Sometimes")
	defer Use(Current())
	Use("en")
	if got, want := OptionProblem(o.FieldProblem("unsharpMaskOptions.threshold")), OptionLabel("unsharpMaskOptions.threshold")+" must be between 0 and 255; it is 300."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if OptionProblem(o.FieldProblem("overwrite")) != "" {
		t.Error("a fine option has a problem")
	}
}
