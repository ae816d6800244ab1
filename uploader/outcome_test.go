package uploader

import (
	"encoding/json"
	"strings"
	"testing"
)

func detail(typ, asset, msg string) LogDetail {
	return LogDetail{LogType: typ, AssetName: asset, LogMessage: msg}
}

func TestMatchOutcomes(t *testing.T) {
	rels := []string{"img/hero.jpg", "img/sub/photo.png", "doc.pdf", "big.psb", "clip.mp4", "silent.tif", "notes.xyz"}
	logs := []JobLog{{Details: []LogDetail{
		detail("BeginUpload", "", "begun"),
		detail("FileBegin", "spring/img/hero.jpg", "receiving"),
		// The asset name as the full path under the destination folder, behind the
		// company's root folder, as a relative path, a file name and an asset ID.
		detail("UploadSuccess", "Acme/spring/img/hero.jpg", "Acme/spring/img/hero.jpg was processed into IPS"),
		detail("UploadWarning", "img/sub/photo.png", "colour profile ignored"),
		detail("UploadSuccess", "img/sub/photo.png", "processed"),
		detail("UploadError", "doc.pdf", "not a PDF"),
		detail("UploadSuccess", "doc.pdf", "processed anyway?"),
		detail("UploadError", "big", "PSB is not supported"),
		detail("UploadError", "big", "really not"),
		detail("FileUpdated", "clip", "replaced"),
		detail("DuplicateSkipped", "notes.xyz", "exists; skipped"),
		detail("UploadSuccess", "stranger.jpg", "someone else's file"),
		detail("EndUpload", "", "done"),
	}}}
	outs := MatchOutcomes(logs, "/spring/", rels)
	want := []struct {
		outcome Outcome
		msg     string
	}{
		{Processed, "Acme/spring/img/hero.jpg was processed into IPS"},
		{Warnings, "colour profile ignored"},
		{Failed, "not a PDF"},
		{Failed, "PSB is not supported really not"},
		{Processed, "replaced"},
		{NoWord, ""},
		{Warnings, "exists; skipped"},
	}
	if len(outs) != len(rels)+1 {
		t.Fatalf("%d outcomes: %+v", len(outs), outs)
	}
	for i, w := range want {
		if o := outs[i]; o.Item != i || o.Rel != rels[i] || o.Outcome != w.outcome || o.Message != w.msg {
			t.Errorf("%s: %+v, want %v %q", rels[i], o, w.outcome, w.msg)
		}
	}
	if o := outs[len(rels)]; o.Item != -1 || o.Rel != "stranger.jpg" || o.AssetID != "stranger" || o.Outcome != Processed {
		t.Errorf("unmatched asset %+v", o)
	}
	if s := OutcomeSummary(outs); s != "4 of 7 files ready in Scene7 (2 with warnings), 2 failed, 1 without word from Scene7." {
		t.Errorf("summary %q", s)
	}
}

func TestMatchOutcomesFatalError(t *testing.T) {
	logs := []JobLog{{FatalError: "true", Details: []LogDetail{detail("UploadSuccess", "a.jpg", "ok")}}}
	outs := MatchOutcomes(logs, "", []string{"a.jpg", "b.jpg"})
	if outs[0].Outcome != Processed || outs[1].Outcome != Failed || outs[1].Message != "The job stopped on a fatal error." {
		t.Errorf("%+v", outs)
	}
	logs = []JobLog{{FatalError: "false", Details: []LogDetail{detail("FatalError", "", "disk full")}}}
	if outs := MatchOutcomes(logs, "", []string{"a.jpg"}); outs[0].Outcome != Failed || !strings.Contains(outs[0].Sentence(), "disk full.") {
		t.Errorf("%+v", outs)
	}
}

// A job's log read on its own (hoist job-log) gets one row per asset, in log order.
func TestMatchOutcomesWithoutFiles(t *testing.T) {
	logs := []JobLog{{Details: []LogDetail{
		detail("FileBegin", "b.jpg", ""), detail("UploadSuccess", "b.jpg", "ok"),
		detail("UploadError", "a.psb", "no"), detail("UploadWarning", "b.jpg", "hmm"),
	}}}
	outs := MatchOutcomes(logs, "", nil)
	if len(outs) != 2 || outs[0].Rel != "b.jpg" || outs[0].Outcome != Warnings || outs[1].Rel != "a.psb" || outs[1].Outcome != Failed {
		t.Fatalf("%+v", outs)
	}
	if s := OutcomeSummary(outs); s != "1 of 2 files ready in Scene7 (1 with warnings), 1 failed." {
		t.Errorf("summary %q", s)
	}
}

func TestOutcomeSentencesAndNames(t *testing.T) {
	for o, want := range map[Outcome]string{Processed: "Ready", Warnings: "with a warning: w.", Failed: "could not process it: w.", NoWord: "No word"} {
		f := FileOutcome{Outcome: o, Message: "w"}
		if s := f.Sentence(); !strings.Contains(s, want) {
			t.Errorf("%v: %q", o, s)
		}
	}
	if s := (FileOutcome{Outcome: Failed}).Sentence(); !strings.Contains(s, "it gave no reason") {
		t.Errorf("no message: %q", s)
	}
	b, _ := json.Marshal(map[string]any{"o": NoWord, "k": FileProcessed})
	if string(b) != `{"k":"FileProcessed","o":"no word"}` {
		t.Errorf("json %s", b)
	}
	var o Outcome
	if err := json.Unmarshal([]byte(`"warnings"`), &o); err != nil || o != Warnings || json.Unmarshal([]byte(`"x"`), &o) == nil {
		t.Errorf("unmarshal: %v %v", o, err)
	}
}
