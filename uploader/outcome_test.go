package uploader

import (
	"encoding/json"
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
	if n := TallyOutcomes(outs); n != (OutcomeTally{Files: 7, Ready: 4, Warnings: 2, Failed: 2, NoWord: 1}) {
		t.Errorf("tally %+v", n)
	}
}

func TestMatchOutcomesFatalError(t *testing.T) {
	logs := []JobLog{{FatalError: "true", Details: []LogDetail{detail("UploadSuccess", "a.jpg", "ok")}}}
	outs := MatchOutcomes(logs, "", []string{"a.jpg", "b.jpg"})
	if outs[0].Outcome != Processed || outs[1].Outcome != Failed || outs[1].LogType != "FatalError" || outs[1].Message != "" {
		t.Errorf("%+v", outs)
	}
	// xsd:boolean also reads 1 and 0 (docs/protocol.md §getJobLogDetails).
	for value, fatal := range map[string]bool{"1": true, "0": false, "false": false, "": false} {
		logs = []JobLog{{FatalError: value, Details: []LogDetail{detail("UploadSuccess", "a.jpg", "ok")}}}
		outs = MatchOutcomes(logs, "", []string{"a.jpg", "b.jpg"})
		if failed := outs[1].Outcome == Failed && outs[1].LogType == "FatalError"; failed != fatal || outs[1].Message != "" {
			t.Errorf("fatalError %q: %+v, want fatal %v", value, outs[1], fatal)
		}
	}
	logs = []JobLog{{FatalError: "false", Details: []LogDetail{detail("FatalError", "", "disk full")}}}
	if outs := MatchOutcomes(logs, "", []string{"a.jpg"}); outs[0].Outcome != Failed || outs[0].Message != "disk full" {
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
	if n := TallyOutcomes(outs); n != (OutcomeTally{Files: 2, Ready: 1, Warnings: 1, Failed: 1}) {
		t.Errorf("tally %+v", n)
	}
}

func TestOutcomeNames(t *testing.T) {
	b, _ := json.Marshal(map[string]any{"o": NoWord, "k": FileProcessed})
	if string(b) != `{"k":"FileProcessed","o":"no word"}` {
		t.Errorf("json %s", b)
	}
	var o Outcome
	if err := json.Unmarshal([]byte(`"warnings"`), &o); err != nil || o != Warnings || json.Unmarshal([]byte(`"x"`), &o) == nil {
		t.Errorf("unmarshal: %v %v", o, err)
	}
}
