package uploader

import "testing"

// outcomesOf is each file's outcome and, for a replaced one, the file that replaced it.
func outcomesOf(outs []FileOutcome) map[string][2]string {
	got := map[string][2]string{}
	for _, o := range outs {
		got[o.Rel] = [2]string{o.Outcome.String(), o.ReplacedBy}
	}
	return got
}

func checkOutcomes(t *testing.T, outs []FileOutcome, want map[string][2]string) {
	t.Helper()
	got := outcomesOf(outs)
	if len(got) != len(want) || len(outs) != len(want) {
		t.Errorf("%d rows %v, want %v", len(outs), got, want)
	}
	for rel, w := range want {
		if got[rel] != w {
			t.Errorf("%s: %v, want %v", rel, got[rel], w)
		}
	}
}

// Two files of one job share the asset ID "hero", and every line says "hero": the path
// in each message tells which file it is about, whatever the order of the lines, and the
// FileUpdated line that names the other file says it replaced it.
func TestMatchOutcomesSharedAssetID(t *testing.T) {
	a := detail("UploadSuccess", "hero", "w/t9/a/hero.png was processed into IPS")
	b := detail("FileUpdated", "hero", "w/t9/b/hero.png was processed into IPS as asset hero, replacing w/t9/a/hero.png")
	rels := []string{"t9/a/hero.png", "t9/b/hero.png", "t9/logo.png"}
	want := map[string][2]string{
		"t9/a/hero.png": {"replaced", "t9/b/hero.png"},
		"t9/b/hero.png": {"processed", ""},
		"t9/logo.png":   {"no word", ""},
	}
	checkOutcomes(t, MatchOutcomes([]JobLog{{Details: []LogDetail{a, b}}}, "/w/", rels), want)
	checkOutcomes(t, MatchOutcomes([]JobLog{{Details: []LogDetail{b, a}}}, "w", rels), want)
	// The upload order the other way round: b/hero.png first in the list of files.
	rev := []string{"t9/b/hero.png", "t9/a/hero.png", "t9/logo.png"}
	checkOutcomes(t, MatchOutcomes([]JobLog{{Details: []LogDetail{a, b}}}, "w", rev), want)
}

// The same folder uploaded again: the first hero's line names the other hero's version
// from the earlier job, and the second's names the first; the later line has the last
// word, so only the first is replaced.
func TestMatchOutcomesUploadedAgain(t *testing.T) {
	logs := []JobLog{{Details: []LogDetail{
		detail("FileUpdated", "hero", "w/a/hero.png was processed into IPS as asset hero, replacing w/b/hero.png"),
		detail("FileUpdated", "hero", "w/b/hero.png was processed into IPS as asset hero, replacing w/a/hero.png"),
	}}}
	want := map[string][2]string{"a/hero.png": {"replaced", "b/hero.png"}, "b/hero.png": {"processed", ""}}
	checkOutcomes(t, MatchOutcomes(logs, "w", []string{"a/hero.png", "b/hero.png"}), want)
	checkOutcomes(t, MatchOutcomes(logs, "w", []string{"b/hero.png", "a/hero.png"}), want)
}

// A skipped duplicate names the existing file after its own path: the skip is the
// later file's, and nothing is replaced.
func TestMatchOutcomesSkippedDuplicate(t *testing.T) {
	logs := []JobLog{{Details: []LogDetail{
		detail("DuplicateSkipped", "hero", "w/b/hero.png is the asset hero, which exists as w/a/hero.png, and the job does not overwrite: skipped"),
		detail("UploadSuccess", "hero", "w/a/hero.png was processed into IPS"),
	}}}
	checkOutcomes(t, MatchOutcomes(logs, "w", []string{"a/hero.png", "b/hero.png"}), map[string][2]string{
		"a/hero.png": {"processed", ""}, "b/hero.png": {"warnings", ""},
	})
}

// Messages in a language whose words carry no path: the lines go to the files in the
// log's order, and a FileUpdated line after another file's line of the same asset ID
// replaced it (one asset per ID).
func TestMatchOutcomesWithoutPaths(t *testing.T) {
	logs := []JobLog{{Details: []LogDetail{
		detail("UploadSuccess", "hero", "IPS に処理されました"),
		detail("FileUpdated", "hero", "IPS に処理され、以前のアセットを置き換えました"),
		detail("UploadError", "bad", "処理できませんでした"),
	}}}
	checkOutcomes(t, MatchOutcomes(logs, "w", []string{"a/hero.png", "b/hero.jpg", "bad.png"}), map[string][2]string{
		"a/hero.png": {"replaced", "b/hero.jpg"}, "b/hero.jpg": {"processed", ""}, "bad.png": {"failed", ""},
	})
}

// A file that failed keeps its failure when a later file takes over its asset ID; a path
// that is only the tail of another file's path does not name that file.
func TestMatchOutcomesFailedNotReplaced(t *testing.T) {
	logs := []JobLog{{Details: []LogDetail{
		detail("UploadError", "hero", "Acme/w/x/hero.png could not be processed: its content is not a PNG image"),
		detail("FileUpdated", "hero", "Acme/w/hero.png was processed into IPS as asset hero, replacing Acme/w/x/hero.png."),
	}}}
	checkOutcomes(t, MatchOutcomes(logs, "w", []string{"hero.png", "x/hero.png"}), map[string][2]string{
		"hero.png": {"processed", ""}, "x/hero.png": {"failed", ""},
	})
}

// A job's log read on its own (hoist job-log): one row per file the lines name by path,
// not one per asset ID.
func TestMatchOutcomesWithoutFilesSharedID(t *testing.T) {
	logs := []JobLog{{TotalFileCount: 4, Details: []LogDetail{
		detail("FileBegin", "hero", "Receiving w/t9/a/hero.png as w/t9/a/hero.png"),
		detail("UploadSuccess", "hero", "w/t9/a/hero.png was processed into IPS"),
		detail("UploadError", "bad", "w/t9/bad.png could not be processed: its content is not a PNG image"),
		detail("UploadSuccess", "logo", "w/t9/logo.png was processed into IPS"),
		detail("FileUpdated", "hero", "w/t9/b/hero.png was processed into IPS as asset hero, replacing w/t9/a/hero.png"),
		detail("UploadSuccess", "my hero 2", "w/t9/my hero 2.png was processed into IPS"),
	}}}
	outs := MatchOutcomes(logs, "", nil)
	checkOutcomes(t, outs, map[string][2]string{
		"w/t9/a/hero.png":    {"replaced", "w/t9/b/hero.png"},
		"w/t9/bad.png":       {"failed", ""},
		"w/t9/logo.png":      {"processed", ""},
		"w/t9/b/hero.png":    {"processed", ""},
		"w/t9/my hero 2.png": {"processed", ""},
	})
	if outs[0].Rel != "w/t9/a/hero.png" || outs[0].Item != -1 || outs[0].AssetID != "hero" {
		t.Errorf("first row %+v", outs[0])
	}
	if n := TallyOutcomes(outs); n != (OutcomeTally{Files: 5, Ready: 3, Failed: 1, Replaced: 1}) {
		t.Errorf("tally %+v", n)
	}
}

func TestMessagePath(t *testing.T) {
	for _, c := range []struct{ msg, asset, want string }{
		{"w/t9/b/hero.png was processed into IPS as asset hero, replacing w/t9/a/hero.png", "hero", "w/t9/b/hero.png"},
		{"ApiTestCo/blakexslttest.jpg was processed into IPS", "blakexslttest", "ApiTestCo/blakexslttest.jpg"},
		{"« w/hero.png » は IPS に処理されました。", "hero", "w/hero.png"},
		{"La ressource hero a été traitée", "hero", ""},
		{"w/heroes.png was processed", "hero", ""},
		{"w/x.hero.png was processed", "hero", ""},
		{"w/README was processed", "README", "w/README"},
		{"w/hero.png was processed", "w/hero.png", ""}, // the asset name is the path
		// A name sent decomposed (a Mac's ガイド.jpg) keeps its form; a log that writes
		// the message and the asset name in two forms still names the file.
		{"w/カ\u3099イト\u3099.jpg was processed into IPS", "カ\u3099イト\u3099", "w/カ\u3099イト\u3099.jpg"},
		{"w/ガイド.jpg was processed into IPS", "カ\u3099イト\u3099", "w/ガイド.jpg"},
		{"w/カ\u3099イト\u3099.jpg was processed into IPS", "ガイド", "w/ガイド.jpg"},
	} {
		if got := messagePath(c.msg, c.asset); got != c.want {
			t.Errorf("messagePath(%q, %q) = %q, want %q", c.msg, c.asset, got, c.want)
		}
	}
}
