package words

import (
	"strings"
	"testing"

	"hoist/uploader"
)

func TestFileNameEscapesOnlyWhatATerminalWouldActOn(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"café.jpg", "café.jpg"},
		{"cafe\u0301.jpg", "cafe\u0301.jpg"},
		{`写真　1 "q" 'a' \ <&>.jpg`, `写真　1 "q" 'a' \ <&>.jpg`},
		{"a\u00a0b\ufffd.jpg", "a\u00a0b\ufffd.jpg"}, // a real U+FFFD shows as itself
		{"nl\nline.jpg", `"nl\nline.jpg"`},
		{"esc\x1b[31mred.jpg", `"esc\x1b[31mred.jpg"`},
		{"tab\t\"q\"\\.jpg", `"tab\t\"q\"\\.jpg"`},
		{"del\x7f\u0085.jpg", `"del\x7f\u0085.jpg"`},
		{"rtl\u202egpj.exe", `"rtl\u202egpj.exe"`},
		{"ls\u2028.jpg", `"ls\u2028.jpg"`},
		{"bad\xffbyte.jpg", `"bad\xffbyte.jpg"`},
	} {
		if got := FileName(c.name); got != c.want {
			t.Errorf("FileName(%q) = %s, want %s", c.name, got, c.want)
		}
	}
}

// A server's words are escaped like a name, without quotes of their own.
func TestServerTextEscapesLikeAFileNameWithoutQuotes(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{`w/写真 "1".jpg was processed into IPS`, `w/写真 "1".jpg was processed into IPS`},
		{`C:\temp`, `C:\temp`},
		{"w/a\u009b31mb.jpg could not be processed: \"x\"\nline 2", `w/a\u009b31mb.jpg could not be processed: "x"\nline 2`},
		{"rtl\u202e \\ bad\xff", `rtl\u202e \\ bad\xff`},
	} {
		if got := ServerText(c.text); got != c.want {
			t.Errorf("ServerText(%q) = %s, want %s", c.text, got, c.want)
		}
	}
}

// A whole answer keeps its lines and tabs, and escapes what would act on a terminal.
func TestServerLinesKeepTheLayoutAndEscapeTheRest(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"<a>\r\n\t<b>写真</b>\r\n</a>", "<a>\n\t<b>写真</b>\n</a>"},
		{"<b>x\x1b[2J\u009b31m</b>\n\t\ty\rz\\", "<b>x\\x1b[2J\\u009b31m</b>\n\t\ty\\rz\\\\"},
		{"bad\xff\u202e", `bad\xff\u202e`},
		{"", ""},
	} {
		if got := ServerLines(c.text); got != c.want {
			t.Errorf("ServerLines(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// The names in the engine's sentences about files are written the same way.
func TestSentencesAboutFilesEscapeTheirNames(t *testing.T) {
	defer Use(Use("en"))
	for _, s := range []string{
		Skip(uploader.Skipped{Kind: uploader.SkipLinkOutside, Name: "a\x1b[2Jb", Rel: "d/a\x1b[2Jb"}),
		Error(&uploader.FileError{Rel: "d/x\ny.jpg", Err: uploader.ErrFileGone}),
		NameWarning(uploader.NameWarning{Kind: uploader.WarnSameAsset, AssetID: "a", Other: "d/a\r.png"}),
		Outcome(uploader.FileOutcome{Outcome: uploader.Replaced, ReplacedBy: "d/x\x1b[2Jy.png"}),
		FollowEvent(uploader.FollowEvent{Kind: uploader.FollowStarted, JobHandle: "j|1||x\ry|2"}),
	} {
		if strings.ContainsAny(s, "\x1b\n\r") {
			t.Errorf("a raw control character in %q", s)
		}
		if !strings.Contains(s, `"`) || !strings.Contains(s, `\`) {
			t.Errorf("the name is not quoted and escaped in %q", s)
		}
	}
}

// Scene7's words in a sentence about a file's outcome (which often name the file) are
// escaped as a name is, without quotes of their own.
func TestOutcomeEscapesScene7sWords(t *testing.T) {
	defer Use(Use("en"))
	for _, o := range []uploader.Outcome{uploader.Failed, uploader.Warnings} {
		s := Outcome(uploader.FileOutcome{Outcome: o, Message: "d/x\ny\u009b.psb could not be processed."})
		if strings.ContainsAny(s, "\n\u009b") || !strings.Contains(s, `d/x\ny\u009b.psb could not be processed`) {
			t.Errorf("%v: %q", o, s)
		}
	}
	s := FollowEvent(uploader.FollowEvent{Kind: uploader.JobProcessing, Progress: "step\x1b[2J 1"})
	if strings.Contains(s, "\x1b") || !strings.Contains(s, `step\x1b[2J 1`) {
		t.Errorf("progress: %q", s)
	}
}
